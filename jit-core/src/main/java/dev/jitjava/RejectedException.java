package dev.jitjava;

/** In {@link Mode#REVIEW}, the reviewer rejected a new version; nothing was stored as current. */
public class RejectedException extends JitException {
    /**
     * Creates the exception.
     *
     * @param message the reviewer's reason, ending with the method
     */
    public RejectedException(String message) {
        super(message);
    }
}
