package dev.jitjava.processor;

import java.nio.file.Path;
import java.util.Map;

/**
 * The processor's options.
 *
 * @param store         the store folder
 * @param missingIsError whether a missing or stale method is a compile error rather than a warning
 * @param approved      whether every method must be approved or edited
 */
record Options(Path store, boolean missingIsError, boolean approved) {
    static final String STORE = "jit.store";
    static final String MISSING = "jit.missing";
    static final String APPROVED = "jit.approved";

    /** @throws IllegalArgumentException naming the option and the values it takes */
    static Options of(Map<String, String> given) {
        Path store = Path.of(given.getOrDefault(STORE, ".jit")).toAbsolutePath().normalize();
        String missing = given.getOrDefault(MISSING, "warn").strip();
        if (!missing.equals("warn") && !missing.equals("error")) {
            throw new IllegalArgumentException("-A" + MISSING + "=" + missing + ": it must be warn or error");
        }
        String approved = given.getOrDefault(APPROVED, "false").strip();
        if (!approved.equals("true") && !approved.equals("false")) {
            throw new IllegalArgumentException("-A" + APPROVED + "=" + approved + ": it must be true or false");
        }
        return new Options(store, missing.equals("error"), approved.equals("true"));
    }
}
