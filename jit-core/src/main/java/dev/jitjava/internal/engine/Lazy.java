package dev.jitjava.internal.engine;

import java.util.function.Supplier;

/** A value made on first need, once: what start-up does not need is never made. Thread-safe. */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> make;
    private T value;

    private Lazy(Supplier<T> make) {
        this.make = make;
    }

    public static <T> Supplier<T> of(Supplier<T> make) {
        return new Lazy<>(make);
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = make.get();
        }
        return value;
    }
}
