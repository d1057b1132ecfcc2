package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Answers that keep a memo, a counter or a table in static fields, as models write them for
 * Fibonacci-like recursions and DFS counters: served with the state made per call, on the first
 * request, with nothing carried from one call to the next; and a static table that calls only read
 * (iterated, streamed) needs no rewrite at all.
 */
class StaticStateAnswersTest {
    @TempDir
    Path store;

    interface Sequences {
        long fib4(long n);

        int countWords(String text);

        String grade(double gpa);
    }

    private Jit jit(ScriptedChatModel model) {
        return Jit.builder().store(store).model(model).maxAttempts(1).build();
    }

    private static final String FIB4_WITH_STATIC_MEMO = """
            Memoizing keeps it linear:

            ```java
            import java.util.*;

            class Problem {
                private static final Map<Long, Long> memo = new HashMap<>();

                public static long fib4(long n) {
                    if (n == 0 || n == 1 || n == 3) return 0;
                    if (n == 2) return 2;
                    if (memo.containsKey(n)) return memo.get(n);
                    long value = fib4(n - 1) + fib4(n - 2) + fib4(n - 3) + fib4(n - 4);
                    memo.put(n, value);
                    return value;
                }
            }
            ```""";

    @Test
    void staticMemo_typedForm_servedPerCallOnTheFirstRequest() {
        ScriptedChatModel model = ScriptedChatModel.answering(FIB4_WITH_STATIC_MEMO);
        Jit jit = jit(model);
        Sequences sequences = jit.implement(Sequences.class);

        assertThat(sequences.fib4(7)).isEqualTo(14);
        assertThat(sequences.fib4(30)).isEqualTo(fib4(30));
        assertThat(model.requestCount()).isEqualTo(1);
        assertThat(jit.source(Sequences.class, "fib4"))
                .contains("public static long fib4(StaticStateAnswersTest.Sequences self, long n) { return new PerCall()"
                        + ".fib4(self, n); } private static final class PerCall {")
                .contains("    private final Map<Long, Long> memo = new HashMap<>();")
                .contains("    public long fib4(StaticStateAnswersTest.Sequences self, long n) {");
    }

    @Test
    void staticMemo_storedPerCall_loadsLockedWithoutTheModel() {
        jit(ScriptedChatModel.answering(FIB4_WITH_STATIC_MEMO)).implement(Sequences.class).fib4(5);

        Sequences locked = Jit.builder().store(store).mode(Mode.LOCKED).build().implement(Sequences.class);

        assertThat(locked.fib4(7)).isEqualTo(14);
    }

    @Test
    void staticCounter_secondCall_startsFromZero() {
        ScriptedChatModel model = ScriptedChatModel.answering("""
                ```java
                static int count = 0;

                public static int countWords(String text) {
                    for (String word : text.split(" ")) {
                        if (!word.isEmpty()) count++;
                    }
                    return count;
                }
                ```""");
        Sequences sequences = jit(model).implement(Sequences.class);

        assertThat(sequences.countWords("a b c")).isEqualTo(3);
        assertThat(sequences.countWords("a b c")).as("nothing carried over from the first call").isEqualTo(3);
    }

    @Test
    void staticArrayReassigned_dynamicForm_servedPerCall() {
        ScriptedChatModel model = ScriptedChatModel.answering("""
                ```java
                class Problem {
                    static long[] memo = new long[2];

                    public static long sequence(long n) {
                        if (n == 1 || n == 2) return 1;
                        if (memo.length <= n) memo = java.util.Arrays.copyOf(memo, (int) n + 1);
                        if (memo[(int) n] != 0) return memo[(int) n];
                        return memo[(int) n] = sequence(sequence(n - 1)) + sequence(n - sequence(n - 1));
                    }
                }
                ```""");
        JitObject object = jit(model).object("newman");

        assertThat(object.call(Long.class, "sequence", 10L)).isEqualTo(6L);
        assertThat(object.call(Long.class, "sequence", 3L)).isEqualTo(2L);
        assertThat(model.requestCount()).isEqualTo(1);
    }

    @Test
    void staticTableIteratedOrStreamed_isAReadAndNeedsNoRewrite() {
        ScriptedChatModel model = ScriptedChatModel.answering("""
                ```java
                record Threshold(double above, String letter) {}

                private static final List<Threshold> TABLE = List.of(
                        new Threshold(3.5, "A"), new Threshold(2.5, "B"), new Threshold(0.0, "C"));

                public static String grade(double gpa) {
                    for (Threshold t : TABLE) {
                        if (gpa > t.above()) return t.letter();
                    }
                    return TABLE.stream().map(Threshold::letter).reduce("", String::concat);
                }
                ```""");
        Jit jit = jit(model);

        assertThat(jit.implement(Sequences.class).grade(3.0)).isEqualTo("B");
        assertThat(jit.implement(Sequences.class).grade(-1)).isEqualTo("ABC");
        assertThat(jit.source(Sequences.class, "grade")).doesNotContain("PerCall");
    }

    @Test
    void removeThroughAnIteratorOfAStaticList_isStillAWrite_servedPerCall() {
        ScriptedChatModel model = ScriptedChatModel.answering("""
                ```java
                private static final List<String> SEEN = new ArrayList<>(List.of("x"));

                public static int countWords(String text) {
                    Iterator<String> it = SEEN.iterator();
                    it.next();
                    it.remove();
                    SEEN.add(text);
                    return SEEN.size();
                }
                ```""");
        Jit jit = jit(model);

        assertThat(jit.implement(Sequences.class).countWords("a")).isEqualTo(1);
        assertThat(jit.implement(Sequences.class).countWords("a")).isEqualTo(1);
        assertThat(jit.source(Sequences.class, "countWords")).contains("PerCall");
    }

    @Test
    void staticStateAndAnotherRefusal_goesBackToTheModel() {
        ScriptedChatModel model = ScriptedChatModel.answering("""
                ```java
                private static final List<String> LOG = new ArrayList<>();

                public static int countWords(String text) {
                    LOG.add(text);
                    new Thread(() -> { }).start();
                    return LOG.size();
                }
                ```""");

        assertThatThrownBy(() -> jit(model).implement(Sequences.class).countWords("a"))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("THREADS");
        assertThat(model.requestCount()).isEqualTo(1);
    }

    @Test
    void stateInAnEnumConstant_cannotBeMadePerCall_isRefused() {
        ScriptedChatModel model = ScriptedChatModel.answering("""
                ```java
                enum Counter { ONE; int count; }

                public static int countWords(String text) {
                    Counter.ONE.count += text.split(" ").length;
                    return Counter.ONE.count;
                }
                ```""");

        assertThatThrownBy(() -> jit(model).implement(Sequences.class).countWords("a b"))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("STATE");
    }

    private static long fib4(int n) {
        List<Long> values = new java.util.ArrayList<>(List.of(0L, 0L, 2L, 0L));
        for (int i = 4; i <= n; i++) {
            values.add(values.get(i - 1) + values.get(i - 2) + values.get(i - 3) + values.get(i - 4));
        }
        return values.get(n);
    }
}
