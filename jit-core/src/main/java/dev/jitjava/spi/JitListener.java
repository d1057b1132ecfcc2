package dev.jitjava.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Hears what a {@code Jit} does, for metrics and logs of your own: every generation with its
 * figures, every stored method it loads, every member the verifier refuses and every budget a call
 * of its generated code runs past. Give one to {@link dev.jitjava.Jit.Builder#listener}; the module
 * {@code jit-micrometer} is one. The same notifications make jit-java's JFR events and the figures
 * of its transcripts, so all three agree.
 *
 * <p>Each method is called on the thread that did the work, once it is done (a budget trip: just
 * before the {@code BudgetExceededException} leaves the call). Keep it quick; an exception it throws
 * is logged and ignored, never the program's. Every method does nothing by default.
 */
public interface JitListener {
    /**
     * A generation ended: a new version written, or no version at all.
     *
     * @param generation what it came to, and what it took
     */
    default void generated(Generation generation) {
    }

    /**
     * A stored method was loaded, without the model.
     *
     * @param load where it came from and how long it took
     */
    default void loaded(Load load) {
    }

    /**
     * The verifier refused a member that generated code used (in a model's answer, which goes back to
     * the model, or in stored code).
     *
     * @param refusal what was refused, where, and what would allow it
     */
    default void refused(Refusal refusal) {
    }

    /**
     * A call of generated code ran past a budget and fails with a {@code BudgetExceededException}.
     *
     * @param trip which budget, and its limit
     */
    default void budgetExceeded(BudgetTrip trip) {
    }

    /** What a generation came to. */
    enum Outcome {
        /** A new version passed every check, was recorded in the store and bound. */
        BOUND,
        /** No answer passed the method's examples and checks ({@code CheckFailedException}). */
        CHECKS_FAILED,
        /** No answer kept to what generated code may use ({@code VerificationException}). */
        VERIFIER_REFUSED,
        /** In REVIEW mode, the reviewer rejected the new version ({@code RejectedException}). */
        REVIEWER_REJECTED,
        /** Anything else: no usable code in time, the model failed, too many tool calls. */
        FAILED
    }

    /** Where a stored method was loaded from. */
    enum Source {
        /** The {@code .cache} snapshot: its files unchanged, not even read. */
        SNAPSHOT,
        /** Its files, with the classes verified before taken from {@code .cache}: no javac, no verifier. */
        CACHE,
        /** Its files, compiled and verified. */
        COMPILED
    }

    /**
     * One generation.
     *
     * @param method       {@code Numbers.countVowels(String)}
     * @param model        the model that was asked
     * @param outcome      what it came to
     * @param version      the version it recorded, 0 when none
     * @param attempts     model answers asked for (the first, then repairs); tool round trips not counted
     * @param toolCalls    tool calls the model made
     * @param inputTokens  input tokens over every request, as the model reported them (0 when it did not)
     * @param outputTokens output tokens over every request
     * @param duration     from the first request to the outcome
     * @param cost         what the requests cost at the configured prices, empty when no price is configured for
     *                     the model
     */
    record Generation(String method, String model, Outcome outcome, int version, int attempts, int toolCalls,
                      long inputTokens, long outputTokens, Duration duration, OptionalDouble cost) {
        /**
         * Checks that nothing is missing.
         *
         * @param method       {@code Numbers.countVowels(String)}
         * @param model        the model that was asked
         * @param outcome      what it came to
         * @param version      the version it recorded, 0 when none
         * @param attempts     model answers asked for
         * @param toolCalls    tool calls the model made
         * @param inputTokens  input tokens over every request
         * @param outputTokens output tokens over every request
         * @param duration     from the first request to the outcome
         * @param cost         what the requests cost, empty when no price is configured
         */
        public Generation {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(cost, "cost");
        }
    }

    /**
     * One stored method loaded.
     *
     * @param method   {@code Numbers.countVowels(String)}
     * @param source   where it came from
     * @param duration how long finding, checking and defining it took
     */
    record Load(String method, Source source, Duration duration) {
    }

    /**
     * One member refused.
     *
     * @param method {@code Numbers.countVowels(String)}
     * @param member what was used: {@code java.lang.System.exit(int)}, {@code type java.lang.Thread}
     * @param line   the line of the method's source, 0 when unknown
     * @param grant  what would allow it ({@code @Allow(Capability.FILES_READ)}), or "" when nothing would
     */
    record Refusal(String method, String member, int line, String grant) {
    }

    /**
     * One budget trip.
     *
     * @param method {@code Numbers.countVowels(String)}
     * @param kind   {@code cpu}, {@code wall}, {@code memory}, {@code stack} (a StackOverflowError),
     *               {@code heap} (an OutOfMemoryError) or {@code refused} (a use refused as it runs, such
     *               as closing {@code System.out})
     * @param limit  the budget that was exceeded, as people write it: {@code 1000 ms}, {@code 256 MiB}
     */
    record BudgetTrip(String method, String kind, String limit) {
    }
}
