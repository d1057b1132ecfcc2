package dev.jitjava.cli.host;

import dev.jitjava.spi.HostCompilation;
import dev.jitjava.spi.HostedMethods;
import dev.jitjava.spi.MethodRequest;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A {@code jit shell} session: JShell running in this process, whose methods the model wrote are
 * placed as JShell snippets (a class holding the members, and a bridge method with the method's own
 * header), and whose every class load passes a gate: the classes of placed methods are checked by
 * jit-java's engine (signature, verifier) and instrumented with the budgets before JShell defines
 * them. The session's declarations, as one class, are the context candidates compile in.
 */
public final class Session implements AutoCloseable {
    /** What the jshell tool imports on start, as JShell's API does not. */
    static final List<String> DEFAULT_IMPORTS = List.of("java.io.*", "java.math.*", "java.net.*",
            "java.nio.file.*", "java.util.*", "java.util.concurrent.*", "java.util.function.*", "java.util.prefs.*",
            "java.util.regex.*", "java.util.stream.*");
    static final String CONTEXT_CLASS = "JitShell";
    static final String SNIPPET_METHOD = "jit$snippet";
    private static final Pattern MODIFIERS = Pattern.compile(
            "^(\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s+|(?:public|protected|private|abstract|final|sealed|non-sealed|"
                    + "strictfp|synchronized|native|default)\\s+)*)");

    /** A placed method as the gate checks it. */
    private record Placed(MethodRequest request, HostedMethods.Ready ready, HostedMethods engine) {
    }

    private final JShell shell;
    private final Map<String, Placed> holders = new ConcurrentHashMap<>();
    private final Set<String> ours = ConcurrentHashMap.newKeySet();
    /** The jars of placed methods' libraries that JShell has on its class path. */
    private final Set<Path> onClassPath = ConcurrentHashMap.newKeySet();

    public Session() {
        shell = JShell.builder().executionEngine(new SessionExecution(this::gate), Map.of()).build();
        for (String imported : DEFAULT_IMPORTS) {
            shell.eval("import " + imported + ";");
        }
    }

    /** Evaluates one complete snippet. */
    public List<SnippetEvent> eval(String source) {
        return shell.eval(source);
    }

    /** Stops the snippet running now, if any (Ctrl-C). */
    public void stop() {
        shell.stop();
    }

    public List<Diag> diagnostics(Snippet snippet) {
        return shell.diagnostics(snippet).toList();
    }

    public Snippet.Status status(Snippet snippet) {
        return shell.status(snippet);
    }

    public Stream<String> unresolvedDependencies(DeclarationSnippet snippet) {
        return shell.unresolvedDependencies(snippet);
    }

    /** How much of {@code input} is a complete snippet: it and what remains, or null if more input is needed. */
    public String[] complete(String input) {
        SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(input);
        return switch (info.completeness()) {
            case COMPLETE, COMPLETE_WITH_SEMI -> new String[]{info.source(), info.remaining()};
            case EMPTY -> new String[]{"", ""};
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> null;
            default -> new String[]{input, ""};
        };
    }

    /** The user's own snippets that are in effect now (placed methods left out), in order. */
    public List<Snippet> userSnippets() {
        return shell.snippets().filter(s -> shell.status(s).isActive() && !ours.contains(s.id())).toList();
    }

    /** Whether a snippet is one of those that place a method (rather than the user's own). */
    public boolean isPlaced(Snippet snippet) {
        return ours.contains(snippet.id());
    }

    /**
     * Places a method the engine handed over: its imports, a class holding its members, and a bridge,
     * each a snippet; the gate checks the holder's classes as JShell loads them.
     *
     * @return the problems JShell found, one line each (none when the method is in place)
     */
    List<String> place(MethodRequest request, HostedMethods.Ready ready, String holder, HostedMethods engine) {
        MethodSource source = MethodSource.parse(ready.source(), request.name(), request.parameters().size());
        holders.put(holder, new Placed(request, ready, engine));
        for (Path jar : ready.libraries()) { // JShell compiles and loads with them from now on
            if (onClassPath.add(jar)) {
                shell.addToClasspath(jar.toString());
            }
        }
        List<String> problems = new ArrayList<>();
        for (String imported : source.imports()) {
            problems.addAll(evalOurs(imported));
        }
        problems.addAll(evalOurs("class " + holder + " {\n" + source.members() + "\n}"));
        if (problems.isEmpty() && source.header() != null) {
            problems.addAll(evalOurs(source.bridge(request.name(), holder)));
        }
        return problems;
    }

