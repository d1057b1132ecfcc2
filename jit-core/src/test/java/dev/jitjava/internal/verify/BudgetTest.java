package dev.jitjava.internal.verify;

import dev.jitjava.Budget;
import dev.jitjava.BudgetExceededException;
import dev.jitjava.Jit;
import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BudgetTest {
    @TempDir
    Path store;

    public interface Work {
        @Budget(cpuMillis = 100, memoryMegabytes = 1)
        long spin(int n);

        long sum(int n);
    }

    private static final String ANSWERS = """
            ```java
            long spin(int n) {
                long s = 0;
                while (true) { s += n; }
            }
            ```""";

    @Test
    void budgetAnnotation_stopsTheCallAtItsOwnLimit_withAMessageThatSaysHowToRaiseIt() {
        Work work = Jit.builder().store(store).model(ScriptedChatModel.answering(ANSWERS)).build().implement(Work.class);

        long start = System.nanoTime();
        assertThatThrownBy(() -> work.spin(1))
                .isInstanceOf(BudgetExceededException.class)
                .hasMessage("The call ran past its CPU budget of 100 ms (an endless loop, or work that grows too fast?); "
                        + "if the work is legitimate, raise the budget with @Budget(cpuMillis = ...) or "
                        + "Jit.builder().budget(...), for method Work.spin(int)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void afterABudgetFailure_theNextCallStartsAfresh() {
        Work work = Jit.builder().store(store).model(ScriptedChatModel.answering("""
                ```java
                long sum(int n) {
                    long s = 0;
                    for (int i = 0; i < n; i++) s += i;
                    return s;
                }
                ```""")).budget(Duration.ofMillis(200), 64L << 20).build().implement(Work.class);

        assertThatThrownBy(() -> work.sum(Integer.MAX_VALUE)).isInstanceOf(BudgetExceededException.class);
        assertThat(work.sum(1_000_000)).isEqualTo(499_999_500_000L); // long enough to be measured, within budget
    }

    @Budget(cpuMillis = 100, memoryMegabytes = 1)
    public interface Spinner {
        long spin(int n);
    }

    @Test
    void budgetOnTheInterface_appliesToItsMethods() {
        Spinner spinner = Jit.builder().store(store).model(ScriptedChatModel.answering(ANSWERS)).build()
                .implement(Spinner.class);

        assertThatThrownBy(() -> spinner.spin(1))
                .isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("ran past its CPU budget of 100 ms")
                .hasMessageEndingWith("for method Spinner.spin(int)");
    }

    public interface Swallower {
        String loop(String input);
    }

    @Test
    void swallowingRightAfterAnotherFailure_isStillRethrown() {
        Swallower swallower = Jit.builder().store(store).model(ScriptedChatModel.answering("""
                ```java
                String loop(String input) {
                    try { while (true) { } } catch (RuntimeException e) { return "swallowed"; }
                }
                ```""")).budget(Duration.ofMillis(100), 64L << 20).build().implement(Swallower.class);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> swallower.loop("x")).isInstanceOf(BudgetExceededException.class);
        }
    }
}
