package dev.jitjava.cli;

import dev.jitjava.Capability;
import dev.jitjava.internal.compile.Compilation;
import dev.jitjava.internal.compile.InMemoryCompiler;
import dev.jitjava.internal.compile.SourceUnit;
import dev.jitjava.internal.verify.BytecodeVerifier;
import dev.jitjava.internal.verify.Violation;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The session behind {@code jit shell}: JShell running in this process, plus what makes a missing
 * method appear. A method the session lacks is written (by {@link ShellMethods}), compiled with the
 * session's declarations and checked by the bytecode verifier before JShell ever defines it.
 */
final class ShellSession implements AutoCloseable {
    /** JShell's message names the missing method this way: {@code symbol: method name(types)}. */
    private static final Pattern SYMBOL = Pattern.compile("symbol:\\s+method\\s+(\\w+)\\((.*)\\)");
    private static final Pattern DEPENDENCY = Pattern.compile("method\\s+(\\w+)\\((.*)\\)");

    /** What the jshell tool imports on start, as JShell's API does not. */
    private static final List<String> DEFAULT_IMPORTS = List.of("java.io.*", "java.math.*", "java.net.*",
            "java.nio.file.*", "java.util.*", "java.util.concurrent.*", "java.util.function.*", "java.util.prefs.*",
            "java.util.regex.*", "java.util.stream.*");

    private final JShell shell = JShell.builder().executionEngine("local").build();
    private final InMemoryCompiler compiler = new InMemoryCompiler();

    ShellSession() {
        for (String imported : DEFAULT_IMPORTS) {
            shell.eval("import " + imported + ";");
        }
    }

    /** A method a snippet needs: its name and argument types as javac prints them. */
    record Missing(String name, List<String> argumentTypes) {
        String signature() {
            List<String> erased = new ArrayList<>();
            for (String type : argumentTypes) {
                erased.add(type.replaceAll("<.*>", ""));
            }
            return name + "(" + String.join(",", erased) + ")";
        }
    }

    /** What evaluating a snippet came to. */
    record Outcome(List<String> shown, List<String> errors, List<Missing> missing) {
    }

    Outcome eval(String source) {
        List<String> shown = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Missing> missing = new ArrayList<>();
        for (SnippetEvent event : shell.eval(source)) {
            if (event.exception() != null) {
                errors.add(event.exception().getClass().getName() + ": " + event.exception().getMessage());
            }
            Snippet snippet = event.snippet();
            if (event.causeSnippet() != null) {
                continue;
            }
            for (Diag diag : shell.diagnostics(snippet).toList()) {
                if (diag.isError() && diag.getCode().equals(MissingMethods.CANT_RESOLVE)) {
                    Matcher m = SYMBOL.matcher(diag.getMessage(Locale.ROOT));
                    if (m.find()) {
                        missing.add(new Missing(m.group(1), splitTypes(m.group(2))));
                    }
                } else if (diag.isError()) {
                    errors.add(diag.getMessage(Locale.ROOT));
                }
            }
            if (snippet instanceof DeclarationSnippet declaration && event.status() == Snippet.Status.RECOVERABLE_DEFINED) {
                shell.unresolvedDependencies(declaration).forEach(dependency -> {
                    Matcher m = DEPENDENCY.matcher(dependency);
                    if (m.matches()) {
                        missing.add(new Missing(m.group(1), splitTypes(m.group(2))));
                    }
                });
            }
            if (event.status() == Snippet.Status.VALID && event.value() != null && !event.value().isEmpty()) {
                String name = snippet instanceof VarSnippet variable ? variable.name() : "$" + snippet.id();
                shown.add(name + " ==> " + event.value());
            }
        }
        return new Outcome(shown, errors, missing);
    }

    /**
     * The session's declarations as one class, for compiling and verifying a method before JShell sees it;
     * a defined method called {@code name} is left out, as the candidate replaces it.
     */
    String context(String method, String name) {
        // the defaults are among the session's own import snippets: the constructor evaluated them
        StringBuilder imports = new StringBuilder();
        StringBuilder members = new StringBuilder();
        shell.snippets().filter(s -> shell.status(s) == Snippet.Status.VALID).forEach(snippet -> {
            if (snippet instanceof ImportSnippet) {
                String imported = snippet.source().strip();
                imports.append(imported).append(imported.endsWith(";") ? "\n" : ";\n");
            } else if (snippet instanceof VarSnippet variable) {
                members.append("    static ").append(variable.typeName()).append(' ').append(variable.name()).append(";\n");
            } else if (snippet instanceof MethodSnippet defined && defined.name().equals(name)) {
                // the method being written or improved: the candidate takes its place
            } else if (snippet instanceof MethodSnippet || snippet instanceof TypeDeclSnippet) {
                members.append("    static ").append(snippet.source().strip()).append("\n");
            }
        });
        return imports + "\npublic class JitShellSession {\n" + members + "\n" + method + "\n}\n";
    }

    /** Compiles the method with the session and checks it: "" when it may be defined, else what is wrong. */
    String check(String method, String name) {
        Compilation compilation = compiler.compile(new SourceUnit("", "JitShellSession", context(method, name)), List.of());
        if (compilation instanceof Compilation.Failed failed) {
            return failed.errors().get(0).describe();
        }
        List<Violation> violations = BytecodeVerifier.verify(((Compilation.Classes) compilation).classes(),
                new BytecodeVerifier.Context(Set.of(Capability.CONSOLE), Set.of(), getClass().getClassLoader(), Set.of(name)));
        return violations.isEmpty() ? "" : violations.get(0).forUser("the session");
    }

    /** How much of {@code input} is a complete snippet: the snippet and what remains, or null if more input is needed. */
    String[] complete(String input) {
        var info = shell.sourceCodeAnalysis().analyzeCompletion(input);
        return switch (info.completeness()) {
            case COMPLETE, COMPLETE_WITH_SEMI -> new String[]{info.source(), info.remaining()};
            case EMPTY -> new String[]{"", ""};
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> null;
            default -> new String[]{input, ""};
        };
    }

    /** Defines a checked method in the session. */
    void define(String method) {
        shell.eval(method);
    }

    List<String> definitions() {
        return shell.snippets().filter(s -> shell.status(s) == Snippet.Status.VALID && s instanceof DeclarationSnippet)
                .map(Snippet::source).toList();
    }

    static List<String> splitTypes(String types) {
        List<String> split = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : types.toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                split.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            split.add(current.toString().strip());
        }
        return split;
    }

    @Override
    public void close() {
        shell.close();
    }
}
