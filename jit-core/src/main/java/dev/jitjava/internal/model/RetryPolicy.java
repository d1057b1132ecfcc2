package dev.jitjava.internal.model;

import java.time.Duration;
import java.util.Random;

/**
 * When and how long to wait before trying a request again: after 429, 5xx and connection errors,
 * at most {@code maxRetries} times, with exponential backoff and full jitter, or as long as the
 * server's {@code Retry-After} says (up to {@link #MAX_WAIT}). This is the only retry policy:
 * the LangChain4j models are built with {@code maxRetries(0)}.
 */
public final class RetryPolicy {
    /** The longest wait jit-java accepts; a server asking for more is answered with a failure. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(60);

    /** Waits; tests pass one that records instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int maxRetries;
    private final Duration baseDelay;
    private final Sleeper sleeper;
    private final Random random;

    public RetryPolicy(int maxRetries, Duration baseDelay, Sleeper sleeper, Random random) {
        this.maxRetries = maxRetries;
        this.baseDelay = baseDelay;
        this.sleeper = sleeper;
        this.random = random;
    }

    public static RetryPolicy standard(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofMillis(500), d -> Thread.sleep(d.toMillis()), new Random());
    }

    public int maxRetries() {
        return maxRetries;
    }

    public static boolean retriable(int status) {
        return status == 429 || status >= 500;
    }

    /** The wait before retry number {@code retry} (0 for the first retry). */
    public Duration delay(int retry, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter;
        }
        long ceiling = Math.min(baseDelay.toMillis() << Math.min(retry, 10), MAX_WAIT.toMillis());
        return Duration.ofMillis(ceiling / 2 + (long) (random.nextDouble() * (ceiling / 2.0)));
    }

    public void sleep(Duration duration) throws InterruptedException {
        sleeper.sleep(duration);
    }
}
