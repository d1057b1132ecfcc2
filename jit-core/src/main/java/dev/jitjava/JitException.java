package dev.jitjava;

/**
 * The root of jit-java's unchecked exceptions. Messages end with {@code for method Type.name(Params)}
 * where a method is concerned. Exceptions thrown by generated code itself are never wrapped in
 * this: they reach the caller unchanged.
 */
public class JitException extends RuntimeException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what would change it, ending with the method where there is one
     */
    public JitException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what would change it, ending with the method where there is one
     * @param cause   the failure underneath
     */
    public JitException(String message, Throwable cause) {
        super(message, cause);
    }
}
