package dev.jitjava;

import dev.jitjava.internal.model.ModelConfig;
import dev.jitjava.internal.model.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tool round trip in each provider's real wire format: the first request offers the tools,
 * the response calls one, and the next request carries the call and its result.
 */
class ToolWireFormatTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final ProviderStub stub = ProviderStub.start();

    interface Numbers {
        int countVowels(String text);
    }

    private Jit jit(String provider) {
        return Jit.create(ModelConfig.load(stub.environment(provider, "sk-test", dir.resolve("store")), dir, dir,
                url -> null), new RetryPolicy(0, Duration.ofMillis(1), d -> { }, new Random(1)));
    }

    /** A response that calls describe_type("java.lang.String"). */
    private static String toolCall(String provider) {
        return switch (provider) {
            case "openai" -> """
                    {"id":"chatcmpl-1","object":"chat.completion","created":1764000000,"model":"gpt-test",
                     "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
                       {"id":"call_7","type":"function",
                        "function":{"name":"describe_type","arguments":"{\\"name\\":\\"java.lang.String\\"}"}}]},
                       "finish_reason":"tool_calls"}],
                     "usage":{"prompt_tokens":5,"completion_tokens":6,"total_tokens":11}}""";
            case "anthropic" -> """
                    {"id":"msg_1","type":"message","role":"assistant","model":"claude-test",
                     "content":[{"type":"text","text":"Let me look at String."},
                                {"type":"tool_use","id":"toolu_7","name":"describe_type","input":{"name":"java.lang.String"}}],
                     "stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":6}}""";
            case "gemini" -> """
                    {"candidates":[{"content":{"parts":[{"functionCall":{"name":"describe_type",
                       "args":{"name":"java.lang.String"}}}],"role":"model"},"finishReason":"STOP","index":0}],
                     "usageMetadata":{"promptTokenCount":5,"candidatesTokenCount":6,"totalTokenCount":11},
                     "modelVersion":"gemini-test"}""";
            default -> """
                    {"model":"qwen2.5-coder:7b","created_at":"2026-11-25T10:00:00Z","message":{"role":"assistant","content":"",
                     "tool_calls":[{"function":{"name":"describe_type","arguments":{"name":"java.lang.String"}}}]},
                     "done":true,"done_reason":"stop","prompt_eval_count":5,"eval_count":6}""";
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama"})
    void toolCall_inTheResponse_toolResult_inTheNextRequest(String provider) {
        stub.then(ProviderStub.Reply.ok(toolCall(provider)))
                .then(ProviderStub.Reply.ok(WireFormats.reply(provider, ProviderStub.modelOf(provider), Answers.COUNT_VOWELS)));
        Jit jit = jit(provider);

        assertThat(jit.implement(Numbers.class).countVowels("education")).isEqualTo(5);

        assertThat(stub.requests()).hasSize(2);
        String first = compact(stub.requests().get(0).body());
        String second = compact(stub.requests().get(1).body());
        assertThat(first).contains("describe_type").contains("search_types").doesNotContain("add_dependency");
        String result = "public final class java.lang.String implements";
        switch (provider) {
            case "openai" -> {
                assertThat(first).contains("\"tools\"").contains("\"type\":\"function\"");
                assertThat(second).contains("\"tool_calls\"").contains("\"id\":\"call_7\"")
                        .contains("\"role\":\"tool\"").contains("\"tool_call_id\":\"call_7\"").contains(result);
            }
            case "anthropic" -> {
                assertThat(first).contains("\"tools\"").contains("\"input_schema\"");
                assertThat(second).contains("\"type\":\"tool_use\"").contains("\"id\":\"toolu_7\"")
                        .contains("\"type\":\"tool_result\"").contains("\"tool_use_id\":\"toolu_7\"").contains(result);
            }
            case "gemini" -> {
                assertThat(first).contains("\"functionDeclarations\"");
                assertThat(second).contains("\"functionCall\"").contains("\"functionResponse\"").contains(result);
            }
            default -> {
                assertThat(first).contains("\"tools\"");
                assertThat(second).contains("\"tool_calls\"").contains("\"role\":\"tool\"").contains(result);
            }
        }
        assertThat(jit.usage().requests()).isEqualTo(2);
        assertThat(jit.history(Numbers.class, "countVowels").get(0).attempts()).isEqualTo(1);
    }

    @Test
    void anOllamaModelWithoutTools_isAskedAgainWithTheTypesInThePrompt() {
        stub.then(ProviderStub.Reply.status(400, "{\"error\":\"registry.ollama.ai/library/qwen2.5-coder:7b does not "
                        + "support tools\"}"))
                .then(ProviderStub.Reply.ok(WireFormats.reply("ollama", ProviderStub.modelOf("ollama"), Answers.COUNT_VOWELS)));

        assertThat(jit("ollama").implement(Numbers.class).countVowels("education")).isEqualTo(5);

        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(0).body()).contains("\"tools\"");
        assertThat(stub.requests().get(1).body()).doesNotContain("describe_type");
    }

    /** Without the spaces some providers' JSON has around colons. */
    private static String compact(String json) {
        return json.replaceAll("\"\\s*:\\s*", "\":");
    }
}
