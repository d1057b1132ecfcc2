package dev.jitjava;

/** In {@link Mode#REVIEW}, the reviewer rejected a new version; nothing was stored as current. */
public class RejectedException extends JitException {
    public RejectedException(String message) {
        super(message);
    }
}
