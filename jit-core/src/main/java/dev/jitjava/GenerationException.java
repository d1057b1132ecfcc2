package dev.jitjava;

import java.util.List;

/**
 * The model's answers never became a method that compiled with the right signature, in as many
 * requests as {@code maxAttempts} allows. The message names the method, the model, the number of
 * attempts and the last diagnostic.
 */
public class GenerationException extends JitException {
    private final String method;
    private final String model;
    private final int attempts;
    private final List<Diagnostic> diagnostics;

    public GenerationException(String message, String method, String model, int attempts,
                               List<Diagnostic> diagnostics) {
        super(message);
        this.method = method;
        this.model = model;
        this.attempts = attempts;
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** The method, as {@code Numbers.countVowels(String)}. */
    public String method() {
        return method;
    }

    /** The name of the model that was asked. */
    public String model() {
        return model;
    }

    /** How many requests were made. */
    public int attempts() {
        return attempts;
    }

    /** The problems found in the last answer. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
