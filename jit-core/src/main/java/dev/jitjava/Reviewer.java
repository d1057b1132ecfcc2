package dev.jitjava;

import java.util.Objects;
import java.util.Optional;

/**
 * Approves, rejects or edits a newly generated or improved method before it runs, in
 * {@link Mode#REVIEW}. Called in the thread that needs the method; nothing is stored as current
 * until it returns an approval or an edit.
 */
@FunctionalInterface
public interface Reviewer {

    Decision review(Review review);

    /**
     * What there is to review.
     *
     * @param method   the method, as {@code Numbers.countVowels(String)}
     * @param source   the source that would be stored and run
     * @param request  what the model was asked
     * @param feedback the feedback given to {@code improve}, empty for a first version
     */
    record Review(String method, String source, String request, Optional<String> feedback) {
        /** One line, with the sizes of the source and the request rather than their text. */
        @Override
        public String toString() {
            return "Review[method=" + method + ", feedback=" + feedback.map(Summary::quoted).orElse("none")
                    + ", source=" + Summary.size(source) + ", request=" + Summary.size(request) + "]";
        }
    }

    /** The reviewer's answer: use {@link #approve()}, {@link #reject(String)} or {@link #edit(String)}. */
    record Decision(Kind kind, String source, String reason) {
        public enum Kind { APPROVE, REJECT, EDIT }

        public Decision {
            Objects.requireNonNull(kind, "kind");
        }

        /** Run and store the source as it is; its status becomes {@code approved}. */
        public static Decision approve() {
            return new Decision(Kind.APPROVE, null, null);
        }

        /** Store nothing; the call fails with {@link RejectedException} carrying the reason. */
        public static Decision reject(String reason) {
            return new Decision(Kind.REJECT, null, Objects.requireNonNull(reason, "reason"));
        }

        /** Run and store this source instead; its status becomes {@code edited}. */
        public static Decision edit(String source) {
            return new Decision(Kind.EDIT, Objects.requireNonNull(source, "source"), null);
        }

        /** One line: {@code Decision[APPROVE]}, {@code Decision[REJECT, reason="..."]}, {@code Decision[EDIT, source=...]}. */
        @Override
        public String toString() {
            return "Decision[" + kind + (reason != null ? ", reason=" + Summary.quoted(reason) : "")
                    + (source != null ? ", source=" + Summary.size(source) : "") + "]";
        }
    }
}
