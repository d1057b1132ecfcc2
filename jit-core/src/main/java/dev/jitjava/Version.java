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
    /**
     * Checks that everything is given (the feedback and the reason may be empty, not null).
     *
     * @param number    1 for the first version, counting up with each {@code improve}
     * @param source    the compilation unit exactly as compiled
     * @param feedback  the feedback given to {@code improve}, empty for the first version
     * @param reason    why it was written when no feedback was given, else empty
     * @param model     the name of the model that wrote it
     * @param createdAt when it was bound
     * @param attempts  how many model requests it took (first answer plus repairs)
     */
    public Version {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * One line without the source: {@code Version[number=2, model=gpt-4.1-mini,
     * createdAt=2026-05-01T10:00:00Z, attempts=1, feedback="also count y as a vowel", source=412 chars in
     * 14 lines]}. The source itself is {@link #source()}.
     */
    @Override
    public String toString() {
        return "Version[number=" + number + ", model=" + model + ", createdAt=" + createdAt + ", attempts=" + attempts
                + ", feedback=" + feedback.map(Summary::quoted).orElse("none")
                + reason.map(r -> ", reason=" + Summary.quoted(r)).orElse("") + ", source=" + Summary.size(source) + "]";
    }
}
