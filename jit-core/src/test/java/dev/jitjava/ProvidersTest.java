package dev.jitjava;

import dev.jitjava.internal.model.ModelConfig;
import dev.jitjava.internal.model.RetryPolicy;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each provider, through Jit.create's configuration, against a stub that speaks its wire format on 127.0.0.1. */
class ProvidersTest {
    private static final String KEY = "sk-test-7f3a9c1e5d";

    @TempDir
    Path dir;

    @org.junit.jupiter.api.extension.RegisterExtension
    final ProviderStub stub = ProviderStub.start();
    private final List<Duration> sleeps = new ArrayList<>();

    interface Numbers {
        int countVowels(String text);
    }


    private Map<String, String> environment(String provider) {
        Map<String, String> env = stub.environment(provider, KEY, dir.resolve("store"));
        env.put("JIT_MAX_RETRIES", "3");
        return env;
    }

    private Jit jit(Map<String, String> env) {
        ModelConfig config = ModelConfig.load(env, dir, dir, url -> null);
        RetryPolicy recording = new RetryPolicy(3, Duration.ofMillis(500), sleeps::add, new Random(1));
        return Jit.create(config, recording);
    }

    private static String modelOf(String provider) {
        return ProviderStub.modelOf(provider);
    }

    private static String label(String provider) {
        return provider + ":" + modelOf(provider);
    }

    private String answer(String provider) {
        return WireFormats.reply(provider, modelOf(provider), Answers.COUNT_VOWELS);
    }

