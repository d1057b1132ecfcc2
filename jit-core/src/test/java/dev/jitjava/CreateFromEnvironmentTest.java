package dev.jitjava;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Jit.create() in a fresh JVM, configured only by its environment or its jit.properties. */
class CreateFromEnvironmentTest {
    @TempDir
    Path work;

    @org.junit.jupiter.api.extension.RegisterExtension
    final ProviderStub stub = ProviderStub.start();


    private String run(Map<String, String> env) throws Exception {
        return ChildJvm.run(work, env, List.of("-Duser.home=" + work), CreateChild.class);
    }

    @Test
    void create_fromEnvironment_openAiCompatibleServer() throws Exception {
        stub.then(ProviderStub.Reply.ok(WireFormats.reply("openai", "gpt-test", Answers.COUNT_VOWELS)));

        String output = run(Map.of("JIT_MODEL", "openai:gpt-test", "OPENAI_API_KEY", "sk-env",
                "OPENAI_BASE_URL", stub.url() + "/v1"));

        assertThat(output).contains("vowels 5").contains("usage Usage[requests=1, inputTokens=11, outputTokens=22]");
        assertThat(stub.requests().get(0).header("Authorization")).isEqualTo("Bearer sk-env");
        assertThat(work.resolve(".jit").resolve(ProvidersTest.Numbers.class.getName())).isDirectory();
    }

    @Test
    void create_fromJitProperties_anthropicWithoutJitModel() throws Exception {
        stub.then(ProviderStub.Reply.ok(WireFormats.reply("anthropic", "claude-sonnet-4-5", Answers.COUNT_VOWELS)));
        Files.writeString(work.resolve("jit.properties"), "ANTHROPIC_API_KEY=sk-ant-file\nANTHROPIC_BASE_URL="
                + stub.url() + "/v1\nJIT_STORE=generated\n");

        String output = run(Map.of());

        assertThat(output).contains("vowels 5");
        ProviderStub.Request request = stub.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo("sk-ant-file");
        assertThat(request.body()).contains("claude-sonnet-4-5");
        assertThat(work.resolve("generated")).isDirectory();
    }

    @Test
    void create_lockedWithNoModelConfigured_runsFromTheStoreWithoutAnyRequest() throws Exception {
        stub.then(ProviderStub.Reply.ok(WireFormats.reply("openai", "gpt-test", Answers.COUNT_VOWELS)));
        run(Map.of("JIT_MODEL", "openai:gpt-test", "OPENAI_API_KEY", "sk-env", "OPENAI_BASE_URL", stub.url() + "/v1"));

        // No JIT_MODEL, no key, no base URL, and nothing answering on Ollama's port: LOCKED needs none of them.
        String output = run(Map.of("JIT_MODE", "locked", "OLLAMA_BASE_URL", "http://127.0.0.1:9"));

        assertThat(output).contains("vowels 5").contains("usage Usage[requests=0, inputTokens=0, outputTokens=0]");
        assertThat(stub.requests()).hasSize(1);
    }
}
