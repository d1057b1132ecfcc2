package dev.jitjava.micrometer;

import dev.jitjava.Budget;
import dev.jitjava.BudgetExceededException;
import dev.jitjava.Jit;
import dev.jitjava.JitException;
import dev.jitjava.Mode;
import dev.jitjava.test.ScriptedChatModel;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class JitMetricsTest {
    @TempDir
    Path store;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    public interface Numbers {
        int twice(int n);
    }

    public interface Work {
        @Budget(cpuMillis = 100)
        long spin(int n);

        int leave(int n);
    }

    static final String WRONG = "```java\nint twice(int n) {\n    return twice;\n}\n```";
    static final String TWICE = "```java\nint twice(int n) {\n    return 2 * n;\n}\n```";

    @Test
    void generations_areTimedByOutcome_withAttemptsToolCallsTokensAndCost_agreeingWithUsage() {
        ScriptedChatModel model = ScriptedChatModel.answering()
                .thenCallTool("search_types", "{\"keyword\": \"Math\"}").thenAnswer(WRONG).thenAnswer(TWICE)
                .named("gpt-test").reportingUsage(1000, 100);
        Jit jit = Jit.builder().store(store).model(model).price("gpt-test", 1, 10).listener(JitMetrics.of(registry)).build();

        assertThat(jit.implement(Numbers.class).twice(21)).isEqualTo(42);

        assertThat(registry.get("jit.generations").tags("model", "gpt-test", "outcome", "bound").timer().count()).isEqualTo(1);
        assertThat(registry.get("jit.generations").timer().totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(registry.get("jit.generation.attempts").counter().count()).isEqualTo(2);
        assertThat(registry.get("jit.generation.tool.calls").counter().count()).isEqualTo(1);
        assertThat(registry.get("jit.tokens").tags("type", "input").counter().count())
                .isEqualTo(jit.usage().inputTokens()).isEqualTo(3000);
        assertThat(registry.get("jit.tokens").tags("type", "output").counter().count())
                .isEqualTo(jit.usage().outputTokens()).isEqualTo(300);
        assertThat(registry.get("jit.cost").tags("model", "gpt-test").counter().count())
                .isCloseTo(jit.usage().cost().orElseThrow(), within(1e-12)).isCloseTo(0.006, within(1e-12));
    }

    @Test
    void failuresRefusalsLoadsAndBudgetTrips_areCounted() {
        JitMetrics metrics = new JitMetrics(Tags.of("app", "test"));
        metrics.bindTo(registry);
        Jit refusing = Jit.builder().store(store).model(ScriptedChatModel.answering(
                "```java\nint twice(int n) {\n    System.exit(n);\n    return n;\n}\n```").named("gpt-test"))
                .maxAttempts(1).listener(metrics).build();
        assertThatThrownBy(() -> refusing.implement(Numbers.class).twice(1)).isInstanceOf(JitException.class);

        Jit writing = Jit.builder().store(store).model(ScriptedChatModel.answering(TWICE,
                        "```java\nlong spin(int n) {\n    long s = 0;\n    while (true) { s += n; }\n}\n```"))
                .listener(metrics).build();
        writing.implement(Numbers.class).twice(1);
        Work work = writing.implement(Work.class);
        assertThatThrownBy(() -> work.spin(1)).isInstanceOf(BudgetExceededException.class);
        Jit.builder().store(store).mode(Mode.LOCKED).listener(metrics).build().implement(Numbers.class).twice(2);

        assertThat(registry.get("jit.generations").tags("app", "test", "outcome", "verifier_refused").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("jit.generations").tags("outcome", "bound").timer().count()).isEqualTo(2);
        assertThat(registry.get("jit.verifier.refusals").tags("grant", "none").counter().count()).isEqualTo(1);
        assertThat(registry.get("jit.budget.exceeded").tags("kind", "cpu").counter().count()).isEqualTo(1);
        assertThat(registry.get("jit.methods.loaded").tags("app", "test", "source", "cache").timer().count()).isEqualTo(1);
        assertThat(registry.find("jit.cost").counters()).as("no price, no cost").isEmpty();
    }

    @Test
    void unbound_recordsNothing_andBreaksNothing() {
        JitMetrics metrics = new JitMetrics();
        Jit jit = Jit.builder().store(store).model(ScriptedChatModel.answering(TWICE)).listener(metrics).build();

        assertThat(jit.implement(Numbers.class).twice(3)).isEqualTo(6);
        assertThat(registry.getMeters()).isEmpty();
    }
}
