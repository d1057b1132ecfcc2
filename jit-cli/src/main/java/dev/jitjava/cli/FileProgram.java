package dev.jitjava.cli;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import dev.jitjava.Capability;
import dev.jitjava.internal.compile.Compilation;
import dev.jitjava.internal.compile.InMemoryCompiler;
import dev.jitjava.internal.compile.SourceUnit;
import dev.jitjava.internal.method.MethodKey;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.store.MethodStore;
import dev.jitjava.internal.verify.BytecodeVerifier;
import dev.jitjava.internal.verify.Instrumenter;
import dev.jitjava.internal.verify.Violation;
import dev.langchain4j.model.chat.ChatModel;

import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A single-file program with methods it calls but does not define: each is taken from the store
 * (kept beside the file) or written by the model, added to the program's class as a static member,
 * checked by the verifier, and the program is compiled until nothing is missing.
 */
final class FileProgram {
    private static final int MAX_ROUNDS = 10;

    private final String fileName;
    private final String original;
    private final MethodStore store;
    private final InMemoryCompiler compiler = new InMemoryCompiler();
    private final MethodWriter writer;
    private final Map<String, String> members = new LinkedHashMap<>();

    FileProgram(String fileName, String source, MethodStore store, Supplier<ChatModel> model, int maxAttempts,
                Activity activity) {
        this.fileName = fileName;
        this.original = source;
        this.store = store;
        this.writer = new MethodWriter(store, model, maxAttempts, activity);
    }

    /** The program, complete: its source with the added methods, and its compiled classes. */
    record Built(String className, String source, Map<String, byte[]> classes, List<String> added) {
    }

