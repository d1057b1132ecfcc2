package dev.jitjava.internal.engine;

import dev.jitjava.JitException;
import dev.jitjava.Reviewer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The default reviewer when a console is attached: shows what the model was asked and what it
 * wrote, then asks y (approve), n (reject) or e (edit in {@code $EDITOR}, then approve the edit).
 */
public final class ConsoleReviewer implements Reviewer {
    private final BufferedReader in;
    private final PrintWriter out;
    private final String editor;

    public ConsoleReviewer(BufferedReader in, PrintWriter out, String editor) {
        this.in = in;
        this.out = out;
        this.editor = editor;
    }

    /**
     * The reviewer of REVIEW mode when none was given: the console's.
     *
     * @throws IllegalStateException when there is no console to ask
     */
    public static Reviewer forReviewMode() {
        if (System.console() == null) {
            throw new IllegalStateException("REVIEW mode needs a reviewer, and there is no console to ask: "
                    + "give one with Jit.builderFromEnvironment().reviewer(...) or Jit.builder().reviewer(...), "
                    + "e.g. Reviewer.approvingFrom(Path.of(\"approved-methods.txt\"))");
        }
        return ofSystemConsole();
    }

    public static ConsoleReviewer ofSystemConsole() {
        var console = System.console();
        String editor = System.getenv().getOrDefault("EDITOR", "vi");
        return new ConsoleReviewer(new BufferedReader(console.reader()), console.writer(), editor);
    }

    @Override
    public Decision review(Review review) {
        out.printf("%n=== jit-java wrote %s%s ===%n", review.method(),
                review.feedback().map(f -> " (feedback: " + f + ")").orElse(""));
        out.println("--- asked ---");
        out.println(review.request().strip());
        out.println("--- source ---");
        out.println(review.source().strip());
        while (true) {
            out.print("Run it? [y]es, [n]o, [e]dit: ");
            out.flush();
            String answer = readLine();
            if (answer == null || answer.equalsIgnoreCase("n")) {
                return Decision.reject(answer == null ? "no answer at the console" : "rejected at the console");
            }
            if (answer.equalsIgnoreCase("y")) {
                return Decision.approve();
            }
            if (answer.equalsIgnoreCase("e")) {
                return Decision.edit(edit(review.source()));
            }
        }
    }

    private String edit(String source) {
        try {
            Path file = Files.createTempFile("jit-review-", ".java");
            try {
                Files.writeString(file, source, StandardCharsets.UTF_8);
                List<String> command = List.of("sh", "-c", editor + " \"$0\"", file.toString());
                int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
                if (exit != 0) {
                    throw new JitException("The editor (" + editor + ") exited with " + exit + "; nothing was stored");
                }
                return Files.readString(file, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JitException("Interrupted while editing; nothing was stored", e);
        }
    }

    private String readLine() {
        try {
            String line = in.readLine();
            return line == null ? null : line.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
