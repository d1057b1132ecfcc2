package dev.jitjava;

import dev.jitjava.internal.model.ModelConfig;
import dev.jitjava.internal.model.RetryPolicy;
import dev.jitjava.internal.store.JsonText;
import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Every generation's conversation, kept as JSON Lines beside the version it wrote, without a key. */
class TranscriptTest {
    private static final String KEY = "sk-test-51c0ffee9d2b";

    @TempDir
    Path dir;

    @org.junit.jupiter.api.extension.RegisterExtension
    final ProviderStub stub = ProviderStub.start();

    interface Numbers {
        int countVowels(String text);
    }

    private static final String DOES_NOT_COMPILE = Answers.COUNT_VOWELS_DOES_NOT_COMPILE;

    private Path store() {
        return dir.resolve("store");
    }

    private Path transcript(int version) {
        return store().resolve(Numbers.class.getName()).resolve("transcripts")
                .resolve("countVowels(java.lang.String).v" + version + ".jsonl");
    }

    private Path failedTranscript() {
        return store().resolve(".cache").resolve(Numbers.class.getName()).resolve("transcripts")
                .resolve("countVowels(java.lang.String).failed.jsonl");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> (Map<String, Object>) JsonText.parse(line)).toList();
    }

    private static List<String> types(List<Map<String, Object>> entries) {
        return entries.stream().map(e -> e.get("type") + (e.get("role") == null ? "" : ":" + e.get("role"))).toList();
    }

    @Test
    void generation_withAToolCallAndARepair_keepsEveryTurnInOrder_withTokensAndCostPerRequest() throws IOException {
        ScriptedChatModel model = ScriptedChatModel.answering()
                .thenCallTool("describe_type", "{\"name\": \"java.lang.String\"}")
                .thenAnswer(DOES_NOT_COMPILE).thenAnswer(Answers.COUNT_VOWELS).named("gpt-test").reportingUsage(100, 20);
        Jit jit = Jit.builder().store(store()).model(model).price("gpt-test", 2.0, 8.0).build();

        assertThat(jit.implement(Numbers.class).countVowels("jit")).isEqualTo(1);

        List<Map<String, Object>> entries = entries(transcript(1));
        assertThat(types(entries)).containsExactly("generation", "message:system", "message:user", "request",
                "response", "message:assistant", "message:tool", "request", "response", "message:assistant",
                "problems", "message:user", "request", "response", "message:assistant", "outcome");
        assertThat(entries.get(0)).containsEntry("method", "Numbers.countVowels(String)");
        assertThat((String) entries.get(2).get("text")).contains("int countVowels(String text)");
        assertThat(entries.get(3)).containsEntry("number", 1L).containsEntry("attempt", 1L)
                .containsEntry("messages", 2L).containsEntry("tools", List.of("describe_type", "search_types"));
        assertThat(entries.get(4)).containsEntry("inputTokens", 100L).containsEntry("outputTokens", 20L)
                .containsEntry("toolCalls", 1L).containsKey("millis");
        assertThat((double) entries.get(4).get("cost")).isCloseTo(0.00036, within(1e-12));
        assertThat(entries.get(5).get("toolCalls")).asList().singleElement().asString()
                .contains("describe_type").contains("java.lang.String");
        assertThat(entries.get(6)).containsEntry("tool", "describe_type");
        assertThat((String) entries.get(6).get("text")).contains("public final class java.lang.String");
        assertThat(entries.get(7)).containsEntry("messages", 4L).containsEntry("attempt", 1L);
        assertThat(entries.get(9)).containsEntry("text", DOES_NOT_COMPILE);
        assertThat(entries.get(10)).containsEntry("attempt", 1L);
        assertThat(entries.get(10).get("problems")).asList().singleElement().asString()
                .contains("cannot find symbol").contains("line=13");
        assertThat((String) entries.get(11).get("text")).startsWith("That did not work:").contains("cannot find symbol");
        assertThat(entries.get(12)).containsEntry("number", 3L).containsEntry("attempt", 2L).containsEntry("messages", 6L);
        assertThat(entries.get(14)).containsEntry("text", Answers.COUNT_VOWELS);
        Map<String, Object> outcome = entries.get(15);
        assertThat(outcome).containsEntry("outcome", "bound").containsEntry("version", 1L).containsEntry("attempts", 2L)
                .containsEntry("requests", 3L).containsEntry("toolCalls", 1L).containsEntry("inputTokens", 300L)
                .containsEntry("outputTokens", 60L);
        assertThat((double) outcome.get("cost")).isCloseTo(0.00108, within(1e-12));

        String metadata = Files.readString(store().resolve(Numbers.class.getName()).resolve("countVowels(java.lang.String).json"));
        assertThat(metadata).contains("\"requests\" : [[100, 20], [100, 20], [100, 20]]")
                .contains("\"totalCost\" : 0.00108");
        assertThat(jit.usage().cost()).hasValueCloseTo(0.00108, within(1e-12));
        assertThat(jit.usage().requests()).isEqualTo(3);
    }

    @Test
    void improve_keepsATranscriptPerVersion() throws IOException {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.COUNT_VOWELS, Answers.COUNT_VOWELS.replace("aeiou", "aeiouy"));
        Jit jit = Jit.builder().store(store()).model(model).build();
        jit.implement(Numbers.class).countVowels("a");
        String first = Files.readString(transcript(1));

        jit.improve(Numbers.class, "countVowels", "count y too");

        assertThat(Files.readString(transcript(1))).isEqualTo(first);
        assertThat(entries(transcript(2))).last().satisfies(outcome -> assertThat(outcome)
                .containsEntry("outcome", "bound").containsEntry("version", 2L));
        assertThat(Files.readString(transcript(2))).contains("count y too").contains("aeiouy");
    }

    @Test
    void failedGeneration_storesNothing_andKeepsItsTranscriptInTheCacheOnly() throws IOException {
        Jit jit = Jit.builder().store(store()).model(ScriptedChatModel.answering(DOES_NOT_COMPILE)).maxAttempts(1).build();

        assertThatThrownBy(() -> jit.implement(Numbers.class).countVowels("a")).isInstanceOf(GenerationException.class);

        assertThat(store().resolve(Numbers.class.getName())).doesNotExist();
        List<Map<String, Object>> entries = entries(failedTranscript());
        assertThat(entries).last().satisfies(outcome -> assertThat(outcome).containsEntry("outcome", "failed")
                .doesNotContainKey("version").containsEntry("attempts", 1L));
        assertThat((String) entries.get(entries.size() - 1).get("problem")).contains("No usable answer from model");
        assertThat(types(entries)).contains("problems");
    }

    @Test
    void keyOfTheConfiguration_neverAppearsInTheStore_evenWhenTheServerEchoesIt() throws IOException {
        stub.then(ProviderStub.Reply.ok(WireFormats.reply("openai", "gpt-test",
                        "Your key " + KEY + " works.\n" + DOES_NOT_COMPILE)))
                .then(ProviderStub.Reply.ok(WireFormats.reply("openai", "gpt-test", Answers.COUNT_VOWELS)));
        Map<String, String> env = stub.environment("openai", KEY, store());
        Jit jit = Jit.create(ModelConfig.load(env, dir, dir, url -> null),
                new RetryPolicy(0, Duration.ofMillis(1), sleep -> { }, new Random(1)));

        assertThat(jit.implement(Numbers.class).countVowels("jit")).isEqualTo(1);

        assertThat(stub.requests().get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(Files.readString(transcript(1))).contains("Your key [redacted] works.");
        assertThat(everyStoredFile()).isNotEmpty().allSatisfy(file ->
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain(KEY).doesNotContain("Bearer"));

        stub.then(ProviderStub.Reply.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
        assertThatThrownBy(() -> jit.improve(Numbers.class, "countVowels", "count y too")).isInstanceOf(JitException.class);
        assertThat(Files.readString(failedTranscript())).contains("\"outcome\":\"failed\"").doesNotContain(KEY);
    }

    private List<Path> everyStoredFile() throws IOException {
        try (Stream<Path> files = Files.walk(store())) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
