package dev.jitjava;

import dev.jitjava.internal.model.ModelConfig;
import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelOverrideTest {
    @TempDir
    Path store;

    interface Mixed {
        int countVowels(String text);

        @Model("ollama:qwen2.5-coder:7b")
        int twice(int n);
    }

    @Test
    void modelAnnotation_onAMethod_usesThatModelFromTheConfiguration() throws Exception {
        try (ProviderStub ollama = new ProviderStub()) {
            ollama.then(ProviderStub.Reply.ok(WireFormats.reply("ollama", "qwen2.5-coder:7b",
                    "```java\nint twice(int n) { return 2 * n; }\n```")));
            ScriptedChatModel standard = ScriptedChatModel.answering(Answers.COUNT_VOWELS);
            Jit jit = Jit.builder().store(store).model(standard)
                    .config(ModelConfig.load(Map.of("OLLAMA_BASE_URL", ollama.url()), store, store, url -> null))
                    .build();
            Mixed mixed = jit.implement(Mixed.class);

            assertThat(mixed.twice(21)).isEqualTo(42);
            assertThat(mixed.countVowels("oak")).isEqualTo(2);

            assertThat(ollama.requests()).singleElement()
                    .satisfies(request -> assertThat(request.body()).contains("qwen2.5-coder:7b"));
            assertThat(standard.requestCount()).isEqualTo(1);
            assertThat(jit.history(Mixed.class, "twice").get(0).model()).isEqualTo("ollama:qwen2.5-coder:7b");
        }
    }

    @Test
    void slowGeneration_logsOneLineWhileWritingAndOneWithTheOutcome() {
        ScriptedChatModel slow = ScriptedChatModel.replying(request -> {
            try {
                Thread.sleep(1300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answers.COUNT_VOWELS;
        }).reportingUsage(7, 9);
        Mixed mixed = Jit.builder().store(store).model(slow).build().implement(Mixed.class);
        String err = SeedDemoTest.captureStderr(() -> mixed.countVowels("a"));

        assertThat(err)
                .contains("INFO dev.jitjava.Jit - writing Mixed.countVowels(String) with scripted…")
                .containsPattern("INFO dev.jitjava.Jit - wrote Mixed.countVowels\\(String\\) with scripted in \\d+ ms "
                        + "\\(1 request, 7 tokens in, 9 out\\)");
    }
}
