package dev.jitjava.internal.observe;

import dev.jitjava.Jit;
import dev.jitjava.JitException;
import dev.jitjava.internal.model.ModelConfig;
import dev.jitjava.spi.Configuration;
import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PricesTest {
    @TempDir
    Path dir;

    public interface Numbers {
        int twice(int n);
    }

    @Test
    void parse_modelsWithColonsAndSeparators_pricePerMillionTokens() {
        Prices prices = Prices.parse(" openai:gpt-4.1-mini = 0.40/1.60 ;ollama:qwen2.5-coder:7b=0/0,\n"
                + "claude-sonnet-4-5=3/15", "JIT_PRICES");

        assertThat(prices.cost(List.of("openai:gpt-4.1-mini"), 1_000_000, 500_000)).hasValueCloseTo(1.20, within(1e-9));
        assertThat(prices.cost(List.of("ollama:qwen2.5-coder:7b"), 5000, 5000)).hasValue(0.0);
        assertThat(prices.cost(List.of("anthropic:claude-sonnet-4-5"), 1000, 100))
                .as("a price for the model alone applies to its label").hasValueCloseTo(0.0045, within(1e-12));
        assertThat(prices.cost(java.util.Arrays.asList("scripted", null, "claude-sonnet-4-5"), 1000, 0))
                .as("or to the name the response gives").hasValueCloseTo(0.003, within(1e-12));
        assertThat(prices.cost(List.of("openai:gpt-5"), 1000, 1000)).isEmpty();
        assertThat(Prices.parse("", "JIT_PRICES").isEmpty()).isTrue();
    }

    @Test
    void parse_entryNotInTheForm_namesTheSettingTheEntryAndTheForm() {
        for (String bad : List.of("openai:gpt-4.1-mini=0.40", "gpt=cheap/dear", "=1/2", "gpt=-1/2")) {
            assertThatThrownBy(() -> Prices.parse("a=1/1, " + bad, "JIT_PRICES"))
                    .isInstanceOf(JitException.class)
                    .hasMessage("JIT_PRICES has \"" + bad + "\", which is not model=input/output: give each model's "
                            + "price per million input and output tokens, as in JIT_PRICES=openai:gpt-4.1-mini=0.40/1.60, "
                            + "anthropic:claude-sonnet-4-5=3/15");
        }
        assertThatThrownBy(() -> Jit.builder().price("gpt", Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("for gpt");
    }

    @Test
    void secrets_areTheValuesOfKeyTokenSecretAndPasswordSettings_longEnoughToBeReal() {
        ModelConfig config = ModelConfig.load(Map.of("OPENAI_API_KEY", "sk-abcdef123456", "GITHUB_TOKEN", "ghp_0123456789",
                "DB_PASSWORD", "hunter2!x", "ANTHROPIC_API_KEY", "short", "JIT_MODEL", "openai:gpt-4.1-mini-long-name"),
                dir, dir, url -> null);

        assertThat(config.secrets()).containsExactlyInAnyOrder("sk-abcdef123456", "ghp_0123456789", "hunter2!x");
    }

    @Test
    void pricesFromJitProperties_giveTheProcessItsCost_throughTheConfigurationHostsUse() throws IOException {
        Files.writeString(dir.resolve("jit.properties"), "JIT_PRICES=gpt-test=10/100\n");
        Configuration configuration = Configuration.of(Map.of("JIT_STORE", dir.resolve("store").toString()), dir,
                dir.resolve("home"), url -> null);
        Jit jit = configuration.builder(() -> ScriptedChatModel.answering(
                "```java\nint twice(int n) {\n    return 2 * n;\n}\n```").named("gpt-test").reportingUsage(1000, 100)).build();

        assertThat(jit.implement(Numbers.class).twice(2)).isEqualTo(4);

        assertThat(jit.usage().cost()).hasValueCloseTo(0.02, within(1e-12));
    }
}
