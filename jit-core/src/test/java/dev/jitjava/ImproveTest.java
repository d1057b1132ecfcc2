package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImproveTest {
    @TempDir
    Path store;


    interface Numbers {
        int countVowels(String text);

        int countVowels(String text, boolean withY);
    }

    private static final String WITH_Y = Answers.fenced("""
            int countVowels(String text) {
                return (int) text.toLowerCase().chars().filter(c -> "aeiouy".indexOf(c) >= 0).count();
            }""");

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void improve_rebindsExistingObjects_andKeepsHistoryWithFeedback() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.COUNT_VOWELS, WITH_Y).named("m1");
        Jit jit = Jit.builder().store(store).model(model).clock(clock).build();
        Numbers before = jit.implement(Numbers.class);
        assertThat(before.countVowels("rhythm")).isZero();
        String firstSource = jit.source(Numbers.class, "countVowels(java.lang.String)");

        Version improved = jit.improve(Numbers.class, "countVowels(String)", "also count y as a vowel");

        assertThat(before.countVowels("rhythm")).isEqualTo(1);
        assertThat(jit.implement(Numbers.class).countVowels("yay")).isEqualTo(3);
        assertThat(improved.number()).isEqualTo(2);
        List<Version> history = jit.history(Numbers.class, "countVowels(java.lang.String)");
        assertThat(history).extracting(Version::number).containsExactly(1, 2);
        assertThat(history).extracting(Version::feedback)
                .containsExactly(Optional.empty(), Optional.of("also count y as a vowel"));
        assertThat(history).extracting(Version::model).containsOnly("m1");
        assertThat(history).extracting(Version::createdAt).containsOnly(clock.instant());
        assertThat(history.get(0).source()).isEqualTo(firstSource).contains("\"aeiou\"");
        assertThat(history.get(1).source()).contains("\"aeiouy\"");
        assertThat(jit.source(Numbers.class, "countVowels(String)")).isEqualTo(history.get(1).source());
    }

    @Test
    void improve_requestCarriesCurrentSourceHistoryAndFeedback() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.COUNT_VOWELS, WITH_Y, WITH_Y);
        Jit jit = Jit.builder().store(store).model(model).build();
        jit.implement(Numbers.class).countVowels("a");

        jit.improve(Numbers.class, "countVowels(String)", "also count y as a vowel");
        jit.improve(Numbers.class, "countVowels(String)", "ignore digits");

        String request = model.lastUserMessage();
        assertThat(request).contains("The current version (version 2)")
                .contains("\"aeiouy\"")
                .contains("Earlier feedback, oldest first:\n1. also count y as a vowel\n")
                .contains("Change it as follows: ignore digits");
    }

    @Test
    void improve_failedImprovement_keepsCurrentVersionBound() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.COUNT_VOWELS, "no code", "no code", "no code");
        Jit jit = Jit.builder().store(store).model(model).build();
        Numbers numbers = jit.implement(Numbers.class);
        numbers.countVowels("a");

        assertThatThrownBy(() -> jit.improve(Numbers.class, "countVowels(String)", "be faster"))
                .isInstanceOf(GenerationException.class);

        assertThat(numbers.countVowels("aa")).isEqualTo(2);
        assertThat(jit.history(Numbers.class, "countVowels(String)")).hasSize(1);
    }

    @Test
    void improve_beforeFirstCall_saysToCallFirst() {
        Jit jit = Jit.builder().store(store).model(ScriptedChatModel.answering()).build();
        jit.implement(Numbers.class);

        assertThatThrownBy(() -> jit.improve(Numbers.class, "countVowels(String)", "faster"))
                .isInstanceOf(JitException.class)
                .hasMessage("Nothing to improve yet: the method is written on its first call, so call it once before "
                        + "improving it, for method Numbers.countVowels(String)");
        assertThatThrownBy(() -> jit.source(Numbers.class, "countVowels(String)"))
                .hasMessage("No source yet: the method is written on its first call, for method Numbers.countVowels(String)");
    }

    @Test
    void source_overloadedName_asksForSignature() {
        Jit jit = Jit.builder().store(store).model(ScriptedChatModel.answering()).build();
        jit.implement(Numbers.class);

        assertThatThrownBy(() -> jit.source(Numbers.class, "countVowels"))
                .isInstanceOf(JitException.class)
                .hasMessage("countVowels is overloaded in Numbers: name one by its signature, one of "
                        + "countVowels(java.lang.String), countVowels(java.lang.String,boolean)");
        assertThatThrownBy(() -> jit.source(Numbers.class, "countConsonants"))
                .hasMessage("Numbers has no generated method countConsonants; it has: "
                        + "Numbers.countVowels(String), Numbers.countVowels(String, boolean)");
    }

    @Test
    void source_interfaceNotImplemented_saysSo() {
        Jit jit = Jit.builder().store(store).model(ScriptedChatModel.answering()).build();

        assertThatThrownBy(() -> jit.source(Numbers.class, "countVowels"))
                .hasMessage(Numbers.class.getName() + " has no generated methods here: implement it with this Jit "
                        + "(jit.implement(Numbers.class)) and call a method first");
    }
}
