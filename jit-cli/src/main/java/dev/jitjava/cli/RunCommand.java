package dev.jitjava.cli;

import dev.jitjava.internal.store.MethodStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a single-file Java program; methods it calls but does not define are written first "
                + "(or taken from the .jit store next to the file), added to its class as static methods, and kept.")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The program, e.g. examples/OddNumbers.java.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the program's main.")
    List<String> args = List.of();

    @Option(names = "--write", description = "Also add the written methods to FILE itself.")
    boolean write;

    @Option(names = "--store", paramLabel = "DIR", description = "The store (default: .jit next to FILE).")
    Path store;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "3",
            description = "Model requests per method, repairs included (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    private final Main.Context context;

    RunCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Path source = context.workingDirectory().resolve(file).normalize();
        String text;
        try {
            text = Files.readString(source, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ExitException(ExitCodes.USAGE, "no file " + source, "give the path of a .java file");
        }
        Path folder = store != null ? context.workingDirectory().resolve(store) : source.getParent().resolve(".jit");
        FileProgram program = new FileProgram(source.getFileName().toString(), text, new MethodStore(folder),
                context.model(), maxAttempts, context.activity());
        FileProgram.Built built = program.build();
        if (write && !built.added().isEmpty()) {
            Files.writeString(source, built.source(), StandardCharsets.UTF_8);
            context.err().println("jit: added " + String.join(", ", built.added()) + " to " + source);
        }
        return runMain(built);
    }

    private int runMain(FileProgram.Built built) throws Exception {
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = built.classes().get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        Method main = loader.loadClass(built.className()).getMethod("main", String[].class);
        if (!Modifier.isStatic(main.getModifiers())) {
            throw new ExitException(ExitCodes.USAGE, built.className() + ".main is not static", "declare "
                    + "public static void main(String[] args)");
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            main.invoke(null, (Object) args.toArray(new String[0]));
            return ExitCodes.OK;
        } catch (InvocationTargetException e) {
            throw new ExitException(ExitCodes.FAILURE, built.className() + " failed: " + e.getCause(),
                    "the exception came from the program itself");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
