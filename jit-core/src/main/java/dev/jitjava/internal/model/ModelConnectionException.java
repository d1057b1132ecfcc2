package dev.jitjava.internal.model;

/** The model's server could not be reached, after every retry. */
public final class ModelConnectionException extends RuntimeException {
    public ModelConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
