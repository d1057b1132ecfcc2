package dev.jitjava.internal.extract;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import dev.jitjava.Diagnostic;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Parameter;

import javax.lang.model.element.Modifier;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the method asked for in a model's answer, however it is wrapped: fenced or not, several
 * blocks, prose around them, a whole class implementing the interface, other modifiers, imports
 * on top. Parsing uses javac's own parser, so what counts as Java here is what javac accepts.
 */
public final class CodeExtractor {
    private static final String WRAPPER = "JitAnswer__";
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;\\s*$");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+[\\w.]+\\s*;\\s*$");
    private static final Pattern GENERICS = Pattern.compile("<[^<>]*>");

    private CodeExtractor() {
    }

    public static Extraction extract(String answer, MethodSpec spec) {
        String text = answer == null ? "" : answer.replace("\r\n", "\n");
        Set<String> imports = new LinkedHashSet<>();
        Parsed best = null;
        Parsed broken = null;
        for (String block : Blocks.of(text, spec.name())) {
            StringBuilder body = new StringBuilder();
            for (String line : block.split("\n", -1)) {
                if (IMPORT.matcher(line).matches()) {
                    imports.add(line.strip());
                    body.append('\n'); // keeps line numbers aligned with the block
                } else if (PACKAGE.matcher(line).matches()) {
                    body.append('\n');
                } else {
                    body.append(line).append('\n');
                }
            }
            Parsed parsed = Parsed.of(body.toString(), spec);
            if (!parsed.errors.isEmpty()) {
                if (block.contains(spec.name() + "(")) {
                    broken = parsed;
                }
            } else if (parsed.found != null && (best == null || parsed.found.rank >= best.found.rank)) {
                best = parsed;
            }
        }
        if (best != null) {
            return new Extraction.Found(List.copyOf(imports), best.members(spec));
        }
        if (broken != null) {
            return new Extraction.Missing(broken.errors);
        }
        return new Extraction.Missing(List.of(new Diagnostic("jit.extract.missing", 0,
                "The answer holds no complete method `" + spec.signature()
                        + "` (with a body) in a ```java block.", "")));
    }

    /** A candidate method and the classes around it, outermost first. */
    private record Candidate(MethodTree method, List<ClassTree> path, int rank, boolean hasSelf) {
    }

    /** One block parsed inside a wrapper class, with the best candidate it holds. */
    private static final class Parsed {
        final String source;
        final CompilationUnitTree unit;
        final SourcePositions positions;
        final List<Diagnostic> errors;
        Candidate found;

        private Parsed(String source, CompilationUnitTree unit, SourcePositions positions, List<Diagnostic> errors) {
            this.source = source;
            this.unit = unit;
            this.positions = positions;
            this.errors = errors;
        }

        public static Parsed of(String body, MethodSpec spec) {
            String source = "class " + WRAPPER + " {\n" + body + "\n}\n";
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Answer.java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            JavacTask task = (JavacTask) javac.getTask(null, null, diagnostics, List.of("-proc:none"), null, List.of(file));
            CompilationUnitTree unit;
            try {
                unit = task.parse().iterator().next();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String[] lines = body.split("\n", -1);
            List<Diagnostic> errors = new ArrayList<>();
            for (var d : diagnostics.getDiagnostics()) {
                if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
                    long line = Math.max(0, d.getLineNumber() - 1);
                    String code = line >= 1 && line <= lines.length ? lines[(int) line - 1] : "";
                    errors.add(new Diagnostic(d.getCode(), line, d.getMessage(Locale.ROOT), code));
                }
            }
            Parsed parsed = new Parsed(source, unit, Trees.instance(task).getSourcePositions(), errors);
            for (Tree type : unit.getTypeDecls()) {
                if (type instanceof ClassTree wrapper) {
                    parsed.collect(wrapper, List.of(), spec);
                }
            }
            return parsed;
        }

        private void collect(ClassTree owner, List<ClassTree> outer, MethodSpec spec) {
            List<ClassTree> path = new ArrayList<>(outer);
            path.add(owner);
            for (Tree member : owner.getMembers()) {
                if (member instanceof MethodTree method && method.getBody() != null
                        && method.getName().contentEquals(spec.name())) {
                    Candidate candidate = rank(method, path, spec);
                    if (found == null || candidate.rank >= found.rank) {
                        found = candidate;
                    }
                } else if (member instanceof ClassTree nested) {
                    collect(nested, path, spec);
                }
            }
        }

        /** 3: the parameter types match; 2: the count matches; 1: only the name does. */
        private static Candidate rank(MethodTree method, List<ClassTree> path, MethodSpec spec) {
            List<? extends VariableTree> declared = method.getParameters();
            List<Parameter> wanted = spec.parameters();
            boolean hasSelf = declared.size() == wanted.size() + 1 && declared.get(0).getName().contentEquals("self");
            List<? extends VariableTree> own = hasSelf ? declared.subList(1, declared.size()) : declared;
            int rank = 1;
            if (own.size() == wanted.size()) {
                rank = 2;
                boolean same = true;
                for (int i = 0; i < own.size(); i++) {
                    same &= simpleErasure(own.get(i).getType().toString()).equals(wanted.get(i).simpleTypeName());
                }
                if (same) {
                    rank = 3;
                }
            }
            return new Candidate(method, List.copyOf(path), rank, hasSelf);
        }

        /** The members of the new class: the method first, then what came with it. */
        public List<String> members(MethodSpec spec) {
            List<String> members = new ArrayList<>();
            members.add(targetMethod(spec));
            List<ClassTree> path = found.path;
            for (int level = path.size() - 1; level >= 0; level--) {
                ClassTree owner = path.get(level);
                Tree inner = level + 1 < path.size() ? path.get(level + 1) : null;
                for (Tree member : owner.getMembers()) {
                    if (member != inner && member != found.method && keep(member, spec)) {
                        members.add(helper(member));
                    }
                }
            }
            return members;
        }

        private boolean keep(Tree member, MethodSpec spec) {
            if (member instanceof MethodTree method) {
                boolean isMain = method.getName().contentEquals("main") && method.getParameters().size() == 1;
                return method.getBody() != null && !method.getName().contentEquals("<init>") && !isMain;
            }
            if (member instanceof ClassTree type) {
                return !type.getSimpleName().contentEquals(spec.owner().label());
            }
            if (member instanceof BlockTree block) {
                return block.isStatic();
            }
            return member instanceof VariableTree;
        }

        private String targetMethod(MethodSpec spec) {
            MethodTree method = found.method;
            Set<Modifier> flags = EnumSet.of(Modifier.PUBLIC, Modifier.STATIC);
            String text = withModifiers(method, method.getModifiers(), flags);
            if (!found.hasSelf && spec.owner().selfSource() != null) {
                int parenthesis = source.indexOf('(', (int) end(method.getReturnType()));
                int open = text.length() - ((int) end(method) - parenthesis);
                String self = spec.owner().selfSource() + " self" + (method.getParameters().isEmpty() ? "" : ", ");
                text = text.substring(0, open + 1) + self + text.substring(open + 1);
            }
            return indent(leadingComments(method) + text, column(method));
        }

        private String helper(Tree member) {
            ModifiersTree modifiers = member instanceof MethodTree m ? m.getModifiers()
                    : member instanceof ClassTree c ? c.getModifiers()
                    : member instanceof VariableTree v ? v.getModifiers() : null;
            String text = modifiers == null ? slice(start(member), end(member)) : withModifiers(member, modifiers, null);
            return indent(leadingComments(member) + text, column(member));
        }

        /**
         * The member's text with its modifiers replaced: by {@code flags} when given, else by its own
         * made static (and never abstract or default). {@code @Override} goes: nothing is overridden now.
         */
        private String withModifiers(Tree member, ModifiersTree modifiers, Set<Modifier> flags) {
            Set<Modifier> newFlags = flags != null ? flags : EnumSet.noneOf(Modifier.class);
            if (flags == null) {
                newFlags.addAll(modifiers.getFlags());
                newFlags.remove(Modifier.DEFAULT);
                newFlags.remove(Modifier.ABSTRACT);
                newFlags.add(Modifier.STATIC);
            }
            List<String> parts = new ArrayList<>();
            for (AnnotationTree annotation : modifiers.getAnnotations()) {
                String name = annotation.getAnnotationType().toString();
                if (!name.equals("Override") && !name.equals("java.lang.Override")) {
                    parts.add(slice(start(annotation), end(annotation)));
                }
            }
            newFlags.forEach(flag -> parts.add(flag.toString()));
            String newModifiers = String.join(" ", parts);
            long modifiersStart = start(modifiers);
            long modifiersEnd = end(modifiers);
            if (modifiersStart < 0 || modifiersEnd <= modifiersStart) {
                return newModifiers + " " + slice(start(member), end(member));
            }
            String rest = slice(modifiersEnd, end(member));
            return newModifiers + (rest.startsWith(" ") ? "" : " ") + rest;
        }

        /** The comment lines right above a member, so the model's Javadoc stays with its code. */
        private String leadingComments(Tree member) {
            int lineStart = source.lastIndexOf('\n', (int) start(member) - 1) + 1;
            int from = lineStart;
            while (from > 0) {
                int previous = source.lastIndexOf('\n', from - 2) + 1;
                String line = source.substring(previous, from - 1).strip();
                if (!(line.startsWith("//") || line.startsWith("/*") || line.startsWith("*"))) {
                    break;
                }
                from = previous;
            }
            return from == lineStart ? "" : source.substring(from, lineStart).stripLeading();
        }

        private int column(Tree member) {
            return (int) (start(member) - (source.lastIndexOf('\n', (int) start(member) - 1) + 1));
        }

        private long start(Tree tree) {
            return positions.getStartPosition(unit, tree);
        }

        private long end(Tree tree) {
            return positions.getEndPosition(unit, tree);
        }

        private String slice(long from, long to) {
            return source.substring((int) from, (int) to);
        }
    }

    /** Re-indents a member for a class body: its own first-line indentation removed, four spaces added. */
    public static String indent(String text, int column) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0) {
                int strip = 0;
                while (strip < column && strip < line.length() && (line.charAt(strip) == ' ' || line.charAt(strip) == '\t')) {
                    strip++;
                }
                line = line.substring(strip);
            }
            out.append(line.isBlank() ? "" : "    " + line.stripTrailing());
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** {@code java.util.List<java.lang.Integer>} → {@code List}; {@code int...} → {@code int[]}. */
    public static String simpleErasure(String type) {
        String erased = type;
        for (Matcher m = GENERICS.matcher(erased); m.find(); m = GENERICS.matcher(erased)) {
            erased = m.replaceAll("");
        }
        erased = erased.replaceAll("@[\\w.]+(\\([^)]*\\))?\\s*", "").replace("...", "[]").replace(" ", "");
        int dot = erased.lastIndexOf('.', erased.indexOf('[') < 0 ? erased.length() : erased.indexOf('['));
        return dot < 0 ? erased : erased.substring(dot + 1);
    }
}
