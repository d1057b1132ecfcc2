package dev.jitjava.internal.engine;

import dev.jitjava.Jit;
import dev.jitjava.internal.store.Metadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells the log about generations that take long enough to notice: one INFO line once a
 * generation has run for a second, and one with its outcome, time and tokens. Quick ones stay quiet.
 */
public final class Progress {
    private static final Logger LOG = LoggerFactory.getLogger(Jit.class);
    static final long QUIET_MILLIS = 1000;

    private final String method;
    private final String model;
    private final long start = System.nanoTime();
    private final AtomicBoolean finished = new AtomicBoolean();

    private Progress(String method, String model) {
        this.method = method;
        this.model = model;
    }

    public static Progress start(String method, String model) {
        Progress progress = new Progress(method, model);
        if (LOG.isInfoEnabled()) {
            // Runs on the JVM's one delay-scheduler thread: the default executor would start a thread per
            // generation where the common pool has a single worker (2 cores)
            CompletableFuture.runAsync(() -> {
                if (!progress.finished.get()) {
                    LOG.info("writing {} with {}…", method, model);
                }
            }, CompletableFuture.delayedExecutor(QUIET_MILLIS, TimeUnit.MILLISECONDS, Runnable::run));
        }
        return progress;
    }

    public void finished(String outcome, int attempts, Metadata.Tokens tokens) {
        finished.set(true);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis >= QUIET_MILLIS) {
            LOG.info("{} {} with {} in {} ms ({} {}{})", outcome, method, model, millis, attempts,
                    attempts == 1 ? "request" : "requests",
                    tokens == null ? "" : ", " + tokens.input() + " tokens in, " + tokens.output() + " out");
        }
    }
}
