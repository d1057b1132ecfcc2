package dev.jitjava.cli;

/** What {@code jit} exits with. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** A check did not pass (e.g. {@code jit verify} found a missing or stale method). */
    public static final int NOT_VERIFIED = 1;
    /** The command line was wrong, or a method name matched none or several methods. */
    public static final int USAGE = 2;
    /** The command failed (an unreadable store, a model that does not answer, ...). */
    public static final int FAILURE = 3;
    /** Ctrl-C: stopped by the user (128 + SIGINT, as shells report it); nothing half-written is stored. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
