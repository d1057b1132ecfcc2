package dev.jitjava;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a generated method: the source that was compiled and bound, the feedback that
 * led to it (empty for the first version), the model that wrote it and when.
 *
 * @param number   1 for the first version, counting up with each {@code improve}
 * @param source   the compilation unit exactly as compiled
 * @param feedback the feedback given to {@code improve}, empty for the first version
 * @param reason   why it was written when no feedback was given (a changed spec, a hand edit), else empty
 * @param model    the name of the model that wrote it ({@code hand edit} for a person's)
 * @param createdAt when it was bound
 * @param attempts how many model requests it took (first answer plus repairs)
 */
public record Version(int number, String source, Optional<String> feedback, Optional<String> reason, String model,
                      Instant createdAt, int attempts) {
    public Version {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
