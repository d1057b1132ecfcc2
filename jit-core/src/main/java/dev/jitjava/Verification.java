package dev.jitjava;

import java.util.List;

/**
 * The result of {@link Jit#verify}: every abstract method checked against the store, without the model.
 *
 * @param checked  how many methods were checked
 * @param problems one line per method that is missing, stale or does not compile
 */
public record Verification(int checked, List<String> problems) {
    /**
     * Copies the list of problems: a verification does not change afterwards.
     *
     * @param checked  how many methods were checked
     * @param problems one line per method that is missing, stale or does not compile
     */
    public Verification {
        problems = List.copyOf(problems);
    }

    /** {@return true when every method is stored, compiles and matches its spec} */
    public boolean passed() {
        return problems.isEmpty();
    }
}
