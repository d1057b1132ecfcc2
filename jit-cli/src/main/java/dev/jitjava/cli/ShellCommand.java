package dev.jitjava.cli;

import dev.jitjava.Capability;
import dev.jitjava.Jit;
import dev.jitjava.cli.host.Session;
import dev.jitjava.cli.host.SessionHost;
import dev.jitjava.spi.MethodHost;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "A JShell session where a method a snippet calls but nobody defined is taken from the store or "
                + "written by the model, checked, and defined, and the snippet runs. Inside: /help lists the commands. "
                + "Ctrl-C stops what runs and gives the prompt back. Written methods are stored, so a new shell has them.")
final class ShellCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--store", paramLabel = "DIR", description = "The store (default: $JIT_STORE, else .jit here).")
    Path store;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "3",
            description = "Model requests per method, repairs included (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--budget", split = ",", paramLabel = "NAME=VALUE",
            description = "The budget of one call of a written method, named as @Budget names it: "
                    + "cpuMillis=5000,memoryMegabytes=512,wallMillis=30000 (default: 1 s of CPU, 256 MiB, "
                    + "a wall-clock time of 5 times the CPU time, at least 3 s).")
    Map<String, Long> budget = Map.of();

    @Option(names = "--allow", split = ",", paramLabel = "CAPABILITY",
            description = "Capabilities the written methods get, as @Allow grants them: ${COMPLETION-CANDIDATES}.")
    Set<Capability> allow = Set.of();

    private final Main.Context context;

    ShellCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        StoreOption option = new StoreOption();
        option.store = store;
        Path folder = option.folder(context);
        Optional<MethodHost.Budgets> budgets = budgets();
        try (Session session = new Session();
             Shell shell = new Shell(context, session, new SessionHost(session, budgets, allow))) {
            ShellInput in = ShellInput.of(context, shell::interrupt);
            try (in) {
                Jit jit = Engines.open(context, folder, maxAttempts, new TerminalReviewer(in::readLine, context.err()));
                shell.start(jit, in);
            }
        }
        return ExitCodes.OK;
    }

    private Optional<MethodHost.Budgets> budgets() {
        if (budget.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> given = new HashMap<>(budget);
        long cpu = take(given, "cpuMillis", 1000);
        long memory = take(given, "memoryMegabytes", 256);
        long wall = take(given, "wallMillis", 0);
        if (!given.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--budget knows cpuMillis, memoryMegabytes "
                    + "and wallMillis, not " + String.join(", ", given.keySet()));
        }
        return Optional.of(new MethodHost.Budgets(Duration.ofMillis(cpu), memory << 20,
                wall > 0 ? Duration.ofMillis(wall) : null));
    }

    private long take(Map<String, Long> given, String name, long otherwise) {
        Long value = given.remove(name);
        if (value != null && value <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--budget " + name + " must be positive");
        }
        return value == null ? otherwise : value;
    }
}
