package dev.jitjava.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the user sees on stderr while the model works. On a terminal: a spinner with the method and
 * the elapsed time, redrawn in place and erased when the work ends; if the user presses Ctrl-C
 * meanwhile, one line says that nothing was stored (nothing is: a method is stored only after it
 * passed). Otherwise, so that logs stay readable: one line when the work starts.
 */
final class Activity {
    private static final String FRAMES = "|/-\\";
    private static final long FRAME_MILLIS = 100;

    private final PrintStream err;
    private final boolean terminal;

    private Activity(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static Activity on(PrintStream err, boolean terminal) {
        return new Activity(err, terminal);
    }

    /** Starts showing {@code what} (e.g. "writing countVowels(String) with openai:gpt-4.1-mini"). */
    Shown show(String what) {
        if (!terminal) {
            err.println("jit: " + what + "...");
            return new Shown(null, null, null);
        }
        long start = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "jit-spinner");
            thread.setDaemon(true);
            return thread;
        });
        long[] frame = {0};
        ScheduledFuture<?> drawing = ticker.scheduleAtFixedRate(
                () -> err.print("\r" + frame(frame[0]++, what, Duration.ofNanos(System.nanoTime() - start))),
                0, FRAME_MILLIS, TimeUnit.MILLISECONDS);
        Thread cancelled = new Thread(() -> {
            drawing.cancel(false);
            err.print("\r\033[K");
            err.println("jit: cancelled while " + what + "; nothing was stored");
            err.flush();
        }, "jit-cancelled");
        Runtime.getRuntime().addShutdownHook(cancelled);
        return new Shown(ticker, drawing, cancelled);
    }

    /** One frame of the spinner: the wheel, what is happening, and for how long. */
    static String frame(long index, String what, Duration elapsed) {
        return FRAMES.charAt((int) (index % FRAMES.length())) + " " + what + " "
                + String.format("%d.%ds", elapsed.toSeconds(), elapsed.toMillisPart() / 100) + "\033[K";
    }

    /** The activity on screen; closing it erases the spinner. */
    final class Shown implements AutoCloseable {
        private final ScheduledExecutorService ticker;
        private final ScheduledFuture<?> drawing;
        private final Thread cancelled;
        private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

        private Shown(ScheduledExecutorService ticker, ScheduledFuture<?> drawing, Thread cancelled) {
            this.ticker = ticker;
            this.drawing = drawing;
            this.cancelled = cancelled;
        }

        /** Closing erases the line once: a second close (the cancelled request winding down) would erase the prompt. */
        @Override
        public void close() {
            if (ticker == null || !closed.compareAndSet(false, true)) {
                return;
            }
            drawing.cancel(false);
            ticker.shutdown();
            try {
                ticker.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(cancelled);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs and reports the cancellation
            }
            err.print("\r\033[K");
            err.flush();
        }
    }
}
