package dev.jitjava.internal.verify;

/**
 * The wall-clock budget of a call unless configured: what CPU time cannot see (a call that waits),
 * with room for a busy machine where a second of CPU takes several of wall time. A class of its own,
 * free of ASM, because policies are worked out at start-up, where no class file is read or written.
 */
public final class WallClock {
    private WallClock() {
    }

    /** 5 times the CPU budget, at least 3 s. */
    public static long defaultFor(long cpuNanos) {
        return Math.max(3_000_000_000L, cpuNanos > Long.MAX_VALUE / 5 ? Long.MAX_VALUE : 5 * cpuNanos);
    }
}
