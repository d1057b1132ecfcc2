package dev.jitjava.cli;

import dev.jitjava.Example;
import dev.jitjava.BudgetExceededException;
import dev.jitjava.Jit;
import dev.jitjava.Version;
import dev.jitjava.cli.host.Session;
import dev.jitjava.cli.host.SessionHost;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ImportSnippet;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The {@code jit shell} read-eval-print loop: JShell's habits (values as {@code x ==> 5}, "created
 * method ..." feedback, {@code /vars}, {@code /methods}, the real exception type), with methods that
 * snippets lack provided by jit-java's engine. Snippets run on a worker thread, so that Ctrl-C can
 * stop one (or the model writing for it) and give the prompt back; a failure is printed and the next
 * line runs.
 */
final class Shell implements AutoCloseable {
    static final String CANT_RESOLVE = "compiler.err.cant.resolve.location.args";

    private final Main.Context context;
    private final Session session;
    private final SessionHost host;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "jit-shell");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Future<?> running;

    /** The model's work on screen, if any: Ctrl-C erases it before saying what stopped. */
    private volatile Activity.Shown showing;

    Shell(Main.Context context, Session session, SessionHost host) {
        this.context = context;
        this.session = session;
        this.host = host;
    }

    /** Reads and runs lines until {@code /exit} or the end of the input. */
    void start(Jit jit, ShellInput in) throws IOException {
        host.useEngine(jit);
        Activity activity = context.activity();
        host.onWriting((method, model) -> {
            Activity.Shown shown = activity.show("writing " + method + " with " + model);
            showing = shown;
            return () -> {
                showing = null;
                shown.close();
            };
        });
        if (context.terminal()) {
            context.err().println("|  Welcome to jit shell, JShell " + Runtime.version().feature() + " where a method you call "
                    + "that nobody wrote is written for you.\n|  /help lists the commands; Ctrl-C stops what runs.");
        }
        StringBuilder pending = new StringBuilder();
        for (String line = prompt(in, pending); line != null; line = prompt(in, pending)) {
            if (pending.length() == 0 && line.strip().startsWith("/")) {
                if (!command(line.strip())) {
                    return;
                }
                continue;
            }
            pending.append(line).append('\n');
            for (String[] done = session.complete(pending.toString()); done != null;
                 done = session.complete(pending.toString())) {
                pending.setLength(0);
                if (done[0].isBlank()) {
                    break;
                }
                String snippet = done[0];
                runInWorker(() -> run(snippet));
                pending.append(done[1]);
                if (done[1].isBlank()) {
                    pending.setLength(0);
                    break;
                }
            }
        }
    }

    private static String prompt(ShellInput in, StringBuilder pending) throws IOException {
        return in.readLine(pending.length() == 0 ? "jshell> " : "   ...> ");
    }

    /** Ctrl-C while a snippet or the model works: stop it and give the prompt back. */
    void interrupt() {
        Future<?> now = running;
        if (now != null && !now.isDone()) {
            session.stop();
            now.cancel(true);
        }
    }

    private void runInWorker(Runnable task) {
        Future<?> future = worker.submit(task);
        running = future;
        try {
            future.get();
        } catch (CancellationException e) {
            Activity.Shown shown = showing; // the cancelled request may still be winding down: erase its spinner now
            if (shown != null) {
                shown.close();
            }
            context.err().println("|  Stopped; nothing half-written was stored.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            report(e.getCause());
        } finally {
            running = null;
        }
    }

    /** What evaluating one snippet came to, as shown. */
    private record Outcome(Snippet snippet, Snippet.Status previous, Snippet.Status status, String value,
                           Throwable exception) {
        static List<Outcome> of(List<SnippetEvent> events) {
            return events.stream().filter(e -> e.causeSnippet() == null)
                    .map(e -> new Outcome(e.snippet(), e.previousStatus(), e.status(), e.value(), e.exception()))
                    .toList();
        }
    }

    /**
     * Runs a snippet; if it needs methods nobody declared, has them provided, and if a placed method's
     * return type no longer fits its call, has it written again; then runs it again.
     */
    private void run(String snippet) {
        List<SnippetEvent> events = session.eval(snippet);
        SnippetEvent main = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
        if (main == null) {
            return;
        }
        boolean provided = false;
        if (needsMethods(main)) {
            host.provide(snippet, main.snippet().kind()).forEach(this::announce);
            provided = true;
            if (main.snippet() instanceof DeclarationSnippet && !(main.snippet() instanceof VarSnippet)) {
                // a method or type: JShell takes it up itself, now that its methods exist
                show(List.of(new Outcome(main.snippet(), main.previousStatus(), session.status(main.snippet()), null,
                        null)));
                return;
            }
            events = session.eval(snippet);
            main = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(main);
        }
        if (main.status() == Snippet.Status.REJECTED) {
            List<SessionHost.Placement> refitted = host.refit(snippet, main.snippet().kind());
            refitted.forEach(this::announce);
            if (!refitted.isEmpty()) {
                events = session.eval(snippet);
            }
        } else if (!provided) {
            show(Outcome.of(events));
            return;
        }
        show(Outcome.of(events));
    }

    private void announce(SessionHost.Placement placed) {
        context.err().println("|  created method " + placed.method().substring(placed.method().indexOf('.') + 1)
                + (placed.written() ? ", written by the model and stored" : ", from the store"));
    }

    private boolean needsMethods(SnippetEvent event) {
        Snippet snippet = event.snippet();
        if (session.diagnostics(snippet).stream().anyMatch(d -> d.isError() && CANT_RESOLVE.equals(d.getCode()))) {
            return true;
        }
        boolean recoverable = event.status() == Snippet.Status.RECOVERABLE_DEFINED
                || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED;
        return snippet instanceof DeclarationSnippet declaration && recoverable
                && session.unresolvedDependencies(declaration).anyMatch(d -> d.startsWith("method "));
    }

    /** Shows what evaluating came to, as jshell does: values on stdout, feedback and errors on stderr. */
    private void show(List<Outcome> events) {
        for (Outcome event : events) {
            Snippet snippet = event.snippet();
            if (session.isPlaced(snippet)) {
                continue;
            }
            if (event.exception() != null) {
                report(event.exception());
            } else if (event.status() == Snippet.Status.REJECTED) {
                for (Diag diag : session.diagnostics(snippet)) {
                    if (diag.isError()) {
                        context.err().println("|  Error:\n|  " + diag.getMessage(Locale.ROOT).replace("\n", "\n|  "));
                    }
                }
            } else if (snippet instanceof VarSnippet variable && event.value() != null) {
                context.out().println(variable.name() + " ==> " + event.value());
            } else if (snippet instanceof MethodSnippet method && event.status().isDefined()) {
                context.err().println("|  " + (event.previous() == Snippet.Status.NONEXISTENT ? "created"
                        : "modified") + " method " + method.name() + "(" + method.parameterTypes() + ")"
                        + (event.status() == Snippet.Status.VALID ? "" : ", which cannot be invoked until "
                        + String.join(", ", session.unresolvedDependencies(method).toList()) + " is declared"));
            } else if (snippet instanceof TypeDeclSnippet type && event.status().isDefined()) {
                context.err().println("|  " + (event.previous() == Snippet.Status.NONEXISTENT ? "created"
                        : "modified") + " " + kindOf(type) + " " + type.name());
            } else if (event.value() != null && !event.value().isEmpty()) {
                context.out().println("$" + snippet.id() + " ==> " + event.value());
            }
        }
    }

    private static String kindOf(TypeDeclSnippet type) {
        return switch (type.subKind()) {
            case INTERFACE_SUBKIND -> "interface";
            case ENUM_SUBKIND -> "enum";
            case ANNOTATION_TYPE_SUBKIND -> "annotation interface";
            default -> type.subKind().name().startsWith("RECORD") ? "record" : "class";
        };
    }

    /** A failure, as jshell shows it: the real exception type and message, and where in the session it came from. */
    private void report(Throwable failure) {
        if (failure instanceof EvalException eval) {
            context.err().println("|  Exception " + eval.getExceptionClassName()
                    + (eval.getMessage() == null ? "" : ": " + eval.getMessage()));
            for (StackTraceElement frame : eval.getStackTrace()) {
                if (frame.getClassName().startsWith("REPL.")) {
                    context.err().println("|        at " + frame.getMethodName() + " (" + frame.getFileName() + ":"
                            + frame.getLineNumber() + ")");
                }
            }
            if (BudgetExceededException.class.getName().equals(eval.getExceptionClassName())) {
                context.err().println("|  In jit shell, start it with --budget cpuMillis=N (or memoryMegabytes, "
                        + "wallMillis) to raise the budget of a call");
            }
        } else if (failure instanceof UnresolvedReferenceException unresolved) {
            context.err().println("|  attempted to use " + unresolved.getSnippet().kind().name().toLowerCase(Locale.ROOT)
                    + " " + ((DeclarationSnippet) unresolved.getSnippet()).name() + ", which cannot be used until "
                    + String.join(", ", session.unresolvedDependencies(unresolved.getSnippet()).toList())
                    + " is declared");
        } else {
            String message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
            context.err().println("|  " + message.replace("\n", "\n|  "));
        }
    }

    /** A shell command; false to end the session. */
    private boolean command(String line) {
        String[] words = line.split("\\s+", 3);
        try {
            switch (words[0]) {
                case "/exit" -> {
                    return false;
                }
                case "/help", "/?" -> help();
                case "/vars" -> session.userSnippets().stream().filter(VarSnippet.class::isInstance)
                        .map(VarSnippet.class::cast)
                        .forEach(v -> context.out().println("|    " + v.typeName() + " " + v.name()));
                case "/methods" -> session.snippets().stream().filter(MethodSnippet.class::isInstance)
                        .map(MethodSnippet.class::cast).filter(m -> !m.name().startsWith("jit$"))
                        .forEach(m -> context.out().println("|    " + m.signature().replaceFirst("^\\((.*)\\)(.*)$",
                                "$2 " + m.name() + "($1)")));
                case "/types" -> session.userSnippets().stream().filter(TypeDeclSnippet.class::isInstance)
                        .map(TypeDeclSnippet.class::cast)
                        .forEach(t -> context.out().println("|    " + kindOf(t) + " " + t.name()));
                case "/imports" -> session.userSnippets().stream().filter(ImportSnippet.class::isInstance)
                        .forEach(i -> context.out().println("|    " + i.source().strip()));
                case "/list" -> session.userSnippets().stream().filter(s -> !(s instanceof ImportSnippet))
                        .forEach(s -> context.out().println(s.source().strip()));
                case "/source" -> context.out().println(host.engine().source(signature(words)).orElseThrow().strip());
                case "/history" -> {
                    for (Version v : host.engine().history(signature(words))) {
                        context.out().println("v" + v.number() + "  " + v.model() + "  " + HistoryCommand.why(v));
                    }
                }
                case "/improve" -> {
                    if (words.length < 3) {
                        context.err().println("|  usage: /improve NAME FEEDBACK");
                        return true;
                    }
                    runInWorker(() -> {
                        host.improve(words[1], words[2]);
                        context.err().println("|  replaced method " + words[1] + " with a new version");
                    });
                }
                case "/example" -> example(line.substring("/example".length()).strip());
                default -> context.err().println("|  unknown command " + words[0] + ": /help lists the commands");
            }
        } catch (RuntimeException e) {
            report(e);
        }
        return true;
    }

    /** {@code /example countVowels("jit") ==> 1}: the method must pass it from its next use (or now, when it exists). */
    private void example(String text) {
        int arrow = text.indexOf("==>");
        if (text.isEmpty() || arrow == 0) {
            context.err().println("|  usage: /example CALL ==> VALUE, e.g. /example countVowels(\"jit\") ==> 1");
            return;
        }
        String call = (arrow < 0 ? text : text.substring(0, arrow)).strip();
        String returns = arrow < 0 ? "" : text.substring(arrow + 3).strip();
        host.example(new Example.Case(call, returns, null));
        String name = call.substring(0, call.indexOf('(')).strip();
        context.err().println("|  example added for " + name + "; every version must pass it");
        runInWorker(() -> host.recheck(name).ifPresent(this::announce));
    }

    /** The stored method a command names: a placed one, or one the store holds for the session. */
    private String signature(String[] words) {
        if (words.length < 2) {
            throw new IllegalArgumentException("name a method, e.g. /source countVowels");
        }
        try {
            return host.signatureOf(words[1]);
        } catch (IllegalArgumentException notPlaced) {
            List<String> stored = host.engine().stored().stream()
                    .filter(s -> s.equals(words[1].replace(" ", "")) || s.startsWith(words[1] + "(")).toList();
            if (stored.size() == 1) {
                return stored.get(0);
            }
            throw notPlaced;
        }
    }

    private void help() {
        context.out().println("""
                |  Type Java declarations, statements and expressions, as in jshell. A method a snippet calls that
                |  nobody declared is taken from the store (.jit/shell/session) or written by the model, checked,
                |  and defined; then the snippet runs.
                |    /vars                 the variables
                |    /methods              the methods, yours and those written for you
                |    /types                the classes, interfaces, enums and records
                |    /imports              the imports
                |    /list                 your snippets
                |    /source NAME          a written method's stored source
                |    /history NAME         its versions, with the feedback that led to each
                |    /improve NAME TEXT    a new version from feedback, defined at once
                |    /example CALL ==> V   an example its next version must pass, e.g. /example countVowels("jit") ==> 1
                |    /help                 this text
                |    /exit                 leave (Ctrl-D too); Ctrl-C stops what runs and gives the prompt back""");
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