    private Numbers numbers(String provider) {
        return jit(environment(provider)).implement(Numbers.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama"})
    void success_endToEnd_requestInTheProvidersFormat(String provider) {
        stub.then(ProviderStub.Reply.ok(answer(provider)));
        Jit configured = jit(environment(provider));

        assertThat(configured.implement(Numbers.class).countVowels("education")).isEqualTo(5);

        ProviderStub.Request request = stub.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.body()).contains("int countVowels(String text)");
        assertThat(request.path() + request.body()).contains(modelOf(provider));
        switch (provider) {
            case "openai" -> {
                assertThat(request.path()).isEqualTo("/v1/chat/completions");
                assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
            }
            case "anthropic" -> {
                assertThat(request.path()).isEqualTo("/v1/messages");
                assertThat(request.header("x-api-key")).isEqualTo(KEY);
            }
            case "gemini" -> {
                assertThat(request.path()).isEqualTo("/v1beta/models/gemini-test:generateContent");
                assertThat(KEY.equals(request.header("x-goog-api-key"))
                        || String.valueOf(request.query()).contains(KEY)).isTrue();
            }
            default -> assertThat(request.path()).isEqualTo("/api/chat");
        }
        assertThat(configured.usage()).isEqualTo(new Usage(1, 11, 22));
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama"})
    void rateLimitedThenOk_retriedHonouringRetryAfter(String provider) {
        stub.then(new ProviderStub.Reply(429, Map.of("Retry-After", "2"), "{\"error\":\"slow down\"}", 0))
                .then(ProviderStub.Reply.ok(answer(provider)));
        Jit jit = jit(environment(provider));

        assertThat(jit.implement(Numbers.class).countVowels("audio")).isEqualTo(4);

        assertThat(stub.requests()).hasSize(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(jit.usage().requests()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama"})
    void serverErrorEveryTime_givesUpAfterRetriesWithClearError(String provider) {
        for (int i = 0; i < 4; i++) {
            stub.then(ProviderStub.Reply.status(500, "{\"error\":\"overloaded\"}"));
        }
        Numbers numbers = numbers(provider);

        assertThatThrownBy(() -> numbers.countVowels("a"))
                .isExactlyInstanceOf(JitException.class)
                .hasMessageStartingWith("Model " + label(provider) + " failed with HTTP 500, with up to 3 retries "
                        + "(JIT_MAX_RETRIES): ")
                .hasMessageContaining("overloaded")
                .hasMessageEndingWith(", for method Numbers.countVowels(String)");
        assertThat(stub.requests()).hasSize(4);
        assertThat(sleeps).hasSize(3).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMillis(250),
                Duration.ofSeconds(2)));
        assertThat(sleeps.get(2)).isGreaterThan(sleeps.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "gemini"})
    void unauthorized_noRetry_namesTheVariable_neverTheKey(String provider) {
        stub.then(ProviderStub.Reply.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}"));
        Numbers numbers = numbers(provider);

        assertThatThrownBy(() -> numbers.countVowels("a"))
                .isExactlyInstanceOf(JitException.class)
                .hasMessage("Model " + label(provider) + " refused the API key (HTTP 401): check "
                        + provider.toUpperCase() + "_API_KEY, for method Numbers.countVowels(String)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
        assertThat(stub.requests()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama"})
    void unknownModel_saysSoAndNamesIt(String provider) {
        stub.then(ProviderStub.Reply.status(404, "{\"error\":\"model not found\"}"));
        Numbers numbers = numbers(provider);

        assertThatThrownBy(() -> numbers.countVowels("a"))
                .hasMessageStartingWith("Model " + label(provider) + " was not found (HTTP 404): check the model name \""
                        + modelOf(provider) + "\" (JIT_MODEL) and the server ")
                .hasMessageEndingWith(", for method Numbers.countVowels(String)");
        assertThat(stub.requests()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama"})
    void slowAnswer_pastTheTimeout_namesMethodModelAndTimeout(String provider) {
        stub.then(new ProviderStub.Reply(200, Map.of(), answer(provider), 5_000));
        Map<String, String> env = environment(provider);
        env.put("JIT_TIMEOUT", "300ms");
        Numbers numbers = jit(env).implement(Numbers.class);

        long start = System.nanoTime();
        assertThatThrownBy(() -> numbers.countVowels("a"))
                .isExactlyInstanceOf(JitException.class)
                .hasMessage("Model " + label(provider) + " did not answer within 300 ms (JIT_TIMEOUT), "
                        + "for method Numbers.countVowels(String)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama"})
    void malformedBody_isAClearError(String provider) {
        stub.then(ProviderStub.Reply.ok("{\"choices\": [ this is not json"));
        Numbers numbers = numbers(provider);

        assertThatThrownBy(() -> numbers.countVowels("a"))
                .isExactlyInstanceOf(JitException.class)
                .hasMessageStartingWith("Model " + label(provider) + " failed on attempt 1 of 3: ")
                .hasMessageEndingWith(", for method Numbers.countVowels(String)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama"})
    void tokenUsage_recordedPerMethodAndSummed(String provider) throws IOException {
        stub.then(ProviderStub.Reply.ok(WireFormats.reply(provider, modelOf(provider), "no code at all")))
                .then(ProviderStub.Reply.ok(answer(provider)));
        Jit jit = jit(environment(provider));

        jit.implement(Numbers.class).countVowels("a");

        assertThat(jit.usage()).isEqualTo(new Usage(2, 22, 44));
        Path metadata = dir.resolve("store").resolve(Numbers.class.getName()).resolve("countVowels(java.lang.String).json");
        assertThat(Files.readString(metadata)).contains("\"input\" : 22").contains("\"output\" : 44")
                .contains("\"model\" : \"" + label(provider) + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama"})
    void nothingListening_retriedThenNamed(String provider) throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> env = environment(provider);
        env.replaceAll((name, value) -> value.replace(stub.url(), "http://127.0.0.1:" + closedPort));
        Numbers numbers = jit(env).implement(Numbers.class);

        assertThatThrownBy(() -> numbers.countVowels("a"))
                .isExactlyInstanceOf(JitException.class)
                .hasMessageStartingWith("Model " + label(provider) + " could not be reached: cannot reach http://127.0.0.1:"
                        + closedPort + "/")
                .hasMessageContaining("after 4 tries")
                .hasMessageEndingWith(", for method Numbers.countVowels(String)");
        assertThat(sleeps).hasSize(3);
    }
}
