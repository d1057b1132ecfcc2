package dev.jitjava;

import java.util.List;

/**
 * Every answer the model gave compiled but failed an example or a check, in as many requests as
 * {@code maxAttempts} allows. Nothing was stored or bound: the last accepted version stays current.
 */
public class CheckFailedException extends JitException {
    /** What failed in the last answer. */
    private final List<String> failures;

    /**
     * Creates the exception.
     *
     * @param message  what failed, with the last failures, ending with the method
     * @param failures one entry per example or check that failed in the last answer
     */
    public CheckFailedException(String message, List<String> failures) {
        super(message);
        this.failures = List.copyOf(failures);
    }

    /** {@return what failed in the last answer, one entry per example or check, as the model was told} */
    public List<String> failures() {
        return failures;
    }
}
