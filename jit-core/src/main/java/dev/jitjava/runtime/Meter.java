package dev.jitjava.runtime;

import dev.jitjava.BudgetExceededException;
import dev.jitjava.internal.observe.Events;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The budget counters instrumented generated code calls. Loops count down a local counter and call
 * {@link #loop} when it runs out; methods that may recurse call {@link #enter}; allocations and
 * guarded JDK calls {@link #charge} their size. The slow path measures the thread's CPU time, wall
 * time and allocation since the current burst of generated code began; charges add up for the
 * burst and are measured whenever they cross a step. Every check takes the limits as constants:
 * {@code (cpuNanos, maxBytes, wallNanos, method)}.
 *
 * <p>A budget failure is sticky: every later check in the same burst throws it again, and the
 * call boundary ({@link #start}/{@link #end}) throws it if the code returned normally anyway.
 * Public only because generated classes call it; not API.
 */
public final class Meter {
    /** Loop iterations (or method entries) between two measurements, at most. */
    public static final int CHUNK = 10_000;
    /** A pause this long, with the thread idle, between measurements starts a new burst: a new call. */
    private static final long NEW_BURST_NANOS = 50_000_000L;
    /** How often a running loop is measured at least: slow iterations get a shorter counter. */
    private static final long PACE_NANOS = 2_000_000L;
    private static final AtomicLong FAILURES = new AtomicLong();
    /** Every budget message says its limit after this. */
    private static final String BUDGET_OF = "budget of ";
    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /**
     * Entry counters, one stripe per thread hash, 64 bytes apart: racy on purpose (they only pace the
     * measurements), but threads seldom share a cache line.
     */
    private static final int[] ENTRIES = new int[64 * 16];

    private Meter() {
    }

    private static final class State {
        long lastCheck;
        long lastCpu;
        long cpuStart;
        long wallStart;
        long allocatedStart;
        /** Bytes charged by allocations and guards in this burst, and where the next measurement is due. */
        long charged;
        long nextStep;
        int nextChunk = CHUNK;
        boolean fresh = true;
        /** Call boundaries entered and not left: inside one, only the outermost boundary starts a new budget. */
        int depth;
        BudgetExceededException failure;
        long failureStamp;
    }

    /** When a loop's counter has run out: measures, and returns the next counter (shorter when iterations are slow). */
    public static int loop(long cpuNanos, long maxBytes, long wallNanos, String method) {
        return measure(cpuNanos, maxBytes, wallNanos, method).nextChunk;
    }

    /**
     * The same, for code that cannot catch a budget failure (so it has no call boundary to clear one):
     * a failure still recorded is an earlier call's, so this call starts a fresh budget.
     */
    public static int loopUncaught(long cpuNanos, long maxBytes, long wallNanos, String method) {
        State state = STATE.get();
        if (state.failure != null) {
            state.failure = null;
            state.fresh = true;
        }
        return measure(cpuNanos, maxBytes, wallNanos, method).nextChunk;
    }

    /** At the entry of a method that may recurse, or that the JDK may call in a loop (lambdas, callbacks). */
    public static void enter(long cpuNanos, long maxBytes, long wallNanos, String method) {
        int slot = (System.identityHashCode(Thread.currentThread()) & 63) << 4;
        if (--ENTRIES[slot] <= 0) {
            ENTRIES[slot] = measure(cpuNanos, maxBytes, wallNanos, method).nextChunk;
        }
    }

    /** Before an array allocation: charges its size, and refuses one past the budget. */
    public static int array(int count, int elementBytes, long cpuNanos, long maxBytes, long wallNanos, String method) {
        if (count > 0) {
            charge(16 + (long) count * elementBytes, cpuNanos, maxBytes, wallNanos, method);
        }
        return count;
    }

    /** Before {@code new int[a][b]...}: the product of the dimensions, checked before anything is built. */
    public static void multiArray(int[] dimensions, int leafBytes, long cpuNanos, long maxBytes, long wallNanos,
                                  String method) {
        long arrays = 1;
        long bytes = 0;
        for (int i = 0; i < dimensions.length; i++) {
            if (dimensions[i] < 0) {
                return; // the JVM throws NegativeArraySizeException
            }
            long elements = Math.min(arrays * dimensions[i], Long.MAX_VALUE / 16);
            bytes += arrays * 16 + elements * (i == dimensions.length - 1 ? leafBytes : 8);
            arrays = elements;
            if (bytes < 0 || bytes > maxBytes) {
                throw fail("would allocate more than " + megabytes(maxBytes) + " at once (a " + dimensions.length
                        + "-dimensional array), past its memory budget of " + megabytes(maxBytes), method,
                        "@Budget(memoryMegabytes = ...)");
            }
        }
        charge(bytes, cpuNanos, maxBytes, wallNanos, method);
    }

    /** After a JDK call that returned a string or an array: its size, which the call allocated. */
    public static void charged(Object value, long cpuNanos, long maxBytes, long wallNanos, String method) {
        long bytes;
        if (value instanceof String text) {
            bytes = 24L + text.length();
        } else if (value instanceof Object[] objects) {
            bytes = 16L + 8L * objects.length;
        } else if (value instanceof byte[] b) {
            bytes = 16L + b.length;
        } else if (value instanceof char[] c) {
            bytes = 16L + 2L * c.length;
        } else if (value instanceof int[] i) {
            bytes = 16L + 4L * i.length;
        } else if (value instanceof long[] l) {
            bytes = 16L + 8L * l.length;
        } else if (value instanceof double[] d) {
            bytes = 16L + 8L * d.length;
        } else {
            return;
        }
        charge(bytes, cpuNanos, maxBytes, wallNanos, method);
    }

    /**
     * Adds {@code bytes} to what this burst allocated; measures when the sum crosses the next step,
     * and fails once it is past the budget (before the allocation, where the caller charges first).
     */
    public static void charge(long bytes, long cpuNanos, long maxBytes, long wallNanos, String method) {
        if (bytes < 0 || bytes > maxBytes) {
            throw fail("would allocate " + (bytes < 0 ? "more than 8 EiB" : megabytes(bytes)) + " at once, past its "
                    + "memory budget of " + megabytes(maxBytes), method, "@Budget(memoryMegabytes = ...)");
        }
        State state = STATE.get();
        if (state.fresh || state.charged + bytes >= state.nextStep) {
            state = measure(cpuNanos, maxBytes, wallNanos, method);
        }
        state.charged += bytes;
        if (state.charged > maxBytes) {
            throw remember(state, fail("allocated " + megabytes(state.charged) + " in all, past its memory budget of "
                    + megabytes(maxBytes), method, "@Budget(memoryMegabytes = ...)"));
        }
    }

    /** What the wall-clock budget leaves of this call, in nanoseconds (for guards that wait). */
    public static long remainingWall(long cpuNanos, long maxBytes, long wallNanos, String method) {
        State state = measure(cpuNanos, maxBytes, wallNanos, method);
        return Math.max(0, state.wallStart + wallNanos - System.nanoTime());
    }

    /** At the call boundary, before the call: the outermost boundary on the thread starts a fresh budget. */
    public static long start() {
        State state = STATE.get();
        if (state.depth++ == 0) {
            state.fresh = true;
        }
        return FAILURES.get();
    }

    /** At the call boundary, after a normal return: rethrows a budget failure the code swallowed. */
    public static void end(long started) {
        State state = STATE.get();
        if (FAILURES.get() != started && state.failure != null && state.failureStamp > started) {
            BudgetExceededException failure = state.failure;
            throw failure; // the boundary's handler leaves the call with it
        }
        state.depth = Math.max(0, state.depth - 1);
    }

    /**
     * At the call boundary, when anything leaves the call by an exception: after a budget failure
     * the next call on this thread starts with a fresh budget.
     */
    public static void clear(Throwable leaving) {
        State state = STATE.get();
        state.depth = Math.max(0, state.depth - 1);
        if (leaving instanceof BudgetExceededException) {
            state.failure = null;
            state.fresh = true;
        }
    }

    /** Deep recursion, as a clear exception. */
    public static RuntimeException overflow(StackOverflowError error, String method) {
        return leaving("recursed too deep (StackOverflowError): make the recursion shallower or iterative", error, method);
    }

    /** The heap ran out while the call ran: the call fails, the process goes on (what it allocated is garbage now). */
    public static RuntimeException outOfMemory(OutOfMemoryError error, String method) {
        return leaving("ran the JVM out of memory (OutOfMemoryError): build less at once, or raise the heap", error, method);
    }

    private static RuntimeException leaving(String what, Error error, String method) {
        BudgetExceededException failure = new BudgetExceededException("The call " + what + ", for method " + method);
        Events.budgetExceeded(method, error instanceof StackOverflowError ? "stack" : "heap",
                error instanceof StackOverflowError ? "thread stack" : "JVM heap");
        failure.initCause(error);
        clear(failure);
        return failure;
    }

    private static State measure(long cpuNanos, long maxBytes, long wallNanos, String method) {
        State state = STATE.get();
        long now = System.nanoTime();
        long cpuNow = cpuTime(now);
        long sinceLast = now - state.lastCheck;
        // Inside a call boundary only the boundary starts a new budget (a loop of slow JDK calls inside it goes
        // on counting); code without one (a loop of arithmetic) starts anew after a pause between measurements.
        if (state.fresh || state.depth == 0 && sinceLast > NEW_BURST_NANOS) {
            state.cpuStart = cpuNow;
            state.wallStart = now;
            state.allocatedStart = allocated();
            state.charged = 0;
            state.failure = null;
            state.fresh = false;
            sinceLast = 0;
        }
        state.nextChunk = sinceLast > PACE_NANOS ? (int) Math.max(16, CHUNK * PACE_NANOS / sinceLast)
                : Math.min(CHUNK, state.nextChunk * 2);
        state.lastCheck = now;
        state.lastCpu = cpuNow;
        state.nextStep = state.charged + Math.max(1 << 20, maxBytes >> 5);
        if (state.failure != null) {
            state.failureStamp = FAILURES.incrementAndGet(); // sticky: this call swallowed it once already
            throw state.failure;
        }
        long cpu = cpuNow - state.cpuStart;
        if (cpu > cpuNanos) {
            throw remember(state, fail("ran past its CPU budget of " + cpuNanos / 1_000_000 + " ms (an endless loop, or "
                    + "work that grows too fast?)", method, "@Budget(cpuMillis = ...)"));
        }
        if (now - state.wallStart > wallNanos) {
            throw remember(state, fail("ran past its wall-clock budget of " + wallNanos / 1_000_000 + " ms", method,
                    "@Budget(wallMillis = ...)"));
        }
        long bytes = Math.max(allocated() - state.allocatedStart, state.charged);
        if (state.allocatedStart >= 0 && bytes > maxBytes) {
            throw remember(state, fail("allocated " + megabytes(bytes) + ", past its memory budget of "
                    + megabytes(maxBytes), method, "@Budget(memoryMegabytes = ...)"));
        }
        return state;
    }

    /** For guards and metered inputs: measures now, as a loop would. */
    public static void check(long cpuNanos, long maxBytes, long wallNanos, String method) {
        measure(cpuNanos, maxBytes, wallNanos, method);
    }

    /**
     * A budget failure, made where a budget trips (and only there: a sticky failure thrown again is the
     * same one), told to JFR and to the listeners as it is made.
     *
     * @param grant the setting that raises this budget, such as {@code @Budget(cpuMillis = ...)}
     */
    public static BudgetExceededException fail(String what, String method, String grant) {
        BudgetExceededException failure = new BudgetExceededException("The call " + what + "; if the work is "
                + "legitimate, raise the budget with " + grant + " or Jit.builder().budget(...), for method " + method);
        State state = STATE.get();
        tripped(method, grant, what);
        return remember(state, failure);
    }

    /** Tells JFR and the listeners: the kind of budget from the setting that raises it, the limit from the message. */
    private static void tripped(String method, String grant, String what) {
        String kind = grant.contains("cpuMillis") ? "cpu" : grant.contains("wallMillis") ? "wall"
                : grant.contains("memoryMegabytes") ? "memory" : "refused";
        int at = what.indexOf(BUDGET_OF);
        String limit = "never allowed";
        if (at >= 0) { // "... budget of 1000 ms (an endless loop...)": the number and its unit
            String[] words = what.substring(at + BUDGET_OF.length()).split(" ", 3);
            String unit = words.length < 2 ? "" : words[1];
            int end = 0;
            while (end < unit.length() && Character.isLetter(unit.charAt(end))) {
                end++;
            }
            limit = end == 0 ? words[0] : words[0] + " " + unit.substring(0, end);
        }
        Events.budgetExceeded(method, kind, limit);
    }

    private static BudgetExceededException remember(State state, BudgetExceededException failure) {
        if (state.failure != failure) {
            state.failure = failure;
            state.failureStamp = FAILURES.incrementAndGet();
            state.lastCheck = System.nanoTime();
        }
        return failure;
    }

    private static long cpuTime(long wallNow) {
        long cpu = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        return cpu >= 0 ? cpu : wallNow;
    }

    private static long allocated() {
        if (THREADS instanceof com.sun.management.ThreadMXBean hotspot && hotspot.isThreadAllocatedMemoryEnabled()) {
            return hotspot.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }

    static String megabytes(long bytes) {
        return bytes >= 1 << 20 ? bytes / (1 << 20) + " MiB" : bytes + " bytes";
    }
}
