package dev.jitjava.internal.tools;

/** The model asked for more tool calls than one generation allows; the generator turns it into a GenerationException. */
public final class ToolLimitException extends RuntimeException {
    private final int limit;

    public ToolLimitException(int limit, String lastCall) {
        super("more than " + limit + " tool calls (the last: " + lastCall + ")");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
