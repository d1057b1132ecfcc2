package dev.jitjava;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Approves, rejects or edits a newly generated or improved method before it runs, in
 * {@link Mode#REVIEW}. Called in the thread that needs the method; nothing is stored as current
 * until it returns an approval or an edit.
 *
 * <p>Without a reviewer, REVIEW mode asks on the console, and fails to build where there is none
 * (a server, an IDE, CI). Any callback will do instead, and {@link #approvingFrom(Path)} approves
 * the methods a file lists:
 *
 * <pre>{@code
 * Jit jit = Jit.builderFromEnvironment()                 // JIT_MODE=review, JIT_MODEL, ... as for Jit.create()
 *         .reviewer(review -> myApprovals.ask(review.method(), review.source())
 *                 ? Reviewer.Decision.approve()
 *                 : Reviewer.Decision.reject("declined in the approvals queue"))
 *         .build();
 *
 * Jit jit = Jit.builderFromEnvironment()
 *         .reviewer(Reviewer.approvingFrom(Path.of("approved-methods.txt")))
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface Reviewer {

    /**
     * Decides on one new version. Called in the thread that needs the method; a call that throws
     * fails that method's call the same way and stores nothing.
     *
     * @param review the method, the source that would run and what the model was asked
     * @return {@link Decision#approve()}, {@link Decision#reject(String)} or {@link Decision#edit(String)}
     */
    Decision review(Review review);

    /**
     * A reviewer that needs no console: it approves the methods listed in {@code file}, one a line, as
     * {@code Numbers.countVowels(String)} (that overload) or {@code Numbers.countVowels} (every overload),
     * and rejects any other with a reason that names the file and the line that would approve it. The
     * file is read at each review, so a line added while the program runs counts from the next one;
     * other lines (blank, {@code # comments}) approve nothing. A missing file approves nothing.
     *
     * <p>It approves by name, not by content: a listed method is approved whatever the model wrote,
     * so list only methods whose new versions you accept without reading them (their examples and
     * checks still have to pass), and review the rest where you can read them.
     *
     * @param file the list of approved methods
     * @return a reviewer reading {@code file}
     */
    static Reviewer approvingFrom(Path file) {
        return new FileReviewer(Objects.requireNonNull(file, "file"));
    }

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

    /**
     * The reviewer's answer: use {@link #approve()}, {@link #reject(String)} or {@link #edit(String)}.
     *
     * @param kind   what was decided
     * @param source the source to run instead, for {@link Kind#EDIT}; else null
     * @param reason why, for {@link Kind#REJECT}; else null
     */
    record Decision(Kind kind, String source, String reason) {
        /** What a reviewer can decide. */
        public enum Kind {
            /** Run and store the source as the model wrote it. */
            APPROVE,
            /** Store nothing; the call fails. */
            REJECT,
            /** Run and store the reviewer's source instead. */
            EDIT
        }

        /**
         * Checks that a kind is given.
         *
         * @param kind   what was decided
         * @param source the source to run instead, for {@link Kind#EDIT}; else null
         * @param reason why, for {@link Kind#REJECT}; else null
         */
        public Decision {
            Objects.requireNonNull(kind, "kind");
        }

        /**
         * Run and store the source as it is; its status becomes {@code approved}.
         *
         * @return the decision
         */
        public static Decision approve() {
            return new Decision(Kind.APPROVE, null, null);
        }

        /**
         * Store nothing; the call fails with {@link RejectedException} carrying the reason.
         *
         * @param reason why, in words the caller will read in the exception
         * @return the decision
         */
        public static Decision reject(String reason) {
            return new Decision(Kind.REJECT, null, Objects.requireNonNull(reason, "reason"));
        }

        /**
         * Run and store this source instead; its status becomes {@code edited}. It is compiled and verified
         * like any other version.
         *
         * @param source the whole compilation unit, as {@link Review#source()} gave it, edited
         * @return the decision
         */
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
