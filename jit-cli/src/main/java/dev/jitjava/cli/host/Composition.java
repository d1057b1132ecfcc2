package dev.jitjava.cli.host;

import dev.jitjava.Diagnostic;

import javax.tools.JavaFileObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A base file with methods placed into it, as javac compiles it: each method's members in a static
 * nested class of their own ({@code jit$countVowels}), so that everything the model wrote lives in
 * classes the verifier and the budgets can tell apart from the file's own code; a bridge with the
 * method's header beside it, so the file calls it by its simple name; the methods' imports put on
 * an existing line, so that the file's own lines keep their numbers. Bodies whose calls still lack
 * a method can be stood in for ({@code throw null}, same length and lines), and names that still
 * lack a method get a stub, so that a candidate compiles before every method exists.
 *
 * @param text         the composed file
 * @param holders      the nested class of each placed method, by signature
 * @param members      for each placed method, the composed lines its members occupy
 * @param importsAt    where the imports were inserted (an offset of the base file)
 * @param importsLength how many characters they took
 * @param blockStart   where the placed block begins in the composed file
 * @param blockLength  its length
 * @param blockLines   how many lines it added
 */
record Composition(BaseFile base, String text, Map<String, String> holders, Map<String, Lines> members,
                   int importsAt, int importsLength, int blockStart, int blockLength, int blockLines) {

    /**
     * Where a method's members are in the composed file.
     *
     * @param first       the composed line of their first line
     * @param last        the composed line of their last line
     * @param importLines how many lines of the stored source come before them
     */
    record Lines(int first, int last, int importLines) {
        boolean contains(long line) {
            return line >= first && line <= last;
        }

        /** The stored source's own line of a composed line. */
        long stored(long line) {
            return line - first + 1 + importLines;
        }

        /** The composed line on which the stored source's first line would be: the class files' line offset plus one. */
        int firstLine() {
            return first - importLines;
        }
    }

    static final String EXAMPLES = "jit$examples";
    static final String HOLDER_PREFIX = "jit$";

    /** A method to place: its signature, name and stored source (parsed). */
    record Placed(String signature, String name, MethodSource source) {
    }

    /**
     * Places methods into the base.
     *
     * @param stoodIn  bodies of the base to stand in for
     * @param stubs    names to give a stub that accepts any arguments and returns whatever is wanted
     * @param typedStubs stubs typed from a call, for methods the candidate calls that do not exist yet
     * @param examples members of the examples class, or null
     */
    static Composition of(BaseFile base, List<Placed> methods, List<BaseFile.Body> stoodIn, Set<String> stubs,
                          List<PlacedMethods.Stub> typedStubs, String examples) {
        String text = standIn(base.text(), stoodIn);
        Set<String> imports = new LinkedHashSet<>();
        methods.forEach(m -> imports.addAll(m.source().imports()));
        StringBuilder importText = new StringBuilder();
        imports.forEach(line -> importText.append(line).append(' '));
        if (base.importsAt() > 0 && importText.length() > 0) {
            importText.insert(0, ' ');
        }
        Map<String, String> holders = holders(methods);
        String before = text.substring(0, base.importsAt()) + importText + text.substring(base.importsAt(), base.classEnd());
        long linesBefore = before.chars().filter(c -> c == '\n').count();
        StringBuilder block = new StringBuilder("\n    // placed by jit-java: methods from the store, not part of the file\n");
        Map<String, Lines> members = new LinkedHashMap<>();
        for (Placed method : methods) {
            String holder = holders.get(method.signature());
            if (method.source().header() != null) {
                block.append("    ").append(method.source().bridge(method.name(), holder)).append('\n');
            }
            block.append("    static final class ").append(holder).append(" {\n");
            int first = (int) (linesBefore + 1 + block.chars().filter(c -> c == '\n').count());
            int count = (int) method.source().members().chars().filter(c -> c == '\n').count() + 1;
            members.put(method.signature(), new Lines(first, first + count - 1, method.source().importLines()));
            block.append(method.source().members()).append("\n    }\n");
        }
        for (String stub : stubs) {
            block.append("    static <T> T ").append(stub).append("(Object... arguments) { throw null; }\n");
        }
        for (PlacedMethods.Stub stub : typedStubs) {
            block.append("    ").append(stub.text()).append('\n');
        }
        if (examples != null) {
            block.append("    static final class ").append(EXAMPLES).append(" {\n").append(examples).append("\n    }\n");
        }
        String composed = before + block + text.substring(base.classEnd());
        int blockLines = (int) block.chars().filter(c -> c == '\n').count();
        return new Composition(base, composed, holders, members, base.importsAt(), importText.length(),
                before.length(), block.length(), blockLines);
    }

    /** Each method's nested class: {@code jit$name}, numbered when overloads share a name. */
    private static Map<String, String> holders(List<Placed> methods) {
        Map<String, Integer> byName = new LinkedHashMap<>();
        methods.forEach(m -> byName.merge(m.name(), 1, Integer::sum));
        Map<String, Integer> seen = new LinkedHashMap<>();
        Map<String, String> holders = new LinkedHashMap<>();
        for (Placed method : methods) {
            int index = seen.merge(method.name(), 1, Integer::sum);
            holders.put(method.signature(), HOLDER_PREFIX + method.name()
                    + (byName.get(method.name()) > 1 ? "$" + index : ""));
        }
        return holders;
    }

    /** The bodies replaced by {@code {throw null;}} (or nothing, where no value is due), keeping every offset and line. */
    private static String standIn(String text, List<BaseFile.Body> bodies) {
        char[] chars = text.toCharArray();
        for (BaseFile.Body body : bodies) {
            for (int i = body.start() + 1; i < body.end() - 1; i++) {
                if (chars[i] != '\n') {
                    chars[i] = ' ';
                }
            }
            if (body.yields()) {
                String statement = "throw null;";
                int run = 0;
                for (int i = body.start() + 1; i < body.end() - 1; i++) {
                    run = chars[i] == '\n' ? 0 : run + 1;
                    if (run == statement.length()) {
                        statement.getChars(0, statement.length(), chars, i - statement.length() + 1);
                        break;
                    }
                }
            }
        }
        return new String(chars);
    }

    /** The binary name of a placed method's class. */
    String holderClass(String signature) {
        return base.binaryName() + "$" + holders.get(signature);
    }

    String examplesClass() {
        return base.binaryName() + "$" + EXAMPLES;
    }

    /** The offset in the base file of an offset of the composed text, or -1 inside the placed block. */
    long baseOffset(long offset) {
        if (offset < importsAt) {
            return offset;
        }
        if (offset < importsAt + importsLength) {
            return importsAt;
        }
        if (offset < blockStart) {
            return offset - importsLength;
        }
        if (offset < blockStart + blockLength) {
            return -1;
        }
        return offset - importsLength - blockLength;
    }

    /** The line in the base file of a composed line, or -1 inside the placed block. */
    long baseLine(long line) {
        long blockFirst = text.substring(0, blockStart).chars().filter(c -> c == '\n').count() + 1;
        if (line <= blockFirst) {
            return line;
        }
        if (line <= blockFirst + blockLines) {
            return -1;
        }
        return line - blockLines;
    }

    /**
     * javac's errors as a method's problems: those in its members at its stored source's own lines,
     * the rest named by the file (or the other method) and line where they are.
     *
     * @param signature the method whose source is asked about
     * @param source    its stored source
     * @param storedFiles where each placed method is stored, for errors in another method
     */
    List<Diagnostic> diagnostics(List<javax.tools.Diagnostic<? extends JavaFileObject>> errors, String signature,
                                 String source, Map<String, String> storedFiles) {
        String[] sourceLines = source == null ? new String[0] : source.split("\n", -1);
        List<Diagnostic> problems = new ArrayList<>();
        for (javax.tools.Diagnostic<? extends JavaFileObject> error : errors) {
            long line = error.getLineNumber();
            String message = error.getMessage(java.util.Locale.ROOT);
            String owner = lineOwner(line);
            if (signature != null && signature.equals(owner)) {
                long own = members.get(owner).stored(line);
                problems.add(new Diagnostic(error.getCode(), own, message,
                        own >= 1 && own <= sourceLines.length ? sourceLines[(int) own - 1] : ""));
            } else if (owner != null) {
                problems.add(new Diagnostic(error.getCode(), 0, storedFiles.getOrDefault(owner, owner) + ":"
                        + members.get(owner).stored(line) + ": " + message, ""));
            } else {
                long baseLine = baseLine(line);
                problems.add(new Diagnostic(error.getCode(), 0, base.fileName() + (baseLine > 0 ? ":" + baseLine : "")
                        + ": " + message, baseLine > 0 ? base.line(baseLine) : ""));
            }
        }
        return problems;
    }

    /** The placed method whose members hold a composed line, or null (the base, a bridge, a stub). */
    String lineOwner(long line) {
        for (Map.Entry<String, Lines> entry : members.entrySet()) {
            if (entry.getValue().contains(line)) {
                return entry.getKey();
            }
        }
        return null;
    }
}