    Built build() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String program = assemble(members);
            MissingMethods.Analysis analysis = MissingMethods.analyze(program, fileName);
            if (analysis.calls().isEmpty()) {
                return compile(analysis.className(), program);
            }
            for (MissingMethods.Call call : analysis.calls()) {
                members.put(call.signature(), member(analysis.className(), call, program));
            }
        }
        throw new ExitException(ExitCodes.FAILURE, "methods are still missing after " + MAX_ROUNDS + " rounds",
                "check that the calls in " + fileName + " name methods a model can write");
    }

    /**
     * What the store lacks for this program, without calling a model: each missing method as
     * {@code Class.name(types)}; empty when the program is complete (then it must also compile and
     * pass the verifier, else {@link ExitException}).
     */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String program = assemble(members);
            MissingMethods.Analysis analysis = MissingMethods.analyze(program, fileName);
            boolean found = false;
            for (MissingMethods.Call call : analysis.calls()) {
                Optional<MethodStore.Stored> stored = store.load(key(analysis.className(), call));
                if (stored.isPresent()) {
                    members.put(call.signature(), stored.get().source());
                    found = true;
                } else {
                    String name = analysis.className() + "." + call.signature();
                    if (!missing.contains(name)) {
                        missing.add(name);
                    }
                }
            }
            if (!found) {
                if (missing.isEmpty()) {
                    compile(analysis.className(), program);
                }
                return missing;
            }
        }
        return missing;
    }

    private Built compile(String className, String program) {
        Compilation compilation = compiler.compile(new SourceUnit("", className, program), List.of());
        if (compilation instanceof Compilation.Failed failed) {
            throw new ExitException(ExitCodes.FAILURE, fileName + ": " + failed.errors().get(0).describe(),
                    "fix the file, or the stored method the line belongs to");
        }
        Map<String, byte[]> classes = ((Compilation.Classes) compilation).classes();
        Set<String> generated = members.keySet().stream().map(s -> s.substring(0, s.indexOf('(')))
                .collect(Collectors.toSet());
        List<Violation> violations = BytecodeVerifier.verify(classes, new BytecodeVerifier.Context(
                Set.of(Capability.CONSOLE), Set.of(), getClass().getClassLoader(), generated));
        if (!violations.isEmpty()) {
            throw new ExitException(ExitCodes.FAILURE, "a written method uses what generated code may not: "
                    + violations.get(0).forUser(className), "edit the stored method under " + store.root());
        }
        Instrumenter.Limits limits = new Instrumenter.Limits(1_000_000_000L, 256L << 20, className + " (written methods)",
                "", "");
        Map<String, byte[]> metered = Instrumenter.instrumentMethods(classes, generated, limits,
                getClass().getClassLoader());
        return new Built(className, program, metered, List.copyOf(members.keySet()));
    }

    /** The method's source: stored, or written now (and stored). */
    private String member(String className, MissingMethods.Call call, String program) {
        MethodKey key = key(className, call);
        Optional<MethodStore.Stored> stored = store.load(key);
        if (stored.isPresent()) {
            return stored.get().source();
        }
        MethodSpec spec = spec(className, call, key);
        String member = write(className, call.signature(), spec, request(className, spec, call, program), null);
        return member;
    }

    /**
     * A new version of a stored method of this program, from feedback: written, compiled with the
     * program, verified, and stored with the feedback in its history.
     */
    void improve(MethodStore.Listed method, String feedback) {
        String className = method.owner().substring("file/".length());
        String program = assemble(storedMembers(className));
        String signature = method.signature();
        String name = signature.substring(0, signature.indexOf('('));
        String inner = signature.substring(signature.indexOf('(') + 1, signature.length() - 1);
        List<String> types = inner.isEmpty() ? List.of() : List.of(inner.split(","));
        MissingMethods.Call call = new MissingMethods.Call(name, types, "Object", "");
        MethodSpec spec = spec(className, call, key(className, call));
        String current = method.metadata().current().sourceText();
        String request = "Change this static method of class " + className + ":\n\n```java\n" + current.strip()
                + "\n```\n\nChange it as follows: " + feedback + "\n\nKeep its name and parameter types. The whole "
                + "program, as it is now:\n```java\n" + program + "\n```\n";
        members.putAll(storedMembers(className));
        members.remove(signature);
        write(className, signature, spec, request, new MethodWriter.Improvement(method.metadata(), feedback));
    }

    /** Asks the model until an answer compiles with the program; stores and returns the method's source. */
    private String write(String className, String signature, MethodSpec spec, String request,
                         MethodWriter.Improvement improvement) {
        return writer.write(spec, system(), request, member -> {
            Map<String, String> trial = new LinkedHashMap<>(members);
            trial.put(signature, member);
            Compilation compilation = compiler.compile(new SourceUnit("", className, assemble(trial)), List.of());
            if (compilation instanceof Compilation.Failed failed) {
                // A call to another missing method is fine: the next round writes that one.
                return failed.errors().stream().filter(e -> !e.code().equals(MissingMethods.CANT_RESOLVE)).toList();
            }
            return List.of();
        }, improvement);
    }

    /** Every method the store holds for the program's class, by signature. */
    private Map<String, String> storedMembers(String className) {
        Map<String, String> stored = new LinkedHashMap<>();
        for (MethodStore.Listed listed : store.list()) {
            if (listed.owner().equals("file/" + className)) {
                store.load(listedKey(listed)).ifPresent(s -> stored.put(listed.signature(), s.source()));
            }
        }
        return stored;
    }

    private static MethodKey listedKey(MethodStore.Listed listed) {
        String signature = listed.signature();
        String inner = signature.substring(signature.indexOf('(') + 1, signature.length() - 1);
        String className = listed.owner().substring("file/".length());
        return new MethodKey(listed.owner(), className, signature.substring(0, signature.indexOf('(')),
                inner.isEmpty() ? List.of() : List.of(inner.split(",")));
    }

    private static MethodKey key(String className, MissingMethods.Call call) {
        return new MethodKey("file/" + className, className, call.name(), call.erased());
    }

    private static MethodSpec spec(String className, MissingMethods.Call call, MethodKey key) {
        return MethodWriter.spec(key.owner(), className, call.name(), call.argumentTypes(), call.returnType());
    }

    private static String system() {
        return """
                You are a senior Java engineer. You add one missing static method at a time to a single-file Java \
                program, which is then compiled with javac (Java %d) and run.

                Answer with a single ```java block that holds the method, with exactly the name and parameter types \
                asked for, and any private static helper methods it needs. No class around it, no main method, no \
                explanations. Use only the JDK. Print only when the program needs it.
                """.formatted(Runtime.version().feature());
    }

    private static String request(String className, MethodSpec spec, MissingMethods.Call call, String program) {
        return "Write this static method of class " + className + ":\n\n    static " + spec.signature() + "\n\n"
                + (spec.flexibleReturn() ? "The call does not say what it returns: choose the type that fits, or void.\n\n"
                : "") + "It is called here: " + call.line() + "\n\nThe whole program:\n```java\n" + program + "\n```\n";
    }

    /** The original source with {@code added} as members of its first top-level class. */
    String assemble(Map<String, String> added) {
        if (added.isEmpty()) {
            return original;
        }
        int end = classEnd(original);
        String methods = added.values().stream().collect(Collectors.joining("\n\n", "\n", "\n"));
        return original.substring(0, end) + methods + original.substring(end);
    }

    /** Where the first top-level class's closing brace is. */
    private int classEnd(String source) {
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + fileName), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler().getTask(null, null,
                new javax.tools.DiagnosticCollector<>(), List.of("-proc:none"), null, List.of(file));
        try {
            CompilationUnitTree unit = task.parse().iterator().next();
            for (Tree type : unit.getTypeDecls()) {
                if (type instanceof ClassTree) {
                    return (int) Trees.instance(task).getSourcePositions().getEndPosition(unit, type) - 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new ExitException(ExitCodes.USAGE, fileName + " declares no class", "jit run takes a Java source file");
    }
}
