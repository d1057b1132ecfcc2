package dev.jitjava.cli;

import dev.jitjava.spi.Configuration;
import dev.langchain4j.model.chat.ChatModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code jit} command. stdout carries only what a command prints as its result; messages,
 * hints and errors go to stderr, one line plus a hint, with stack traces only under {@code --verbose}.
 */
@Command(name = "jit", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Just-in-time methods for Java: run programs whose missing methods a model writes, and manage "
                + "the methods it wrote.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:a check did not pass (verify found a missing method, doctor found no model)",
                "2:wrong usage, or METHOD matched no method or several", "3:the command failed",
                "130:stopped with Ctrl-C (nothing half-written is stored)"},
        footer = {"", "METHOD is a method name (countVowels), Type.method (Numbers.countVowels) or a full signature "
                + "(Numbers.countVowels(java.lang.String)). The store is .jit in the current directory unless --store or "
                + "JIT_STORE says otherwise."})
public final class Main implements Runnable {
    @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
    boolean verbose;

    private final Context context;

    private Main(Context context) {
        this.context = context;
    }

    /**
     * What a command runs against, injected so that tests need no real terminal, environment or network.
     *
     * @param workingDirectory where relative paths start (the caller's directory)
     * @param ollamaProbe      asks a local Ollama for its first model (null: nothing answers)
     * @param console          whether a terminal is attached, asked when a command needs to know (on JDK 22+
     *                         {@code System.console()} loads console providers, which an unchanged {@code jit run}
     *                         need not)
     * @param model            the model that writes methods, built when first needed; null for the one this
     *                           environment configures (its settings are read only when a command asks for it,
     *                           so that {@code jit run} of an unchanged program reads none)
     */
    record Context(PrintStream out, PrintStream err, Map<String, String> environment, Path workingDirectory,
                   Path home, Function<String, String> ollamaProbe, BooleanSupplier console, Supplier<ChatModel> model,
                   InputStream in) {

        /** How to show the model at work: a spinner on a terminal, a line otherwise. */
        Activity activity() {
            return Activity.on(err, terminal());
        }

        /** Whether a person is at a terminal. */
        boolean terminal() {
            return console.getAsBoolean();
        }

        @Override
        public Supplier<ChatModel> model() {
            return model != null ? model : configuration().model();
        }

        /** jit-java's settings from this environment, as {@code Jit.create()} reads them. */
        Configuration configuration() {
            return Configuration.of(environment, workingDirectory, home, ollamaProbe);
        }
    }

    public static void main(String[] args) {
        String caller = System.getenv().getOrDefault("JIT_CALLER_DIR", System.getProperty("user.dir"));
        Map<String, String> environment = System.getenv();
        Path home = Path.of(System.getProperty("user.home"));
        Context context = new Context(System.out, System.err, environment, Path.of(caller), home,
                Configuration::probeOllama, () -> System.console() != null, null, System.in);
        System.exit(run(context, args));
    }

    static int run(Context context, String... args) {
        try {
            OptionalInt cached = RunCommand.runCached(context, args);
            if (cached.isPresent()) {
                return cached.getAsInt();
            }
        } catch (Exception e) {
            return failed(context, e, false);
        }
        Main main = new Main(context);
        CommandLine line = new CommandLine(main);
        line.addSubcommand(new ShellCommand(context));
        line.addSubcommand(new RunCommand(context));
        line.addSubcommand(new VerifyCommand(context));
        line.addSubcommand(new LsCommand(context));
        line.addSubcommand(new ShowCommand(context));
        line.addSubcommand(new HistoryCommand(context));
        line.addSubcommand(new ImproveCommand(context));
        line.addSubcommand(new ApproveCommand(context));
        line.addSubcommand(new RmCommand(context));
        line.addSubcommand(new DoctorCommand(context));
        line.setCaseInsensitiveEnumValuesAllowed(true); // --allow files_read, as people type it
        line.setOut(new java.io.PrintWriter(context.out(), true));
        line.setErr(new java.io.PrintWriter(context.err(), true));
        line.setExecutionExceptionHandler((e, cmd, parsed) -> failed(context, e, main.verbose));
        return line.execute(args);
    }

    /** What a command that threw says on stderr, and its exit code. */
    private static int failed(Context context, Exception e, boolean verbose) {
        if (e instanceof ExitException exit) {
            context.err().println("jit: error: " + exit.getMessage());
            context.err().println("hint: " + exit.hint());
            return exit.code();
        }
        context.err().println("jit: error: " + e.getMessage());
        if (verbose) {
            e.printStackTrace(context.err());
        } else {
            context.err().println("hint: run again with --verbose for the stack trace");
        }
        return ExitCodes.FAILURE;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(context.err());
    }

    /** The version from jit-core's build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws Exception {
            Properties properties = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/dev/jitjava/version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[]{"jit " + properties.getProperty("version", "unknown") + " (Java " + Runtime.version() + ")"};
        }
    }
}