    private List<String> evalOurs(String source) {
        List<String> problems = new ArrayList<>();
        for (SnippetEvent event : shell.eval(source)) {
            if (event.causeSnippet() != null) {
                continue;
            }
            ours.add(event.snippet().id());
            if (event.exception() != null) {
                problems.add(event.exception().getMessage());
            }
            if (!event.status().isDefined()) {
                shell.diagnostics(event.snippet()).filter(Diag::isError)
                        .forEach(d -> problems.add(d.getMessage(Locale.ROOT)));
            }
        }
        return problems;
    }

    /**
     * The classes of one load, with those of placed methods checked by the engine and instrumented.
     * A placed method's class whose check fails is refused: it never runs.
     */
    private Map<String, byte[]> gate(Map<String, byte[]> classes) {
        Map<String, byte[]> result = new LinkedHashMap<>(classes);
        for (String name : classes.keySet()) {
            Placed placed = placedFor(name);
            if (placed == null) {
                continue;
            }
            HostedMethods.Accepted accepted;
            try {
                accepted = placed.engine().accept(placed.request(), placed.ready(),
                        new HostCompilation.Classes(classes, name, 1, null));
            } catch (RuntimeException e) {
                throw new SessionExecution.Refused(e.getMessage(), e);
            }
            if (!(accepted instanceof HostedMethods.Accepted.Checked checked)) {
                throw new SessionExecution.Refused(placed.request().name() + " no longer compiles in this session", null);
            }
            result.keySet().removeIf(n -> n.equals(name) || n.startsWith(name + "$"));
            result.putAll(checked.classes());
        }
        return result;
    }

    /** The placed method whose holder class this is ({@code REPL.$JShell$22$jit$countVowels}), or null. */
    private Placed placedFor(String className) {
        for (Map.Entry<String, Placed> entry : holders.entrySet()) {
            if (className.endsWith("$" + entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * The session's declarations in effect as one class, for candidates to compile in: imports, variables
     * as static fields, methods and types as static members. Placed methods are left out (their host
     * places them), as is anything not in effect.
     *
     * @param extra one more member, or a snippet as the body of a method ({@link #SNIPPET_METHOD}), or null
     */
    BaseFile context(String extra) {
        StringBuilder imports = new StringBuilder();
        StringBuilder members = new StringBuilder();
        for (Snippet snippet : userSnippets()) {
            if (shell.status(snippet) != Snippet.Status.VALID) {
                continue;
            }
            if (snippet instanceof ImportSnippet) {
                String imported = snippet.source().strip();
                imports.append(imported).append(imported.endsWith(";") ? "\n" : ";\n");
            } else if (snippet instanceof VarSnippet variable) {
                members.append("    static ").append(variable.typeName()).append(' ').append(variable.name())
                        .append(";\n");
            } else if (snippet instanceof MethodSnippet || snippet instanceof TypeDeclSnippet) {
                members.append(staticMember(snippet.source().strip())).append('\n');
            }
        }
        if (extra != null) {
            members.append(extra).append('\n');
        }
        return BaseFile.parse(CONTEXT_CLASS + ".java", imports + "\npublic class " + CONTEXT_CLASS + " {\n" + members
                + "}\n");
    }

    /** A snippet's declaration as a static member: {@code static} added unless it is there. */
    static String staticMember(String declaration) {
        Matcher m = MODIFIERS.matcher(declaration);
        m.find();
        String modifiers = m.group(1);
        String rest = declaration.substring(modifiers.length());
        return rest.startsWith("static ") || rest.startsWith("static\t") ? "    " + declaration
                : "    " + modifiers + "static " + rest;
    }

    /** Every snippet, for {@code /list}. */
    public List<Snippet> snippets() {
        return shell.snippets().filter(s -> shell.status(s).isActive()).toList();
    }

    /** The names of the placed methods' holder classes. */
    Set<String> holderNames() {
        return new HashSet<>(holders.keySet());
    }

    @Override
    public void close() {
        shell.close();
    }
}
