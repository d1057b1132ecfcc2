package dev.jitjava.cli;

import dev.jitjava.Jit;
import dev.jitjava.Mode;
import dev.jitjava.cli.host.Program;
import dev.jitjava.spi.StoreBrowser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check, without a model, that every method the programs need is stored, compiles where it lives "
                + "and passes the verifier: the gate to run in CI. Every problem is listed. Without FILE, checks "
                + "that every stored method is readable.")
final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Single-file programs, as given to jit run.")
    List<Path> files = List.of();

    @Option(names = "--store", paramLabel = "DIR", description = "The store (default: .jit next to each FILE, or "
            + "$JIT_STORE, else .jit in the current directory, without FILE).")
    Path store;

    private final Main.Context context;

    VerifyCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (files.isEmpty()) {
            StoreOption option = new StoreOption();
            option.store = store;
            StoreBrowser methods = option.open(context);
            int count = methods.list().size();
            context.err().println("jit: " + count + " stored methods in " + methods.root() + " are readable");
            return ExitCodes.OK;
        }
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            Path source = context.workingDirectory().resolve(file).normalize();
            String text = RunCommand.read(source);
            Path folder = store != null ? context.workingDirectory().resolve(store) : source.getParent().resolve(".jit");
            Jit locked = context.configuration().builder().store(folder).mode(Mode.LOCKED).build();
            Program program;
            try {
                program = Program.read(source, text, folder);
            } catch (IllegalArgumentException e) {
                problems.add(file + ": " + e.getMessage());
                continue;
            }
            for (String problem : program.verify(locked)) {
                problems.add(file + ": " + problem);
            }
        }
        if (problems.isEmpty()) {
            context.err().println("jit: every method of " + files.size() + (files.size() == 1 ? " program" : " programs")
                    + " is stored, compiles and passes the verifier");
            return ExitCodes.OK;
        }
        problems.forEach(context.out()::println);
        context.err().println("jit: " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "; hint: run each program once with a model (jit run FILE) and commit the store");
        return ExitCodes.NOT_VERIFIED;
    }
}
