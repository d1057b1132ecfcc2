package dev.jitjava.cli;

import dev.jitjava.cli.host.LibraryLoaders;
import dev.jitjava.cli.host.Program;
import dev.jitjava.cli.host.ProgramException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a single-file Java program; methods it calls but does not define are taken from the .jit "
                + "store next to the file, or written by the model (as JIT_MODE allows), checked, and kept. An "
                + "unchanged program with unchanged methods runs from .jit/.cache without compiling anything.")
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
        String text = read(source);
        Path folder = store != null ? context.workingDirectory().resolve(store) : source.getParent().resolve(".jit");
        Optional<Program.Built> cached = write ? Optional.empty() : Program.cached(source, text, folder);
        if (cached.isPresent()) {
            return runMain(cached.get(), args);
        }
        Program program = program(source, text, folder);
        Program.Built built;
        try {
            BufferedReader answers = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
            built = program.build(Engines.open(context, folder, maxAttempts, new TerminalReviewer(prompt -> {
                context.err().print(prompt);
                context.err().flush();
                return answers.readLine();
            }, context.err())));
        } catch (ProgramException e) {
            throw new ExitException(ExitCodes.FAILURE, e.getMessage(), e.hint());
        }
        if (write && !built.written().isEmpty()) {
            Files.writeString(source, program.withMethodsInline(), StandardCharsets.UTF_8);
            context.err().println("jit: added " + String.join(", ", built.written()) + " to " + source);
        }
        return runMain(built, args);
    }

    static String read(Path source) throws java.io.IOException {
        try {
            return Files.readString(source, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ExitException(ExitCodes.USAGE, "no file " + source, "give the path of a .java file");
        }
    }

    /** The program, with the activity of its methods' writing shown on stderr. */
    Program program(Path source, String text, Path folder) {
        try {
            Program program = Program.read(source, text, folder);
            Activity activity = context.activity();
            program.host().onWriting((method, model) -> {
                Activity.Shown shown = activity.show("writing " + method + " with " + model);
                return shown::close;
            });
            return program;
        } catch (IllegalArgumentException e) {
            throw new ExitException(ExitCodes.USAGE, e.getMessage(), "jit run takes a Java source file with a class");
        }
    }

    /**
     * {@code jit run FILE ARGS...} of a program built before and unchanged since: run from the store's
     * {@code .cache} before picocli, the model's configuration or the engine are loaded (picocli's
     * classes alone are some 170 that class-data sharing cannot keep: they are Java 5 class files).
     * Anything else on the command line ({@code --write}, {@code --help}, an argument that picocli
     * would read as an option or an {@code @file}) takes the ordinary way, as does a missing file.
     *
     * @return the exit code, or empty when the program must be built (or the command line parsed)
     */
    static OptionalInt runCached(Main.Context context, String... args) throws Exception {
        if (args.length < 2 || !args[0].equals("run")) {
            return OptionalInt.empty();
        }
        int next = 1;
        String store = null;
        if (args[next].startsWith("--store=")) {
            store = args[next++].substring("--store=".length());
        } else if (args[next].equals("--store") && args.length > next + 1) {
            store = args[next + 1];
            next += 2;
        }
        for (int i = next; i < args.length; i++) {
            if (args[i].startsWith("-") || args[i].startsWith("@")) {
                return OptionalInt.empty();
            }
        }
        if (next >= args.length || store != null && store.isEmpty()) {
            return OptionalInt.empty();
        }
        Path source = context.workingDirectory().resolve(args[next]).normalize();
        if (!Files.isRegularFile(source)) {
            return OptionalInt.empty();
        }
        Path folder = store != null ? context.workingDirectory().resolve(store) : source.getParent().resolve(".jit");
        Optional<Program.Built> cached = Program.cached(source, Files.readString(source, StandardCharsets.UTF_8),
                folder);
        if (cached.isEmpty()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(runMain(cached.get(), List.of(args).subList(next + 1, args.length)));
    }

    private static int runMain(Program.Built built, List<String> args) throws Exception {
        ClassLoader loader = new ClassLoader(LibraryLoaders.of(built.libraries())) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                Map<String, byte[]> classes = built.classes();
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        Method main;
        try {
            main = loader.loadClass(built.className()).getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            throw new ExitException(ExitCodes.USAGE, built.className() + " has no main method",
                    "declare public static void main(String[] args)");
        }
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
