package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every failure that concerns one method names it once, at the end ("..., for method
 * Numbers.countVowels(String)"), whichever step failed: a message that also opened with it read twice.
 */
class MethodNamedOnceTest {
    private static final String METHOD = "Numbers.countVowels(String)";

    @TempDir
    Path store;

    interface Numbers {
        @Example(call = "countVowels(\"jit\")", returns = "1")
        int countVowels(String text);
    }

    private Jit jit(ScriptedChatModel model) {
        return Jit.builder().store(store).model(model).maxAttempts(1).build();
    }

    private Jit locked() {
        return Jit.builder().store(store).mode(Mode.LOCKED).build();
    }

    private void generate() {
        jit(ScriptedChatModel.answering(Answers.COUNT_VOWELS)).implement(Numbers.class).countVowels("a");
    }

    private static String messageOf(Runnable action) {
        Throwable thrown = catchThrowable(action::run);
        assertThat(thrown).isInstanceOf(RuntimeException.class);
        return thrown.getMessage();
    }

    @Test
    void everyFailureOfOneMethod_namesItOnce_atTheEnd() throws Exception {
        Map<String, String> messages = new LinkedHashMap<>();
        messages.put("locked, missing", messageOf(() -> locked().implement(Numbers.class).countVowels("a")));
        messages.put("no model", messageOf(() -> Jit.builder().store(store).build().implement(Numbers.class).countVowels("a")));
        messages.put("answer without code", messageOf(() ->
                jit(ScriptedChatModel.answering("I cannot help with that.")).implement(Numbers.class).countVowels("a")));
        messages.put("does not compile", messageOf(() ->
                jit(ScriptedChatModel.answering(Answers.fenced("public int countVowels(String text) { return text; }")))
                        .implement(Numbers.class).countVowels("a")));
        messages.put("example fails", messageOf(() ->
                jit(ScriptedChatModel.answering(Answers.fenced("public int countVowels(String text) { return 7; }")))
                        .implement(Numbers.class).countVowels("a")));
        messages.put("not allowed", messageOf(() ->
                jit(ScriptedChatModel.answering(Answers.fenced(
                        "public int countVowels(String text) { System.exit(1); return 1; }")))
                        .implement(Numbers.class).countVowels("a")));
        messages.put("rejected in review", messageOf(() ->
                Jit.builder().store(store).model(ScriptedChatModel.answering(Answers.COUNT_VOWELS)).mode(Mode.REVIEW)
                        .reviewer(review -> Reviewer.Decision.reject("not today")).build()
                        .implement(Numbers.class).countVowels("a")));
        Jit fresh = jit(ScriptedChatModel.answering());
        fresh.implement(Numbers.class);
        messages.put("improve before the first call", messageOf(() -> fresh.improve(Numbers.class, "countVowels", "faster")));
        messages.put("source before the first call", messageOf(() -> fresh.source(Numbers.class, "countVowels")));

        generate();
        Jit locked = locked();
        locked.implement(Numbers.class).countVowels("a");
        messages.put("locked, improve", messageOf(() -> locked.improve(Numbers.class, "countVowels", "faster")));
        Path json = store.resolve(Numbers.class.getName()).resolve("countVowels(java.lang.String).json");
        Files.writeString(json, Files.readString(json).replace("\"description\" : \"\"", "\"description\" : \"older\""));
        messages.put("locked, stale", messageOf(() -> locked().implement(Numbers.class).countVowels("a")));

        assertThat(messages).allSatisfy((failure, message) -> {
            assertThat(message).as(failure).containsOnlyOnce(METHOD);
            assertThat(message.strip()).as(failure).endsWith("for method " + METHOD);
        });
    }

    @Test
    void budgetExceeded_namesTheMethodOnce() {
        Numbers numbers = Jit.builder().store(store).budget(Duration.ofMillis(50), 1L << 30)
                .model(ScriptedChatModel.answering(Answers.fenced("""
                        public int countVowels(String text) {
                            if (text.equals("jit")) {
                                return 1;
                            }
                            long n = 0;
                            while (n >= 0) {
                                n++;
                            }
                            return (int) n;
                        }""")))
                .build().implement(Numbers.class);

        String message = messageOf(() -> numbers.countVowels("forever"));

        assertThat(message).containsOnlyOnce(METHOD);
    }
}
