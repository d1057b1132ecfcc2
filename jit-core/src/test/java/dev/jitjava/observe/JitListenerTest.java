package dev.jitjava.observe;

import dev.jitjava.Budget;
import dev.jitjava.BudgetExceededException;
import dev.jitjava.CheckFailedException;
import dev.jitjava.Example;
import dev.jitjava.Jit;
import dev.jitjava.JitException;
import dev.jitjava.Mode;
import dev.jitjava.RejectedException;
import dev.jitjava.Reviewer;
import dev.jitjava.spi.JitListener;
import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** What a JitListener hears: the same figures as the JFR events, for every outcome. */
class JitListenerTest {
    @TempDir
    Path store;

    /** Everything heard, in order. */
    static final class Heard implements JitListener {
        final List<Object> events = new CopyOnWriteArrayList<>();

        @Override
        public void generated(Generation generation) {
            events.add(generation);
        }

        @Override
        public void loaded(Load load) {
            events.add(load);
        }

        @Override
        public void refused(Refusal refusal) {
            events.add(refusal);
        }

        @Override
        public void budgetExceeded(BudgetTrip trip) {
            events.add(trip);
        }

        <T> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    public interface Numbers {
        @Example(call = "twice(2)", returns = "4")
        int twice(int n);
    }

    public interface Work {
        @Budget(cpuMillis = 100)
        long spin(int n);
    }

    static final String TWICE = "```java\nint twice(int n) {\n    return 2 * n;\n}\n```";
    static final String THRICE = "```java\nint twice(int n) {\n    return 3 * n;\n}\n```";
    static final String EXITS = "```java\nint twice(int n) {\n    System.exit(n);\n    return 0;\n}\n```";

    @Test
    void generation_thenLoadByAnotherJit_areHeardWithTheirFigures() {
        Heard heard = new Heard();
        Jit jit = Jit.builder().store(store).model(ScriptedChatModel.answering(THRICE, TWICE).named("gpt-test")
                .reportingUsage(50, 10)).price("gpt-test", 1.0, 4.0).listener(heard).build();
        assertThat(jit.implement(Numbers.class).twice(4)).isEqualTo(8);

        JitListener.Generation generation = heard.of(JitListener.Generation.class).get(0);
        assertThat(generation).extracting(JitListener.Generation::method, JitListener.Generation::model,
                        JitListener.Generation::outcome, JitListener.Generation::version, JitListener.Generation::attempts,
                        JitListener.Generation::toolCalls, JitListener.Generation::inputTokens,
                        JitListener.Generation::outputTokens)
                .containsExactly("Numbers.twice(int)", "gpt-test", JitListener.Outcome.BOUND, 1, 2, 0, 100L, 20L);
        assertThat(generation.cost()).hasValueCloseTo(0.00018, within(1e-12));
        assertThat(generation.duration()).isPositive();
        assertThat(jit.usage().cost()).as("the process's figure agrees").hasValueCloseTo(0.00018, within(1e-12));

        Heard again = new Heard();
        Jit later = Jit.builder().store(store).mode(Mode.LOCKED).listener(again).build();
        assertThat(later.implement(Numbers.class).twice(5)).isEqualTo(10);
        assertThat(again.events).singleElement().isInstanceOfSatisfying(JitListener.Load.class, load -> {
            assertThat(load.method()).isEqualTo("Numbers.twice(int)");
            assertThat(load.source()).as("the generation kept its classes in .cache").isEqualTo(JitListener.Source.CACHE);
        });
    }

