package dev.jitjava.cli.host;

import dev.jitjava.Capability;
import dev.jitjava.Example;
import dev.jitjava.Jit;
import dev.jitjava.spi.HostCompilation;
import dev.jitjava.spi.HostedMethods;
import dev.jitjava.spi.MethodHost;
import dev.jitjava.spi.MethodRequest;
import jdk.jshell.Snippet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A {@code jit shell} session as the host of the methods its snippets call but nobody declared:
 * stored under {@code shell/session}, written with the snippet and the session in the prompt,
 * compiled in the session's context, and placed into JShell as snippets whose classes the engine
 * checks as they load (see {@link Session}).
 */
public final class SessionHost implements MethodHost {
    private static final String NOT_A_STATEMENT = "compiler.err.not.stmt";
    private static final int MAX_ROUNDS = 5;

    private final Session session;
    private final Optional<Budgets> budgets;
    private final Set<Capability> grants;
    private final PlacedMethods methods;
    private final Map<String, List<Example.Case>> examples = new LinkedHashMap<>();
    private HostedMethods engine;
    private String snippet = "";
    private BiFunction<String, String, Runnable> watcher = (method, model) -> () -> { };

    /**
     * @param budgets the budget of one call of the session's methods, when {@code jit shell --budget} gave one
     * @param grants  the capabilities {@code jit shell --allow} grants the session's methods
     */
    public SessionHost(Session session, Optional<Budgets> budgets, Set<Capability> grants) {
        this.session = session;
        this.budgets = budgets;
        this.grants = Set.copyOf(grants);
        this.methods = new PlacedMethods(() -> session.context(null));
    }

    @Override
    public Optional<Budgets> budgets() {
        return budgets;
    }

    @Override
    public Set<Capability> grants() {
        return grants;
    }

    @Override
    public String howToGrant(Capability capability) {
        return "--allow " + capability + " when you start jit shell";
    }

    /** Connects the session to a {@code Jit}'s engine. */
    public void useEngine(Jit jit) {
        this.engine = jit.host(this);
    }

    public HostedMethods engine() {
        return engine;
    }

    /** Shows the model at work: {@code watcher} gets the method and the model, and returns what ends the showing. */
    public void onWriting(BiFunction<String, String, Runnable> watcher) {
        this.watcher = watcher;
    }

    @Override
    public Runnable writing(MethodRequest method, String model) {
        return watcher.apply(ProgramHost.display(label(), method), model);
    }

    @Override
    public String storeId() {
        return "shell/session";
    }

    @Override
    public String label() {
        return "session";
    }

    @Override
    public String systemMessage() {
        return """
                You are a senior Java engineer. You add one missing static method at a time to a JShell session \
                (Java %d).

                Answer with a single ```java block that holds the imports your code needs, the method, with exactly \
                the name and parameter types asked for, and any private static helper methods or nested types it \
                needs. No class around it, no explanations. The method may call the session's methods, and itself, \
                by their simple names. Use only the JDK, unless you are offered add_dependency and the JDK is not \
                enough. Print only when the snippet needs it.
                """.formatted(Runtime.version().feature());
    }

    @Override
    public String request(MethodRequest method) {
        StringBuilder text = new StringBuilder("Write this static method for a JShell session:\n\n    ")
                .append(ProgramHost.declaration(method)).append("\n\n");
        if (method.anyReturn()) {
            text.append("The caller did not say what it returns: choose the type that fits, or void.\n\n");
        }
        if (!method.examples().isEmpty()) {
            text.append("Examples (each version must pass them):\n");
            method.examples().forEach(e -> text.append("    ").append(e.call())
                    .append(e.thrown() != null ? " throws " + e.thrown().getSimpleName()
                            : e.returns().isEmpty() ? "" : " returns " + e.returns()).append('\n'));
            text.append('\n');
        }
        return text.append("The snippet that calls it:\n```java\n").append(snippet.strip())
                .append("\n```\n\nThe session so far:\n```java\n").append(sessionText()).append("\n```\n").toString();
    }

    @Override
    public String improvement(MethodRequest method, String current, List<String> earlierFeedback, String feedback) {
        StringBuilder text = new StringBuilder("Change this static method of a JShell session:\n```java\n")
                .append(current.strip()).append("\n```\n\n");
        if (!earlierFeedback.isEmpty()) {
            text.append("Earlier feedback, oldest first:\n");
            for (int i = 0; i < earlierFeedback.size(); i++) {
                text.append(i + 1).append(". ").append(earlierFeedback.get(i)).append('\n');
            }
            text.append('\n');
        }
        return text.append("Change it as follows: ").append(feedback).append("\n\nKeep its name and parameter types.")
                .toString();
    }

    @Override
    public HostCompilation compile(MethodRequest method, String source, String examples) {
        return compile(method, source, examples, List.of());
    }

    /** A session takes libraries: their jars go on the class path of its analyses and of JShell itself. */
    @Override
    public boolean takesLibraries() {
        return true;
    }

