package dev.jitjava.runtime;

import dev.jitjava.BudgetExceededException;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The budget counters instrumented generated code calls. Loops count down a local counter and call
 * {@link #loop} once every {@link #CHUNK} iterations; methods that may recurse call {@link #enter};
 * arrays are sized through {@link #array}. The slow path measures the thread's CPU time and
 * allocation since the current burst of generated code began.
 *
 * <p>A budget failure is sticky: every later check in the same burst throws it again, and the
 * call boundary ({@link #start}/{@link #end}) throws it if the code returned normally anyway.
 * Public only because generated classes call it; not API.
 */
public final class Meter {
    /** Loop iterations (or method entries) between two measurements. */
    public static final int CHUNK = 10_000;
    /** A pause this long between measurements starts a new burst: a new call. */
    private static final long NEW_BURST_NANOS = 50_000_000L;
    private static final AtomicLong FAILURES = new AtomicLong();
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
        long cpuStart;
        long allocatedStart;
        BudgetExceededException failure;
        long failureStamp;
    }

    /** At a loop header, when the frame's counter has run out: measures, and returns a full counter. */
    public static int loop(long cpuNanos, long maxBytes, String method) {
        check(cpuNanos, maxBytes, method);
        return CHUNK;
    }

    /**
     * At a loop header of code that cannot catch a budget failure (so it has no call boundary to
     * clear one): a failure still recorded is an earlier call's, so this call starts a fresh budget.
     */
    public static int loopUncaught(long cpuNanos, long maxBytes, String method) {
        State state = STATE.get();
        if (state.failure != null) {
            state.failure = null;
            state.lastCheck = 0;
        }
        check(cpuNanos, maxBytes, method);
        return CHUNK;
    }

    /** At the entry of a method that may recurse, or that the JDK may call in a loop (lambdas, callbacks). */
    public static void enter(long cpuNanos, long maxBytes, String method) {
        int slot = (System.identityHashCode(Thread.currentThread()) & 63) << 4;
        if (--ENTRIES[slot] <= 0) {
            ENTRIES[slot] = CHUNK;
            check(cpuNanos, maxBytes, method);
        }
    }

    /** Before an array allocation: refuses one larger than the budget. */
    public static int array(int count, int elementBytes, long maxBytes, String method) {
        if ((long) count * elementBytes > maxBytes) {
            throw fail("would allocate " + megabytes((long) count * elementBytes) + " at once, past its memory budget of "
                    + megabytes(maxBytes), method, "@Budget(memoryMegabytes = ...)");
        }
        return count;
    }

    /** At the call boundary, before the call. */
    public static long start() {
        return FAILURES.get();
    }

    /** At the call boundary, after a normal return: rethrows a budget failure the code swallowed. */
    public static void end(long started) {
        if (FAILURES.get() != started) {
            State state = STATE.get();
            if (state.failure != null && state.failureStamp > started) {
                BudgetExceededException failure = state.failure;
                clear(failure);
                throw failure;
            }
        }
    }

    /**
     * At the call boundary, when a budget failure leaves the call: the next call on this thread
     * starts with a fresh budget.
     */
    public static void clear(Throwable leaving) {
        if (leaving instanceof BudgetExceededException) {
            State state = STATE.get();
            state.failure = null;
            state.lastCheck = 0;
        }
    }

    /** Deep recursion, as a clear exception. */
    public static RuntimeException overflow(StackOverflowError error, String method) {
        BudgetExceededException failure = new BudgetExceededException("The call recursed too deep (StackOverflowError): "
                + "make the recursion shallower or iterative, for method " + method);
        failure.initCause(error);
        return failure;
    }

    public static void check(long cpuNanos, long maxBytes, String method) {
        State state = STATE.get();
        long now = System.nanoTime();
        if (now - state.lastCheck > NEW_BURST_NANOS) {
            state.cpuStart = cpuTime(now);
            state.allocatedStart = allocated();
            state.failure = null;
        }
        state.lastCheck = now;
        if (state.failure != null) {
            state.failureStamp = FAILURES.incrementAndGet(); // sticky: this call swallowed it once already
            throw state.failure;
        }
        long cpu = cpuTime(now) - state.cpuStart;
        if (cpu > cpuNanos) {
            throw remember(state, fail("ran past its CPU budget of " + cpuNanos / 1_000_000 + " ms (an endless loop, or "
                    + "work that grows too fast?)", method, "@Budget(cpuMillis = ...)"));
        }
        long bytes = allocated() - state.allocatedStart;
        if (state.allocatedStart >= 0 && bytes > maxBytes) {
            throw remember(state, fail("allocated " + megabytes(bytes) + ", past its memory budget of "
                    + megabytes(maxBytes), method, "@Budget(memoryMegabytes = ...)"));
        }
    }

    public static BudgetExceededException fail(String what, String method, String grant) {
        BudgetExceededException failure = new BudgetExceededException("The call " + what + "; if the work is "
                + "legitimate, raise the budget with " + grant + " or Jit.builder().budget(...), for method " + method);
        State state = STATE.get();
        return remember(state, failure);
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

    private static String megabytes(long bytes) {
        return bytes >= 1 << 20 ? bytes / (1 << 20) + " MiB" : bytes + " bytes";
    }
}