    @Test
    void failures_areHeardWithTheirOutcome() {
        Heard checks = new Heard();
        Jit failingChecks = Jit.builder().store(store).model(ScriptedChatModel.answering(THRICE)).maxAttempts(1)
                .listener(checks).build();
        assertThatThrownBy(() -> failingChecks.implement(Numbers.class).twice(1)).isInstanceOf(CheckFailedException.class);
        assertThat(checks.of(JitListener.Generation.class)).singleElement()
                .extracting(JitListener.Generation::outcome, JitListener.Generation::version)
                .containsExactly(JitListener.Outcome.CHECKS_FAILED, 0);

        Heard verifier = new Heard();
        Jit refused = Jit.builder().store(store).model(ScriptedChatModel.answering(EXITS)).maxAttempts(1)
                .listener(verifier).build();
        assertThatThrownBy(() -> refused.implement(Numbers.class).twice(1)).isInstanceOf(JitException.class);
        assertThat(verifier.of(JitListener.Refusal.class)).singleElement().satisfies(refusal -> {
            assertThat(refusal.member()).isEqualTo("java.lang.System.exit(int)");
            assertThat(refusal.grant()).as("nothing would allow it").isEmpty();
            assertThat(refusal.line()).isPositive();
        });
        assertThat(verifier.of(JitListener.Generation.class)).singleElement()
                .extracting(JitListener.Generation::outcome).isEqualTo(JitListener.Outcome.VERIFIER_REFUSED);

        Heard review = new Heard();
        Jit rejecting = Jit.builder().store(store).mode(Mode.REVIEW).model(ScriptedChatModel.answering(TWICE))
                .reviewer(r -> Reviewer.Decision.reject("not today")).listener(review).build();
        assertThatThrownBy(() -> rejecting.implement(Numbers.class).twice(1)).isInstanceOf(RejectedException.class);
        assertThat(review.of(JitListener.Generation.class)).singleElement()
                .extracting(JitListener.Generation::outcome).isEqualTo(JitListener.Outcome.REVIEWER_REJECTED);

        Heard model = new Heard();
        Jit noAnswer = Jit.builder().store(store).model(ScriptedChatModel.answering("no code at all")).maxAttempts(1)
                .listener(model).build();
        assertThatThrownBy(() -> noAnswer.implement(Numbers.class).twice(1)).isInstanceOf(JitException.class);
        assertThat(model.of(JitListener.Generation.class)).singleElement()
                .extracting(JitListener.Generation::outcome).isEqualTo(JitListener.Outcome.FAILED);
    }

    @Test
    void budgetTrip_isHeardByTheJitWhoseMethodItIs_only() {
        Heard own = new Heard();
        Heard other = new Heard();
        Jit.builder().store(store.resolve("other")).model(ScriptedChatModel.answering(TWICE)).listener(other).build()
                .implement(Numbers.class).twice(1);
        Work work = Jit.builder().store(store).model(ScriptedChatModel.answering(
                        "```java\nlong spin(int n) {\n    long s = 0;\n    while (true) { s += n; }\n}\n```"))
                .listener(own).build().implement(Work.class);

        assertThatThrownBy(() -> work.spin(1)).isInstanceOf(BudgetExceededException.class);

        assertThat(own.of(JitListener.BudgetTrip.class)).singleElement()
                .isEqualTo(new JitListener.BudgetTrip("Work.spin(int)", "cpu", "100 ms"));
        assertThat(other.of(JitListener.BudgetTrip.class)).isEmpty();
    }

    @Test
    void aJitObjectsMethods_areHeardToo() {
        Heard heard = new Heard();
        Jit jit = Jit.builder().store(store).model(ScriptedChatModel.answering(TWICE)).listener(heard).build();

        assertThat(jit.object("scratch").call(Integer.class, "twice", 21)).isEqualTo(42);

        assertThat(heard.of(JitListener.Generation.class)).singleElement()
                .extracting(JitListener.Generation::method, JitListener.Generation::outcome)
                .containsExactly("scratch.twice(int)", JitListener.Outcome.BOUND);
        assertThat(store.resolve("object/scratch/transcripts/twice(int).v1.jsonl")).exists();
    }

    @Test
    void aListenerThatThrows_changesNothing() {
        Jit jit = Jit.builder().store(store).model(ScriptedChatModel.answering(TWICE)).listener(new JitListener() {
            @Override
            public void generated(Generation generation) {
                throw new IllegalStateException("listener bug");
            }
        }).build();

        assertThat(jit.implement(Numbers.class).twice(21)).isEqualTo(42);
    }
}
