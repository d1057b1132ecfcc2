package dev.jitjava.cli;

import dev.jitjava.Diagnostic;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.store.Metadata;
import dev.jitjava.internal.store.MethodStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "A JShell session where a method a snippet calls but nobody defined is written by the model, "
                + "checked, defined, and the snippet run again. Inside: /source NAME, /history NAME, "
                + "/improve NAME FEEDBACK, /list, /exit. Written methods are stored, so a new shell has them.")
final class ShellCommand implements Callable<Integer> {
    static final String OWNER = "shell/session";
    private static final int MAX_ROUNDS = 5;

    @Option(names = "--store", paramLabel = "DIR", description = "The store (default: $JIT_STORE, else .jit here).")
    Path store;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "3",
            description = "Model requests per method, repairs included (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    private final Main.Context context;

    ShellCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        StoreOption option = new StoreOption();
        option.store = store;
        MethodStore methods = option.open(context);
        MethodWriter writer = new MethodWriter(methods, context.model(), maxAttempts, context.activity());
        try (ShellSession session = new ShellSession(); ShellInput in = ShellInput.of(context)) {
            for (MethodStore.Listed stored : methods.list()) {
                if (stored.owner().equals(OWNER)) {
                    String source = stored.metadata().current().sourceText();
                    String problem = session.check(source, name(stored.signature()));
                    if (problem.isEmpty()) {
                        session.define(source);
                    } else {
                        context.err().println("jit: stored " + stored.signature() + " left out: " + problem);
                    }
                }
            }
            StringBuilder pending = new StringBuilder();
            for (String line = prompt(in, pending); line != null; line = prompt(in, pending)) {
                if (pending.length() == 0 && line.strip().startsWith("/")) {
                    if (!command(line.strip(), session, methods, writer)) {
                        break;
                    }
                    continue;
                }
                pending.append(line).append('\n');
                for (String[] done = session.complete(pending.toString()); done != null;
                     done = session.complete(pending.toString())) {
                    if (done[0].isBlank()) {
                        pending.setLength(0);
                        break;
                    }
                    run(done[0], session, writer);
                    pending.setLength(0);
                    pending.append(done[1]);
                    if (done[1].isBlank()) {
                        pending.setLength(0);
                        break;
                    }
                }
            }
        }
        return ExitCodes.OK;
    }

    private static String prompt(ShellInput in, StringBuilder pending) throws java.io.IOException {
        return in.readLine(pending.length() == 0 ? "jshell> " : "   ...> ");
    }

    /** Runs a snippet; while it needs missing methods, has them written, checked and defined, then runs it again. */
    private void run(String snippet, ShellSession session, MethodWriter writer) {
        Set<String> tried = new LinkedHashSet<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            ShellSession.Outcome outcome = session.eval(snippet);
            List<ShellSession.Missing> missing = outcome.missing().stream()
                    .filter(m -> tried.add(m.signature())).toList();
            if (missing.isEmpty()) {
                outcome.shown().forEach(context.out()::println);
                outcome.errors().forEach(error -> context.err().println("|  " + error.replace("\n", "\n|  ")));
                return;
            }
            for (ShellSession.Missing method : missing) {
                MethodSpec spec = MethodWriter.spec(OWNER, "session", method.name(), method.argumentTypes(), "Object");
                String request = "Write this static method for a JShell session:\n\n    static " + spec.signature()
                        + "\n\nThe caller did not say what it returns: choose the type that fits, or void.\n\n"
                        + "The snippet that calls it:\n```java\n" + snippet.strip() + "\n```\n\nThe session so far:\n```java\n"
                        + String.join("\n", session.definitions()) + "\n```\n";
                String member = writer.write(spec, SYSTEM, request, candidate -> problems(session, candidate,
                        method.name()), null);
                session.define(member);
            }
        }
        context.err().println("|  methods are still missing after " + MAX_ROUNDS + " rounds");
    }

    private static List<Diagnostic> problems(ShellSession session, String member, String name) {
        String problem = session.check(member, name);
        return problem.isEmpty() ? List.of() : List.of(new Diagnostic("jit.shell.check", 0, problem, ""));
    }

    /** A shell command; false to end the session. */
    private boolean command(String line, ShellSession session, MethodStore methods, MethodWriter writer) {
        String[] words = line.split("\\s+", 3);
        switch (words[0]) {
            case "/exit" -> {
                return false;
            }
            case "/list" -> session.definitions().forEach(context.out()::println);
            case "/source" -> context.out().println(find(methods, words).metadata().current().sourceText().strip());
            case "/history" -> {
                for (Metadata.VersionRecord v : find(methods, words).metadata().versions()) {
                    context.out().println("v" + v.number() + "  " + v.model() + "  "
                            + (v.feedback() == null ? "first version" : "feedback: " + v.feedback()));
                }
            }
            case "/improve" -> {
                MethodStore.Listed found = find(methods, words);
                if (words.length < 3) {
                    context.err().println("|  usage: /improve NAME FEEDBACK");
                    return true;
                }
                String name = name(found.signature());
                String inner = found.signature().substring(found.signature().indexOf('(') + 1, found.signature().length() - 1);
                MethodSpec spec = MethodWriter.spec(OWNER, "session", name, inner.isEmpty() ? List.of()
                        : List.of(inner.split(",")), "Object");
                String request = "Change this static method of a JShell session:\n```java\n"
                        + found.metadata().current().sourceText().strip() + "\n```\n\nChange it as follows: " + words[2]
                        + "\n\nKeep its name and parameter types.";
                String member = writer.write(spec, SYSTEM, request, candidate -> problems(session, candidate, name),
                        new MethodWriter.Improvement(found.metadata(), words[2]));
                session.define(member);
            }
            default -> context.err().println("|  unknown command " + words[0] + ": /source, /history, /improve, /list, /exit");
        }
        return true;
    }

    private MethodStore.Listed find(MethodStore methods, String[] words) {
        if (words.length < 2) {
            throw new ExitException(ExitCodes.USAGE, "name a method", "e.g. /source countVowels");
        }
        return Methods.find(methods, "session." + words[1]);
    }

    private static String name(String signature) {
        return signature.substring(0, signature.indexOf('('));
    }

    private static final String SYSTEM = """
            You are a senior Java engineer. You add one missing static method at a time to a JShell session.

            Answer with a single ```java block that holds the method, with exactly the name and parameter types \
            asked for, and any private static helper methods it needs. No class around it, no explanations. Use only \
            the JDK. Print only when the snippet needs it.
            """;
}
