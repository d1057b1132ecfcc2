package dev.jitjava.cli;

import dev.jitjava.Jit;
import dev.jitjava.cli.host.Session;
import dev.jitjava.cli.host.SessionHost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "A JShell session where a method a snippet calls but nobody defined is taken from the store or "
                + "written by the model, checked, and defined, and the snippet runs. Inside: /help lists the commands. "
                + "Ctrl-C stops what runs and gives the prompt back. Written methods are stored, so a new shell has them.")
final class ShellCommand implements Callable<Integer> {
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
        Path folder = option.folder(context);
        try (Session session = new Session(); Shell shell = new Shell(context, session, new SessionHost(session))) {
            ShellInput in = ShellInput.of(context, shell::interrupt);
            try (in) {
                Jit jit = Engines.open(context, folder, maxAttempts, new TerminalReviewer(in::readLine, context.err()));
                shell.start(jit, in);
            }
        }
        return ExitCodes.OK;
    }
}
