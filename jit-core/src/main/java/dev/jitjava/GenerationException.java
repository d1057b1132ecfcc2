package dev.jitjava;

import java.util.List;

/**
 * The model's answers never became a method that compiled with the right signature, in as many
 * requests as {@code maxAttempts} allows. The message names the method, the model, the number of
 * attempts and the last diagnostic.
 */
public class GenerationException extends JitException {
    /** The method, as {@code Numbers.countVowels(String)}. */
    private final String method;
    /** The name of the model that was asked. */
    private final String model;
    /** How many requests were made. */
    private final int attempts;
    /** The problems found in the last answer. */
    private final List<Diagnostic> diagnostics;

    /**
     * Creates the exception.
     *
     * @param message     what went wrong, ending with the method
     * @param method      the method, as {@code Numbers.countVowels(String)}
     * @param model       the name of the model that was asked
     * @param attempts    how many requests were made
     * @param diagnostics the problems found in the last answer
     */
    public GenerationException(String message, String method, String model, int attempts,
                               List<Diagnostic> diagnostics) {
        super(message);
        this.method = method;
        this.model = model;
        this.attempts = attempts;
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** {@return the method, as {@code Numbers.countVowels(String)}} */
    public String method() {
        return method;
    }

    /** {@return the name of the model that was asked} */
    public String model() {
        return model;
    }

    /** {@return how many requests were made} */
    public int attempts() {
        return attempts;
    }

    /** {@return the problems found in the last answer} */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
