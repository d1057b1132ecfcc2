package dev.jitjava.cli;

import dev.jitjava.Reviewer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Asks the person at the terminal about each new version in REVIEW mode: shows the source on stderr
 * and reads {@code y} (approve) or {@code n} (reject, with a reason) from the command's input.
 */
final class TerminalReviewer implements Reviewer {
    /** Reads one answer line; null at the end of the input. */
    @FunctionalInterface
    interface Lines {
        String read(String prompt) throws IOException;
    }

    private final Lines input;
    private final PrintStream err;

    TerminalReviewer(Lines input, PrintStream err) {
        this.input = input;
        this.err = err;
    }

    @Override
    public Decision review(Review review) {
        err.println("jit: review " + review.method() + review.feedback().map(f -> " (feedback: " + f + ")").orElse("")
                + ":");
        review.source().strip().lines().forEach(line -> err.println("    " + line));
        while (true) {
            String answer;
            try {
                answer = input.read("approve " + review.method() + "? [y]es, [n]o: ");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (answer == null) {
                return Decision.reject("no answer: the input ended");
            }
            switch (answer.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "y", "yes" -> {
                    return Decision.approve();
                }
                case "n", "no" -> {
                    return Decision.reject("rejected at the terminal");
                }
                default -> err.println("jit: answer y or n");
            }
        }
    }
}
