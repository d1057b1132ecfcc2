package dev.jitjava;

import dev.jitjava.internal.method.Examples;
import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckedGenerationTest {
    @TempDir
    Path store;

    interface Text {
        @Describe("Number of vowels (a, e, i, o, u, either case)")
        @Example(call = "countVowels(\"jit\")", returns = "1")
        @Example(call = "countVowels(\"\")", returns = "0")
        @Example(call = "countVowels(null)", thrown = NullPointerException.class)
        int countVowels(String text);

        @Check
        static void vowelsNeverExceedLength(Text t) {
            for (String s : List.of("aeiou", "xyz", "Hello")) {
                Jit.check(t.countVowels(s) <= s.length(), "more vowels than letters in " + s);
            }
        }
    }

    private static final String COUNTS_ALL_LETTERS = Answers.fenced("""
            int countVowels(String text) {
                return text.length();
            }""");

    private static final String GOOD = Answers.fenced("""
            int countVowels(String text) {
                int n = 0;
                for (char c : text.toLowerCase().toCharArray()) if ("aeiou".indexOf(c) >= 0) n++;
                return n;
            }""");

    private Jit jit(ScriptedChatModel model) {
        return Jit.builder().store(store).model(model).build();
    }

    @Test
    void failingExample_repairRequestHoldsCallExpectedAndActual_thenPasses() {
        ScriptedChatModel model = ScriptedChatModel.answering(COUNTS_ALL_LETTERS, GOOD);
        Text text = jit(model).implement(Text.class);

        assertThat(text.countVowels("education")).isEqualTo(5);

        assertThat(model.requestCount()).isEqualTo(2);
        assertThat(ScriptedChatModel.lastUserText(model.requests().get(0)))
                .contains("Examples (each new version must pass them):\n    countVowels(\"jit\") returns 1\n"
                        + "    countVowels(\"\") returns 0\n    countVowels(null) throws NullPointerException\n");
        assertThat(model.lastUserMessage()).startsWith("That did not work:\n\nExample countVowels(\"jit\"): expected 1, but got 3");
    }

    @Test
    void neverPasses_checkFailedExceptionListsFailures_andNothingIsStored() {
        String nullSafe = Answers.fenced("int countVowels(String text) { return text == null ? 0 : text.length() + 1; }");
        ScriptedChatModel model = ScriptedChatModel.answering(nullSafe, nullSafe, nullSafe);
        Jit jit = jit(model);
        Text text = jit.implement(Text.class);

        assertThatThrownBy(() -> text.countVowels("a"))
                .isInstanceOfSatisfying(CheckFailedException.class, e -> {
                    assertThat(e.failures()).hasSize(4).startsWith(
                            "Example countVowels(\"jit\"): expected 1, but got 4",
                            "Example countVowels(\"\"): expected 0, but got 1",
                            "Example countVowels(null): expected it to throw java.lang.NullPointerException, but it returned 0");
                    assertThat(e.failures().get(3)).startsWith("Check vowelsNeverExceedLength failed: "
                                    + "java.lang.AssertionError: more vowels than letters in aeiou\n"
                                    + "    at dev.jitjava.CheckedGenerationTest$Text.vowelsNeverExceedLength(line ");
                })
                .hasMessageStartingWith("No answer from model scripted passed the examples and checks in 3 attempts. "
                        + "Last failures:\n- Example countVowels(\"jit\"): expected 1, but got 4\n")
                .hasMessageEndingWith("Nothing was stored, for method Text.countVowels(String)");
        assertThat(model.requestCount()).isEqualTo(3);
        assertThat(store.resolve(Text.class.getName())).doesNotExist();
        assertThatThrownBy(() -> jit.source(Text.class, "countVowels")).hasMessageStartingWith("No source yet");
    }

    interface Shapes {
        record Point(int x, int y) {
        }

        @Example(call = "mirror(new int[]{1, 2, 3})", returns = "new int[]{3, 2, 1}")
        int[] mirror(int[] values);

        @Example(call = "mean(List.of(1.0, 2.0, 4.0))", returns = "2.3333333333")
        double mean(List<Double> values);

        @Example(call = "swap(new Point(1, 2))", returns = "new Point(2, 1)")
        Point swap(Point point);

        @Example(call = "histogram(\"abca\")", returns = "Map.of('a', 2, 'b', 1, 'c', 1)")
        Map<Character, Integer> histogram(String text);

        @Example(call = "firstWord(\"  \")", thrown = IllegalArgumentException.class)
        String firstWord(String text);
    }

    @Test
    void examplesOfEveryShape_arraysDoublesRecordsCollectionsExceptions() {
        ScriptedChatModel model = ScriptedChatModel.replying(request -> {
            String prompt = ScriptedChatModel.lastUserText(request);
            if (prompt.contains(":\n\n    int[] mirror(")) {
                return Answers.fenced("int[] mirror(int[] v) { int[] r = new int[v.length]; "
                        + "for (int i = 0; i < v.length; i++) r[i] = v[v.length - 1 - i]; return r; }");
            }
            if (prompt.contains(":\n\n    double mean(")) {
                return Answers.fenced("double mean(List<Double> v) { return v.stream().mapToDouble(d -> d).average().orElse(0); }");
            }
            if (prompt.contains(":\n\n    CheckedGenerationTest.Shapes.Point swap(")) {
                return Answers.fenced("CheckedGenerationTest.Shapes.Point swap(CheckedGenerationTest.Shapes.Point p) { "
                        + "return new CheckedGenerationTest.Shapes.Point(p.y(), p.x()); }");
            }
            if (prompt.contains(":\n\n    Map<Character, Integer> histogram(")) {
                return Answers.fenced("Map<Character, Integer> histogram(String t) { Map<Character, Integer> m = new TreeMap<>(); "
                        + "for (char c : t.toCharArray()) m.merge(c, 1, Integer::sum); return m; }");
            }
            return Answers.fenced("String firstWord(String t) { if (t.isBlank()) throw new IllegalArgumentException(\"blank\"); "
                    + "return t.strip().split(\" \")[0]; }");
        });
        Shapes shapes = jit(model).implement(Shapes.class);

        assertThat(shapes.mirror(new int[]{4, 5})).containsExactly(5, 4);
        assertThat(shapes.mean(List.of(1.0, 3.0))).isEqualTo(2.0);
        assertThat(shapes.swap(new Shapes.Point(7, 8))).isEqualTo(new Shapes.Point(8, 7));
        assertThat(shapes.histogram("zz")).containsEntry('z', 2);
        assertThat(shapes.firstWord(" hello world")).isEqualTo("hello");
        assertThat(model.requestCount()).isEqualTo(5);
    }

    interface Slow {
        @Example(call = "spin(1)", returns = "1")
        int spin(int n);
    }

    @Test
    void hangingImplementation_caughtByTheTimeLimit() {
        ScriptedChatModel model = ScriptedChatModel.answering(
                Answers.fenced("int spin(int n) { while (true) { n++; } }"),
                Answers.fenced("int spin(int n) { return n; }"));
        Slow slow = Jit.builder().store(store).model(model).checkTimeout(Duration.ofMillis(300)).build()
                .implement(Slow.class);

        long start = System.nanoTime();
        assertThat(slow.spin(5)).isEqualTo(5);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(ScriptedChatModel.lastUserText(model.requests().get(1)))
                .contains("Example spin(1): did not finish within 300 ms (an endless loop?)");
    }

    @Test
    void jitObjectMethod_withExamples() {
        ScriptedChatModel model = ScriptedChatModel.answering(COUNTS_ALL_LETTERS, GOOD);
        JitObject o = jit(model).object("scratch");

        int vowels = o.method("countVowels").example("\"jit\"", 1).example("\"\"", 0).returns(Integer.class).call("queue");

        assertThat(vowels).isEqualTo(4);
        assertThat(model.requestCount()).isEqualTo(2);
        assertThat(model.lastUserMessage()).contains("Example countVowels(\"jit\"): expected 1, but got 3");
    }

    @Test
    void storedMethod_examplesChanged_recheckedOnLoad_keptWhenItPasses() throws Exception {
        jit(ScriptedChatModel.answering(GOOD)).implement(Text.class).countVowels("a");
        Path json = store.resolve(Text.class.getName()).resolve("countVowels(java.lang.String).json");
        String metadata = Files.readString(json);
        assertThat(metadata).contains("\"passed\" : [\n      \"countVowels(\\\"jit\\\") returns 1\"");
        Files.writeString(json, metadata.replaceFirst("\"hash\" : \"[0-9a-f]+\"", "\"hash\" : \"old\""));
        ScriptedChatModel model = ScriptedChatModel.answering();

        assertThat(jit(model).implement(Text.class).countVowels("oui")).isEqualTo(3);

        assertThat(model.requestCount()).isZero();
        assertThat(Files.readString(json)).doesNotContain("\"hash\" : \"old\"");
    }

    @Test
    void storedMethod_failsChangedChecks_regeneratedInAuto() throws Exception {
        jit(ScriptedChatModel.answering(GOOD)).implement(Text.class).countVowels("a");
        Path java = store.resolve(Text.class.getName()).resolve("countVowels(java.lang.String).java");
        Path json = store.resolve(Text.class.getName()).resolve("countVowels(java.lang.String).json");
        // As if the method had been written before the examples existed, by a model that counted letters:
        String wrong = Files.readString(java).replace("return n;", "return text.length();");
        String metadata = Files.readString(json).replaceFirst("\"hash\" : \"[0-9a-f]+\"", "\"hash\" : \"old\"");
        Files.writeString(json, metadata.replace(jsonLines(Files.readString(java)), jsonLines(wrong))
                .replaceFirst("\"sourceHash\" : \"[0-9a-f]+\"", "\"sourceHash\" : \"" + dev.jitjava.internal.store.SpecRecord.sha256(wrong) + "\""));
        Files.writeString(java, wrong);
        ScriptedChatModel model = ScriptedChatModel.answering(GOOD);

        assertThat(jit(model).implement(Text.class).countVowels("oui")).isEqualTo(3);

        assertThat(model.requestCount()).isEqualTo(1);
        assertThat(Files.readString(json)).contains("\"regenerated\" : \"regenerated: its examples or checks changed, "
                + "and it fails them: Example countVowels(\\\"jit\\\"): expected 1, but got 3\"");
    }

    private static String jsonLines(String source) {
        return source.lines().map(line -> "\"" + line.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .reduce((a, b) -> a + ",\n        " + b).orElse("");
    }

    interface Counter {
        int countVowels(String text);
    }

    @Test
    void improve_withANewExample_mustPassIt_andKeepsIt() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.answering(GOOD, GOOD, Answers.fenced(
                "int countVowels(String text) { return (int) text.chars().filter(c -> \"aeiouy\".indexOf(c) >= 0).count(); }"));
        Jit jit = jit(model);
        Counter counter = jit.implement(Counter.class);
        counter.countVowels("a");

        jit.improve(Counter.class, "countVowels", "count y as a vowel", Example.Case.of("countVowels(\"y\")", 1));

        assertThat(counter.countVowels("sky")).isEqualTo(1);
        assertThat(model.requestCount()).isEqualTo(3);
        assertThat(ScriptedChatModel.lastUserText(model.requests().get(1))).contains("    countVowels(\"y\") returns 1\n");
        assertThat(model.lastUserMessage()).contains("Example countVowels(\"y\"): expected 1, but got 0");
        Path json = store.resolve(Counter.class.getName()).resolve("countVowels(java.lang.String).json");
        assertThat(Files.readString(json)).contains("\"addedExamples\" : [\n    {\n      \"call\" : \"countVowels(\\\"y\\\")\"");
    }

    interface Broken {
        @Example(call = "twice(2", returns = "4")
        int twice(int n);
    }

    @Test
    void exampleThatDoesNotCompile_isTheUsersToFix_notTheModels() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.fenced("int twice(int n) { return 2 * n; }"));
        Broken broken = jit(model).implement(Broken.class);

        assertThatThrownBy(() -> broken.twice(1))
                .isExactlyInstanceOf(JitException.class)
                .hasMessageStartingWith("The examples do not compile: line ")
                .hasMessageContaining("expected\n    return twice(2;")
                .hasMessageEndingWith("Correct the @Example (its call and returns are Java expressions), "
                        + "for method Broken.twice(int)");
        assertThat(model.requestCount()).isEqualTo(1);
    }
}
