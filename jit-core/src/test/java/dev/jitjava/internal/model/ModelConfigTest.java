package dev.jitjava.internal.model;

import dev.jitjava.JitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelConfigTest {
    @TempDir
    Path work;
    @TempDir
    Path home;

    private ModelSettings settings(Map<String, String> env) {
        return ModelConfig.load(env, work, home, url -> null).settings();
    }

    @Test
    void jitModel_providerEndsAtFirstColon() {
        ModelSettings settings = settings(Map.of("JIT_MODEL", "ollama:qwen2.5-coder:7b"));

        assertThat(settings.provider()).isEqualTo("ollama");
        assertThat(settings.modelName()).isEqualTo("qwen2.5-coder:7b");
        assertThat(settings.label()).isEqualTo("ollama:qwen2.5-coder:7b");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.maxRetries()).isEqualTo(3);
        assertThat(settings.temperature()).isNull();
    }

    @Test
    void noJitModel_firstProviderWithAKeyWins_inOrderOpenAiAnthropicGemini() {
        assertThat(settings(Map.of("GEMINI_API_KEY", "g", "ANTHROPIC_API_KEY", "a")).label())
                .isEqualTo("anthropic:claude-sonnet-4-5");
        assertThat(settings(Map.of("GEMINI_API_KEY", "g", "OPENAI_API_KEY", "o")).label())
                .isEqualTo("openai:gpt-4.1-mini");
        assertThat(settings(Map.of("GEMINI_API_KEY", "g")).label()).isEqualTo("gemini:gemini-2.5-flash");
    }

    @Test
    void noKeys_localOllamaThatAnswers_usesItsFirstModel() {
        ModelSettings settings = ModelConfig.load(Map.of("OLLAMA_BASE_URL", "http://127.0.0.1:9"), work, home,
                url -> url.equals("http://127.0.0.1:9") ? "llama3.2:3b" : null).settings();

        assertThat(settings.label()).isEqualTo("ollama:llama3.2:3b");
        assertThat(settings.baseUrl()).isEqualTo("http://127.0.0.1:9");
    }

    @Test
    void nothingConfigured_oneMessageListingWhatToSet() {
        assertThatThrownBy(() -> settings(Map.of()))
                .isInstanceOf(JitException.class)
                .hasMessage("""
                        jit-java has no model to write methods with. Set one, in the environment or in jit.properties \
                        (working directory, then ~/.jit/):
                          JIT_MODEL=openai:gpt-4.1-mini          and OPENAI_API_KEY (OPENAI_BASE_URL for any OpenAI-compatible server)
                          JIT_MODEL=anthropic:claude-sonnet-4-5  and ANTHROPIC_API_KEY
                          JIT_MODEL=gemini:gemini-2.5-flash      and GEMINI_API_KEY
                          JIT_MODEL=ollama:qwen2.5-coder:7b      with Ollama running (OLLAMA_BASE_URL; nothing answered at http://localhost:11434)
                        For example: export JIT_MODEL=openai:gpt-4.1-mini OPENAI_API_KEY=sk-...""");
    }

    @Test
    void realOllamaProbe_nothingListening_answersNull() {
        assertThat(ModelConfig.probeOllama("http://127.0.0.1:1")).isNull();
    }

    @Test
    void providerWithoutKey_saysWhichVariable_unlessItsOwnServerIsSet() {
        assertThatThrownBy(() -> settings(Map.of("JIT_MODEL", "anthropic:claude-x")))
                .hasMessage("JIT_MODEL asks for anthropic, which needs an API key: set ANTHROPIC_API_KEY "
                        + "(in the environment or in jit.properties)");
        ModelSettings local = settings(Map.of("JIT_MODEL", "openai:local-model", "OPENAI_BASE_URL", "http://127.0.0.1:8000/v1"));
        assertThat(local.baseUrl()).isEqualTo("http://127.0.0.1:8000/v1");
        assertThat(local.apiKey()).isEqualTo("none");
    }

    @Test
    void unknownProvider_listsTheKnownOnes() {
        assertThatThrownBy(() -> settings(Map.of("JIT_MODEL", "mistral:large")))
                .hasMessage("JIT_MODEL is \"mistral:large\", and \"mistral\" is not a provider jit-java knows: use one of "
                        + "openai, anthropic, gemini, ollama, as in openai:gpt-4.1-mini or ollama:qwen2.5-coder:7b");
    }

    @Test
    void properties_workingDirectoryOverHome_environmentOverBoth() throws IOException {
        Files.createDirectories(home.resolve(".jit"));
        Files.writeString(home.resolve(".jit/jit.properties"),
                "JIT_MODEL=gemini:from-home\nGEMINI_API_KEY=g\nJIT_TIMEOUT=30\nJIT_TEMPERATURE=0.5\n");
        Files.writeString(work.resolve("jit.properties"), "JIT_MODEL=gemini:from-work\nJIT_MAX_RETRIES=1\n");

        ModelSettings fromFiles = settings(Map.of());
        ModelSettings fromEnv = settings(Map.of("JIT_MODEL", "gemini:from-env", "JIT_TIMEOUT", "2m"));

        assertThat(fromFiles.modelName()).isEqualTo("from-work");
        assertThat(fromFiles.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(fromFiles.maxRetries()).isEqualTo(1);
        assertThat(fromFiles.temperature()).isEqualTo(0.5);
        assertThat(fromEnv.modelName()).isEqualTo("from-env");
        assertThat(fromEnv.timeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void badNumbers_areClearErrors() {
        assertThatThrownBy(() -> settings(Map.of("JIT_MODEL", "ollama:m", "JIT_TIMEOUT", "soon")))
                .hasMessage("JIT_TIMEOUT is \"soon\": give seconds (120), or 500ms, 2m, or PT2M");
        assertThatThrownBy(() -> settings(Map.of("JIT_MODEL", "ollama:m", "JIT_MAX_RETRIES", "-1")))
                .hasMessage("JIT_MAX_RETRIES is \"-1\": give the number of retries after the first try (0 or more)");
    }

    @Test
    void settings_toStringNeverShowsTheKey() {
        ModelSettings settings = settings(Map.of("OPENAI_API_KEY", "sk-secret-123456"));

        assertThat(settings.toString()).doesNotContain("sk-secret-123456").contains("apiKey=***");
    }

    @Test
    void anthropicBaseUrl_withOrWithoutV1() {
        assertThat(Providers.anthropicUrl("http://127.0.0.1:5/")).isEqualTo("http://127.0.0.1:5/v1/");
        assertThat(Providers.anthropicUrl("http://127.0.0.1:5/v1")).isEqualTo("http://127.0.0.1:5/v1/");
        assertThat(Providers.anthropicUrl("http://127.0.0.1:5/v1/")).isEqualTo("http://127.0.0.1:5/v1/");
        assertThat(Providers.GEMINI_DEFAULT_URL).isEqualTo("https://generativelanguage.googleapis.com/v1beta");
    }
}
