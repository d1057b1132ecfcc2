package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's records that carry a source print one line, with the source's size rather than its text: a
 * {@code Version} or a {@code Review} in a log line or a debugger must not spill a whole method.
 */
class OneLineToStringTest {
    @TempDir
    Path store;

    interface Numbers {
        int countVowels(String text);
    }

    private static final String LONG_SOURCE = "int f() {\n" + "    return 1;\n".repeat(200) + "}\n";

    @Test
    void version_fromHistory_printsNumberModelCreatedAttemptsFeedbackAndSourceSize() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
        Jit jit = Jit.builder().store(store).clock(clock)
                .model(ScriptedChatModel.answering(Answers.COUNT_VOWELS, Answers.COUNT_VOWELS).named("m1")).build();
        jit.implement(Numbers.class).countVowels("a");

        Version improved = jit.improve(Numbers.class, "countVowels", "also count y as a vowel");

        assertThat(improved.toString()).isEqualTo("Version[number=2, model=m1, createdAt=2026-11-25T10:00:00Z, "
                + "attempts=1, feedback=\"also count y as a vowel\", source=" + improved.source().length()
                + " chars in " + improved.source().lines().count() + " lines]");
        assertThat(jit.history(Numbers.class, "countVowels").get(0).toString()).contains("feedback=none");
    }

    @Test
    void version_longSourceAndMultiLineFeedback_staysOneShortLine() {
        String feedback = "first line of feedback\nsecond \"quoted\" line " + "x".repeat(200);
        Version version = new Version(3, LONG_SOURCE, Optional.of(feedback), Optional.empty(), "m", Instant.EPOCH, 2);

        assertThat(version.toString())
                .doesNotContain("\n").doesNotContain("return 1;").hasSizeLessThan(250)
                .contains("feedback=\"first line of feedback\\nsecond \\\"quoted\\\" line xxx")
                .contains("…\"")
                .endsWith("source=2812 chars in 202 lines]");
    }

    @Test
    void review_toString_isOneLineWithSizesOfSourceAndRequest() {
        List<Reviewer.Review> reviews = new ArrayList<>();
        Jit jit = Jit.builder().store(store).mode(Mode.REVIEW).model(ScriptedChatModel.answering(Answers.COUNT_VOWELS))
                .reviewer(review -> {
                    reviews.add(review);
                    return Reviewer.Decision.approve();
                }).build();
        jit.implement(Numbers.class).countVowels("a");

        Reviewer.Review review = reviews.get(0);
        assertThat(review.toString()).isEqualTo("Review[method=Numbers.countVowels(String), "
                        + "feedback=none, source=" + Summary.size(review.source()) + ", request="
                        + Summary.size(review.request()) + "]")
                .doesNotContain("\n");
    }

    @Test
    void decision_toString_isOneLine() {
        assertThat(Reviewer.Decision.approve()).hasToString("Decision[APPROVE]");
        assertThat(Reviewer.Decision.reject("uses\nthe network")).hasToString("Decision[REJECT, reason=\"uses\\nthe network\"]");
        assertThat(Reviewer.Decision.edit(LONG_SOURCE)).hasToString("Decision[EDIT, source=2812 chars in 202 lines]");
    }
}
