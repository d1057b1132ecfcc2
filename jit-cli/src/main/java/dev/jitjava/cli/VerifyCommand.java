package dev.jitjava.cli;

import dev.jitjava.internal.store.MethodStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check, without a model, that every method the programs need is stored, compiles and passes "
                + "the verifier: the gate to run in CI. Without FILE, checks that every stored method is readable.")
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
            MethodStore methods = option.open(context);
            int count = methods.list().size();
            context.err().println("jit: " + count + " stored methods in " + methods.root() + " are readable");
            return ExitCodes.OK;
        }
        List<String> missing = new ArrayList<>();
        for (Path file : files) {
            Path source = context.workingDirectory().resolve(file).normalize();
            String text;
            try {
                text = Files.readString(source, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new ExitException(ExitCodes.USAGE, "no file " + source, "give the path of a .java file");
            }
            Path folder = store != null ? context.workingDirectory().resolve(store) : source.getParent().resolve(".jit");
            FileProgram program = new FileProgram(source.getFileName().toString(), text, new MethodStore(folder),
                    () -> {
                        throw new IllegalStateException("jit verify never calls a model");
                    }, 1, context.activity());
            for (String method : program.missing()) {
                missing.add(method + " (" + file + ")");
            }
        }
        if (missing.isEmpty()) {
            context.err().println("jit: every method of " + files.size() + (files.size() == 1 ? " program" : " programs")
                    + " is stored, compiles and passes the verifier");
            return ExitCodes.OK;
        }
        for (String method : missing) {
            context.out().println("missing: " + method);
        }
        context.err().println("hint: run each program once with a model (jit run FILE) and commit the store");
        return ExitCodes.NOT_VERIFIED;
    }
}
