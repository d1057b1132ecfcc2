package dev.jitjava;

import java.util.List;
import java.util.Map;

/**
 * The result of {@link Jit#prepare}: which methods were written now, which were already stored,
 * and which failed, each named as {@code Numbers.countVowels(String)}.
 *
 * @param generated written by the model now
 * @param stored    loaded from the store
 * @param failed    the methods that could not be prepared, with the reason
 */
public record Preparation(List<String> generated, List<String> stored, Map<String, String> failed) {
    /**
     * Copies the lists and the map: a preparation does not change afterwards.
     *
     * @param generated written by the model now
     * @param stored    loaded from the store
     * @param failed    the methods that could not be prepared, with the reason
     */
    public Preparation {
        generated = List.copyOf(generated);
        stored = List.copyOf(stored);
        failed = Map.copyOf(failed);
    }
}
