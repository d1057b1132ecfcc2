package dev.jitjava.internal.observe;

import dev.jitjava.spi.JitListener;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a {@code Jit} was told about observing it.
 *
 * @param listeners the listeners given to the builder
 * @param prices    the prices of models, for costs
 * @param secrets   the configuration's keys and tokens, never written into a transcript (made on first need)
 */
public record Observing(List<JitListener> listeners, Prices prices, Supplier<Set<String>> secrets) {
    public Observing {
        listeners = List.copyOf(listeners);
    }

    /** Nobody listens, no prices, no secrets known. */
    public static Observing none() {
        return new Observing(List.of(), Prices.NONE, Set::of);
    }
}
