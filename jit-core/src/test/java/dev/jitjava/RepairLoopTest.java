package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepairLoopTest {
    @TempDir
    Path store;


    interface Numbers {
        int countVowels(String text);
    }

    private static final String DOES_NOT_COMPILE = Answers.COUNT_VOWELS_DOES_NOT_COMPILE;

    @Test
    void generate_firstAnswerDoesNotCompile_secondRequestCarriesDiagnosticsInSameConversation() {
        ScriptedChatModel model = ScriptedChatModel.answering(DOES_NOT_COMPILE, Answers.COUNT_VOWELS);
        Numbers numbers = Jit.builder().store(store).model(model).build().implement(Numbers.class);

        assertThat(numbers.countVowels("education")).isEqualTo(5);

        assertThat(model.requestCount()).isEqualTo(2);
        var messages = model.requests().get(1).messages();
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0)).isInstanceOf(SystemMessage.class);
        assertThat(((UserMessage) messages.get(1)).singleText()).contains("int countVowels(String text)");
        assertThat(((AiMessage) messages.get(2)).text()).isEqualTo(DOES_NOT_COMPILE);
        assertThat(((UserMessage) messages.get(3)).singleText()).isEqualTo("""
                That did not work:

                line 13: cannot find symbol
                  symbol:   variable vowels
                  location: class dev.jitjava.RepairLoopTest_Numbers_countVowels
                    return vowels;

                Answer again with the whole corrected method (with its imports and helpers), \
                keeping the signature `int countVowels(String text)`.""");
    }

    @Test
    void generate_threeBadAnswers_throwsGenerationExceptionNamingMethodModelAttemptsAndDiagnostic() {
        ScriptedChatModel model = ScriptedChatModel.answering(DOES_NOT_COMPILE, DOES_NOT_COMPILE, DOES_NOT_COMPILE)
                .named("gpt-test");
        Numbers numbers = Jit.builder().store(store).model(model).build().implement(Numbers.class);

        assertThatThrownBy(() -> numbers.countVowels("x"))
                .isInstanceOfSatisfying(GenerationException.class, e -> {
                    assertThat(e.method()).isEqualTo("Numbers.countVowels(String)");
                    assertThat(e.model()).isEqualTo("gpt-test");
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.diagnostics()).extracting(Diagnostic::code)
                            .containsExactly("compiler.err.cant.resolve.location");
                })
                .hasMessage("""
                        No usable answer from model gpt-test after 3 attempts. Last problem: line 13: cannot find symbol
                          symbol:   variable vowels
                          location: class dev.jitjava.RepairLoopTest_Numbers_countVowels
                            return vowels;
                        Describe the method more precisely (@Describe, @Example) or allow more attempts (maxAttempts), \
                        for method Numbers.countVowels(String)""");
        assertThat(model.requestCount()).isEqualTo(3);
    }

    @Test
    void generate_failureIsNotCached_nextCallTriesAgain() {
        ScriptedChatModel model = ScriptedChatModel.answering(DOES_NOT_COMPILE, Answers.COUNT_VOWELS);
        Numbers numbers = Jit.builder().store(store).model(model).maxAttempts(1).build().implement(Numbers.class);

        assertThatThrownBy(() -> numbers.countVowels("x")).isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("No usable answer from model scripted after 1 attempt. Last problem: line 13:");
        assertThat(numbers.countVowels("aei")).isEqualTo(3);
        assertThat(model.requestCount()).isEqualTo(2);
    }

    @Test
    void generate_wrongSignature_isRepaired() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.fenced("""
                long countVowels(String text) {
                    return 0L;
                }"""), Answers.COUNT_VOWELS);
        Numbers numbers = Jit.builder().store(store).model(model).build().implement(Numbers.class);

        assertThat(numbers.countVowels("oui")).isEqualTo(3);
        assertThat(model.lastUserMessage()).startsWith("""
                That did not work:

                The method must be `int countVowels(String text)`, but the answer declares \
                `long countVowels(String)`. Keep the parameter types and the return type exactly as given.""");
    }

    @Test
    void generate_answerWithoutCode_isRepaired() {
        ScriptedChatModel model = ScriptedChatModel.answering("I would count the vowels in a loop.", Answers.COUNT_VOWELS);
        Numbers numbers = Jit.builder().store(store).model(model).build().implement(Numbers.class);

        assertThat(numbers.countVowels("a")).isEqualTo(1);
        assertThat(model.lastUserMessage()).contains("The answer holds no complete method `int countVowels(String text)`");
    }

    @Test
    void generate_modelFails_throwsJitExceptionNamingModelAndMethod() {
        ScriptedChatModel model = ScriptedChatModel.answering().thenFail(new IllegalStateException("connection reset"));
        Numbers numbers = Jit.builder().store(store).model(model).build().implement(Numbers.class);

        assertThatThrownBy(() -> numbers.countVowels("a"))
                .isExactlyInstanceOf(JitException.class)
                .hasMessage("Model scripted failed on attempt 1 of 3: connection reset, for method Numbers.countVowels(String)")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    /** A checked exception the interface does not declare costs no repair: it reaches the caller wrapped. */
    @Test
    void generate_undeclaredCheckedException_isWrappedWithoutARepair() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.fenced("""
                int countVowels(String text) throws java.io.IOException {
                    if (text.isEmpty()) {
                        throw new java.io.IOException("nothing to count");
                    }
                    return (int) text.chars().filter(c -> "aeiou".indexOf(c) >= 0).count();
                }"""));
        Numbers numbers = Jit.builder().store(store).model(model).build().implement(Numbers.class);

        assertThat(numbers.countVowels("ae")).isEqualTo(2);
        assertThat(model.requestCount()).isEqualTo(1);
        assertThatThrownBy(() -> numbers.countVowels(""))
                .isExactlyInstanceOf(RuntimeException.class)
                .hasCauseInstanceOf(java.io.IOException.class)
                .hasRootCauseMessage("nothing to count");
    }
}