    @Override
    public HostCompilation compile(MethodRequest method, String source, String examples, List<Path> libraries) {
        return methods.compile(method, source, examples, libraries);
    }

    @Override
    public ClassLoader trialLoader(Map<String, byte[]> classes) {
        return trialLoader(classes, List.of());
    }

    @Override
    public ClassLoader trialLoader(Map<String, byte[]> classes, List<Path> libraries) {
        return methods.trialLoader(classes, libraries);
    }

    /** Adds an example to the method its call names; it applies from the method's next use on. */
    public void example(Example.Case example) {
        String call = example.call().strip();
        int open = call.indexOf('(');
        if (open <= 0) {
            throw new IllegalArgumentException("an example is a call of a method, like countVowels(\"jit\")");
        }
        examples.computeIfAbsent(call.substring(0, open).strip(), name -> new ArrayList<>()).add(example);
    }

    /**
     * Makes the methods a snippet lacks exist: taken from the store or written (as the mode allows),
     * then placed into the session. A snippet that needs none returns at once.
     *
     * @param kind the snippet's kind as JShell classified it
     * @return what was placed, {@code Class.name(types)} each, with whether the model wrote it now
     */
    public List<Placement> provide(String source, Snippet.Kind kind) {
        this.snippet = source;
        List<Placement> placed = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<CallSites.Call> missing = missing(source, kind);
            if (missing.isEmpty()) {
                return placed;
            }
            for (CallSites.Call call : missing) {
                MethodRequest request = request(call);
                HostedMethods.Ready ready = engine.require(request);
                methods.put(request, ready);
                List<String> problems = session.place(request, ready, holder(request), engine);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException(ProgramHost.display(label(), request) + " could not be placed in "
                            + "the session: " + problems.get(0));
                }
                placed.add(new Placement(ProgramHost.display(label(), request), ready.written()));
            }
        }
        return placed;
    }

    /**
     * A method placed into the session.
     *
     * @param method  {@code session.countVowels(String)}
     * @param written whether the model wrote it now (rather than the store holding it)
     */
    public record Placement(String method, boolean written) {
    }

    /**
     * Checks a placed method against its examples now (they changed): one that fails them is written
     * again (as the mode allows) and placed instead.
     *
     * @return the new placement, if it was written again
     */
    public java.util.Optional<Placement> recheck(String name) {
        if (methods.known().values().stream().noneMatch(k -> k.request().name().equals(name))) {
            return java.util.Optional.empty();
        }
        PlacedMethods.Known known = find(name);
        MethodRequest request = withExamples(known.request());
        HostedMethods.Ready ready = engine.require(request);
        if (ready.source().equals(known.ready().source())) {
            return java.util.Optional.empty();
        }
        methods.put(request, ready);
        List<String> problems = session.place(request, ready, holder(request), engine);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the new version could not be placed in the session: " + problems.get(0));
        }
        return java.util.Optional.of(new Placement(ProgramHost.display(label(), request), ready.written()));
    }

    /** The request with the examples given for its method so far. */
    private MethodRequest withExamples(MethodRequest request) {
        MethodRequest.Builder builder = MethodRequest.builder(request.name())
                .examples(examples.getOrDefault(request.name(), List.of())).context(request.context())
                .description(request.description());
        request.parameters().forEach(p -> builder.parameter(p.name(), p.source(), p.descriptor()));
        if (!request.anyReturn()) {
            builder.returns(request.returns(), request.returnDescriptor());
        }
        return builder.build();
    }

    /** Has the model write a new version of a placed method, and places it instead. */
    public void improve(String name, String feedback) {
        PlacedMethods.Known known = find(name);
        HostedMethods.Ready ready = engine.improve(known.request(), feedback);
        methods.put(known.request(), ready);
        List<String> problems = session.place(known.request(), ready, holder(known.request()), engine);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the new version could not be placed in the session: " + problems.get(0));
        }
    }

    /** The signature of the placed method named so (its name, or its signature). */
    public String signatureOf(String name) {
        return find(name).request().signature();
    }

    /** The placed method named so (its name, or its signature). */
    PlacedMethods.Known find(String name) {
        List<PlacedMethods.Known> matches = methods.known().values().stream()
                .filter(k -> k.request().name().equals(name) || k.request().signature().equals(name.replace(" ", "")))
                .toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException(matches.isEmpty()
                    ? "no method " + name + " was written or loaded in this session" + stored()
                    : name + " is overloaded: name one by its signature, one of "
                    + matches.stream().map(k -> k.request().signature()).toList());
        }
        return matches.get(0);
    }

    private String stored() {
        List<String> stored = engine.stored();
        return stored.isEmpty() ? "" : " (the store has " + String.join(", ", stored) + "; call one to load it)";
    }


    /**
     * Writes again the placed methods whose calls in a snippet now need another type (a stored method
     * that returns {@code int} where the snippet wants a {@code String}), and places the new versions.
     *
     * @return what was placed; none when no call of a placed method is at fault
     */
    public List<Placement> refit(String source, Snippet.Kind kind) {
        this.snippet = source;
        SourceCompiler.Run run = analysis(source, kind);
        java.util.Set<String> names = new java.util.HashSet<>();
        methods.known().values().forEach(k -> names.add(k.request().name()));
        List<Placement> placed = new ArrayList<>();
        for (CallSites.Call call : CallSites.callsTo(run, names)) {
            for (var error : run.diagnostics()) {
                if ("compiler.err.prob.found.req".equals(error.getCode()) && error.getStartPosition() >= call.start()
                        && error.getStartPosition() <= call.end()) {
                    MethodRequest request = request(call);
                    HostedMethods.Ready ready = engine.rewrite(request, "the call in the session needs "
                            + (call.returns() == null ? "another type" : call.returns().source()) + ": "
                            + error.getMessage(java.util.Locale.ROOT));
                    methods.put(request, ready);
                    List<String> problems = session.place(request, ready, holder(request), engine);
                    if (!problems.isEmpty()) {
                        throw new IllegalStateException(ProgramHost.display(label(), request) + " could not be placed "
                                + "in the session: " + problems.get(0));
                    }
                    placed.add(new Placement(ProgramHost.display(label(), request), ready.written()));
                    break;
                }
            }
        }
        return placed;
    }

    /** The calls a snippet makes of methods that do not exist, with their types, as javac sees them in the session. */
    private List<CallSites.Call> missing(String source, Snippet.Kind kind) {
        boolean declaration = isDeclaration(source, kind);
        SourceCompiler.Run run = analysis(source, kind);
        List<CallSites.Call> calls = new ArrayList<>();
        for (CallSites.Call call : CallSites.missing(run)) {
            // the snippet's own value is shown, whatever it is: the model chooses its type
            boolean shown = !declaration && call.returns() != null && call.returns().descriptor().equals("V")
                    && call.lineText().strip().startsWith(call.name() + "(");
            calls.add(shown ? new CallSites.Call(call.name(), call.arguments(), null, call.line(), call.lineText(),
                    call.start(), call.end()) : call);
        }
        return calls;
    }

    private static boolean isDeclaration(String source, Snippet.Kind kind) {
        return kind == Snippet.Kind.METHOD || kind == Snippet.Kind.TYPE_DECL
                || kind == Snippet.Kind.VAR && !source.strip().startsWith("var ");
    }

    /** The snippet compiled in the session's context with the placed methods: a member, or a method's body. */
    private SourceCompiler.Run analysis(String source, Snippet.Kind kind) {
        String trimmed = source.strip();
        if (isDeclaration(source, kind)) {
            return analysis(Session.staticMember(trimmed));
        }
        SourceCompiler.Run asStatement = analysis("    static void " + Session.SNIPPET_METHOD
                + "() throws Throwable {\n" + trimmed + (trimmed.endsWith(";") || trimmed.endsWith("}") ? "" : ";")
                + "\n    }");
        if (asStatement.diagnostics().stream().noneMatch(d -> NOT_A_STATEMENT.equals(d.getCode()))) {
            return asStatement;
        }
        // an expression whose value jshell shows (b + fib(3)): its calls need what the expression around them needs
        String expression = trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        return analysis("    static void " + Session.SNIPPET_METHOD + "() throws Throwable {\n        var $value = ("
                + expression + ");\n    }");
    }

    private SourceCompiler.Run analysis(String member) {
        BaseFile context = session.context(member);
        PlacedMethods withSnippet = new PlacedMethods(() -> context);
        methods.known().values().forEach(k -> withSnippet.put(k.request(), k.ready()));
        return SourceCompiler.run(context.fileName(), withSnippet.whole().text(), methods.libraries());
    }

    private MethodRequest request(CallSites.Call call) {
        MethodRequest.Builder request = MethodRequest.builder(call.name())
                .examples(examples.getOrDefault(call.name(), List.of())).context(call.lineText());
        for (CallSites.Argument argument : call.arguments()) {
            request.parameter(argument.name(), argument.type().source(), argument.type().descriptor());
        }
        if (call.returns() != null) {
            request.returns(call.returns().source(), call.returns().descriptor());
        }
        return request.build();
    }

    /** The holder class of a method: {@code jit$countVowels}, numbered when overloads share a name. */
    private String holder(MethodRequest request) {
        long sameName = methods.known().values().stream().filter(k -> k.request().name().equals(request.name())).count();
        if (sameName <= 1) {
            return Composition.HOLDER_PREFIX + request.name();
        }
        int index = new ArrayList<>(methods.known().keySet()).indexOf(request.signature()) + 1;
        return Composition.HOLDER_PREFIX + request.name() + "$" + index;
    }

    private String sessionText() {
        StringBuilder text = new StringBuilder();
        for (Snippet s : session.userSnippets()) {
            if (!(s instanceof jdk.jshell.ImportSnippet)) {
                text.append(s.source().strip()).append('\n');
            }
        }
        return text.toString().strip();
    }
}
