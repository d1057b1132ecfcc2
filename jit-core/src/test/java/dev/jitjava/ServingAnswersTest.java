package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the dynamic form tells the model (parameter names, generic return types, how to recurse and
 * call siblings), and which answers serve a call without a repair: those whose method can take the
 * call's arguments and whose result converts to what the caller asked for.
 */
class ServingAnswersTest {
    @TempDir
    Path store;

    private JitObject object(ScriptedChatModel model) {
        return Jit.builder().store(store).model(model).build().object("math");
    }

    @Test
    void parameters_namesTheParametersInThePrompt() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.fenced("""
                int ackermann(int m, int n) {
                    if (m == 0) return n + 1;
                    if (n == 0) return ackermann(m - 1, 1);
                    return ackermann(m - 1, ackermann(m, n - 1));
                }"""));

        int value = object(model).method("ackermann").parameters("m", "n").returns(Integer.class).call(2, 3);

        assertThat(value).isEqualTo(9);
        assertThat(model.lastUserMessage()).startsWith("""
                Write this method of the object `math`:

                    int ackermann(int m, int n)

                To recurse, call it by name: `ackermann(...)`.
                """);
        assertThat(model.requestCount()).isEqualTo(1);
    }

    @Test
    void returns_typeToken_putsTheGenericTypeInThePrompt() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.fenced("""
                List<Integer> evens(List<Integer> values) {
                    return values.stream().filter(v -> v % 2 == 0).toList();
                }"""));

        List<Integer> evens = object(model).method("evens").returns(new TypeToken<List<Integer>>() { })
                .call(List.of(1, 2, 4));

        assertThat(evens).containsExactly(2, 4);
        assertThat(model.lastUserMessage()).contains("    List<Integer> evens(List<Integer> list)\n");
    }

    @Test
    void returns_reflectedGenericType_putsItInThePrompt() throws NoSuchMethodException {
        Type mapOfCounts = ServingAnswersTest.class.getDeclaredMethod("counts").getGenericReturnType();
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.fenced("""
                Map<String, Integer> counts(String text) {
                    Map<String, Integer> m = new TreeMap<>();
                    for (String w : text.split(" ")) m.merge(w, 1, Integer::sum);
                    return m;
                }"""));

        Object counts = object(model).method("counts").returns(mapOfCounts).call("a b a");

        assertThat(counts).isEqualTo(Map.of("a", 2, "b", 1));
        assertThat(model.lastUserMessage()).contains("    Map<String, Integer> counts(String text)\n");
    }

    @SuppressWarnings("unused")
    private static Map<String, Integer> counts() {
        return Map.of();
    }

    @Test
    void parameters_notOnePerArgument_failsNamingTheMethod() {
        JitObject o = object(ScriptedChatModel.answering());

        assertThatThrownBy(() -> o.method("gcd").parameters("a").call(4, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters(...) names 1 parameters, but the call passes 2 arguments, for method math.gcd");
        assertThatThrownBy(() -> o.method("gcd").parameters("a", "self"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"self\" cannot name a parameter (a Java identifier, each once, not self), for method math.gcd");
    }

    @Test
    void typeToken_withoutTypeArgument_saysHowToMakeOne() {
        assertThatThrownBy(RawToken::new).isInstanceOf(IllegalStateException.class)
                .hasMessage("A TypeToken is made with its type argument, as an anonymous class: "
                        + "new TypeToken<List<Integer>>() {}");
    }

    @SuppressWarnings("rawtypes")
    private static final class RawToken extends TypeToken {
    }

    @Test
    void sibling_calledByName_throughATypedBridge_withTheTypeItWasBoundWith() {
        ScriptedChatModel model = ScriptedChatModel.answering(
                Answers.fenced("int square(int n) { return n * n; }"),
                Answers.fenced("""
                        int sumOfSquares(int n) {
                            return n == 0 ? 0 : square(n) + sumOfSquares(n - 1);
                        }"""));
        JitObject o = object(model);

        assertThat(o.call("square", 3)).isEqualTo(9); // the caller left the return type open: int, as written
        int sum = o.method("sumOfSquares").returns(Integer.class).call(3);

        assertThat(sum).isEqualTo(14);
        assertThat(model.lastUserMessage())
                .contains("To recurse, call it by name: `sumOfSquares(...)`. Call the object's other methods, "
                        + "listed below, the same way.")
                .contains("The object's other methods (call them by name, as `name(args)`):\n    int square(int n)\n");
        assertThat(o.source("sumOfSquares")).contains("return n == 0 ? 0 : square(self, n) + sumOfSquares(self, n - 1);")
                .contains("return self.call(java.lang.Integer.class, \"square\", n);");
        assertThat(model.requestCount()).isEqualTo(2);
    }

    @Test
    void improve_answerCopyingTheShownSource_keepsItsBridgeAndRecursion() {
        ScriptedChatModel model = ScriptedChatModel.answering(
                Answers.fenced("int square(int n) { return n * n; }"),
                Answers.fenced("int sumOfSquares(int n) { return n == 0 ? 0 : square(n) + sumOfSquares(n - 1); }"));
        JitObject o = object(model);
        o.method("square").returns(Integer.class).call(2);
        o.method("sumOfSquares").returns(Integer.class).call(2);
        String shown = o.source("sumOfSquares");
        model.thenAnswer(Answers.fenced(shown.substring(shown.indexOf("public static"), shown.lastIndexOf('}'))
                .replace("square(self, n) + sumOfSquares(self, n - 1)", "square(self, n) + sumOfSquares(self, n - 1) + 0")));

        o.improve("sumOfSquares", "add zero");

        assertThat(o.method("sumOfSquares").returns(Integer.class).call(3)).isEqualTo(14);
        assertThat(model.requestCount()).isEqualTo(3);
    }

    @Test
    void dynamic_answerTakingTheArgumentsOwnClass_servesTheCall() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.fenced("""
                public Boolean hasKey(HashMap<String, Integer> map, Object key) {
                    return map.containsKey(key);
                }"""));
        JitObject o = object(model);

        boolean found = o.method("hasKey").returns(Boolean.class).call(new HashMap<>(Map.of("a", 1)), "a");

        assertThat(found).isTrue();
        assertThat(model.lastUserMessage()).contains("boolean hasKey(Map<String, Integer> map, String text)");
        assertThat(o.source("hasKey")).contains("public static Boolean hasKey(dev.jitjava.JitObject self, "
                + "HashMap<String, Integer> map, Object key)");
        assertThat(model.requestCount()).isEqualTo(1);
    }

    interface Lookup {
        boolean hasKey(Map<String, Integer> map, String key);
    }

    @Test
    void typed_answerTakingANarrowerParameter_cannotServeEveryCall_andIsRepaired() {
        ScriptedChatModel model = ScriptedChatModel.answering(
                Answers.fenced("boolean hasKey(HashMap<String, Integer> map, String key) { return map.containsKey(key); }"),
                Answers.fenced("boolean hasKey(Map<String, Integer> map, String key) { return map.containsKey(key); }"));
        Lookup lookup = Jit.builder().store(store).model(model).build().implement(Lookup.class);

        assertThat(lookup.hasKey(Map.of("k", 1), "k")).isTrue();
        assertThat(model.requestCount()).isEqualTo(2);
        assertThat(model.lastUserMessage()).contains("The method must be `boolean hasKey(Map<String, Integer> map, "
                + "String key)`, but the answer declares `boolean hasKey(HashMap, String)`.");
    }

    interface Counts {
        long count(List<String> words);

        Number average(int[] values);
    }

    @Test
    void typed_widenedAndBoxedReturns_areAdaptedToTheInterface() {
        ScriptedChatModel model = ScriptedChatModel.answering(
                Answers.fenced("public int count(Collection<String> words) { return words.size(); }"),
                Answers.fenced("public Double average(int... values) { return java.util.Arrays.stream(values).average().orElse(0); }"));
        Counts counts = Jit.builder().store(store).model(model).build().implement(Counts.class);

        assertThat(counts.count(List.of("a", "b"))).isEqualTo(2L);
        assertThat(counts.average(new int[]{1, 2})).isEqualTo(1.5);
        assertThat(model.requestCount()).isEqualTo(2);
    }
}
