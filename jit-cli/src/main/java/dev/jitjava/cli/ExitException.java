package dev.jitjava.cli;

/** Ends a command with an exit code, a one-line message and a hint: what the user sees, without a stack trace. */
final class ExitException extends RuntimeException {
    private final int code;
    private final String hint;

    ExitException(int code, String message, String hint) {
        super(message);
        this.code = code;
        this.hint = hint;
    }

    int code() {
        return code;
    }

    String hint() {
        return hint;
    }
}
