package dev.jitjava.internal.observe;

import dev.jitjava.internal.model.ModelConfig;
import dev.jitjava.spi.JitListener;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a {@code Jit} was told about observing it.
 *
 * @param listeners the listeners given to the builder
 * @param prices    the prices of models, for costs
 * @param config    the configuration whose keys and tokens are never written into a transcript (made on first
 *                  need: a start that writes nothing never reads it)
 */
public record Observing(List<JitListener> listeners, Prices prices, Supplier<ModelConfig> config) {
    public Observing {
        listeners = List.copyOf(listeners);
    }

    /** The secrets to keep out of what jit-java writes. */
    Set<String> secrets() {
        return config.get().secrets();
    }
}
