package dev.jitjava.internal.dependency;

/** A dependency that could not be resolved; the message says what was tried and where. */
public final class ResolutionException extends Exception {
    public ResolutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
