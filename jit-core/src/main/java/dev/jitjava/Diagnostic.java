package dev.jitjava;

/**
 * One problem found in what the model wrote: a compiler error, or a check of jit-java's own.
 * Match on {@link #code()}, never on the message text.
 *
 * @param code       javac's diagnostic code (e.g. {@code compiler.err.cant.resolve.location}) or one of
 *                   jit-java's own, which start with {@code jit.}
 * @param line       1-based line in the compiled source, or 0 when the problem has no line
 * @param message    the message, word for word as javac wrote it
 * @param sourceLine the line of code it refers to, or "" when there is none
 */
public record Diagnostic(String code, long line, String message, String sourceLine) {

    /** {@return the diagnostic as the repair prompt and exception messages show it: line, message, code} */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (line > 0) {
            text.append("line ").append(line).append(": ");
        }
        text.append(message);
        if (!sourceLine.isBlank()) {
            text.append("\n    ").append(sourceLine.strip());
        }
        return text.toString();
    }
}
