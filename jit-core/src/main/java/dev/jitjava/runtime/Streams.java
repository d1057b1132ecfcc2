package dev.jitjava.runtime;

import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Meters streams whose source is huge or endless ({@code LongStream.rangeClosed(1, Long.MAX_VALUE)},
 * {@code Stream.iterate}, {@code generate}, {@code Random.ints()}): the allowlist's
 * {@code @result=Streams.metered} passes the stream the JDK made through here, and every element
 * that flows from the source counts towards a measurement, so a terminal operation that never calls
 * back into generated code ({@code sum()}, {@code max()}) still meets the CPU budget.
 * Public only because generated classes call it; not API.
 */
public final class Streams {
    private Streams() {
    }

    public static <T> Stream<T> metered(Stream<T> stream, long cpu, long bytes, long wall, String method) {
        Tick tick = new Tick(cpu, bytes, wall, method);
        return stream.peek(element -> tick.tick());
    }

    public static IntStream metered(IntStream stream, long cpu, long bytes, long wall, String method) {
        Tick tick = new Tick(cpu, bytes, wall, method);
        return stream.peek(element -> tick.tick());
    }

    public static LongStream metered(LongStream stream, long cpu, long bytes, long wall, String method) {
        Tick tick = new Tick(cpu, bytes, wall, method);
        return stream.peek(element -> tick.tick());
    }

    public static DoubleStream metered(DoubleStream stream, long cpu, long bytes, long wall, String method) {
        Tick tick = new Tick(cpu, bytes, wall, method);
        return stream.peek(element -> tick.tick());
    }

    /** One stream's count of elements, measured every {@link Meter#CHUNK}. */
    private static final class Tick {
        private final long cpu;
        private final long bytes;
        private final long wall;
        private final String method;
        private int count;

        Tick(long cpu, long bytes, long wall, String method) {
            this.cpu = cpu;
            this.bytes = bytes;
            this.wall = wall;
            this.method = method;
        }

        void tick() {
            if (++count >= Meter.CHUNK) {
                count = 0;
                Meter.check(cpu, bytes, wall, method);
            }
        }
    }
}
