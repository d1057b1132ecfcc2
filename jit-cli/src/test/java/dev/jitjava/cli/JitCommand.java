package dev.jitjava.cli;

import dev.langchain4j.model.chat.ChatModel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code jit} command run in this JVM as a user runs it in a directory (which is also the home
 * directory): its stdout, which is also {@code System.out} so that a program's output is in it, and its
 * stderr captured for each run, not a terminal, with the model given and no local Ollama.
 */
final class JitCommand {
    final Map<String, String> environment = new HashMap<>();
    private final Path work;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private String out = "";

    JitCommand(Path work) {
        this.work = work;
    }

    /** A model that fails the test when asked: for runs that must need none. */
    static Supplier<ChatModel> noModel() {
        return () -> {
            throw new AssertionError("no model may be asked");
        };
    }

    /** Runs {@code jit args...} with {@code input} as its stdin; returns the exit code. */
    int run(Supplier<ChatModel> model, String input, String... args) {
        err.reset();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Main.Context context = new Main.Context(System.out, new PrintStream(err, true, StandardCharsets.UTF_8),
                environment, work, work, url -> null, () -> false, model,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return Main.run(context, args);
        } finally {
            System.setOut(original);
            out = captured.toString(StandardCharsets.UTF_8);
        }
    }

    /** What the last run wrote to stdout. */
    String out() {
        return out;
    }

    /** What the last run wrote to stderr. */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
