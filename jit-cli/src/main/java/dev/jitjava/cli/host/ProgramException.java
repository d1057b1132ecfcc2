package dev.jitjava.cli.host;

/** A program that cannot be built for a reason of its own (it does not compile, say), with what to do about it. */
public final class ProgramException extends RuntimeException {
    private final String hint;

    public ProgramException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
