package dev.jitjava;

/** In {@link Mode#LOCKED}, a method is not in the store, or is stale, and the model may not be called. */
public class MissingMethodException extends JitException {
    /**
     * Creates the exception.
     *
     * @param message what is missing or stale, and how to generate it, ending with the method
     */
    public MissingMethodException(String message) {
        super(message);
    }
}
