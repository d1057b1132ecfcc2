package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JitObjectTest {
    @TempDir
    Path store;


    @Test
    void call_untypedVoidMethod_printsAndReturnsNull() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.PRINT_ODD);
        JitObject o = Jit.builder().store(store).model(model).build().object("scratch");

        Object[] result = new Object[1];
        String out = SeedDemoTest.captureStdout(() -> result[0] = o.call("printOddNumbersInList", List.of(1, 2, 3)));

        assertThat(out).isEqualTo("1\n3\n");
        assertThat(result[0]).isNull();
        assertThat(model.lastUserMessage())
                .startsWith("Write this method of the object `scratch`:\n\n    Object printOddNumbersInList(List<Integer> list)\n")
                .contains("declare a more specific return type than Object, or void");
    }

    @Test
    void call_typedWithBoxedReturn_asksForPrimitiveAndWidensArguments() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.COUNT_VOWELS);
        JitObject o = Jit.builder().store(store).model(model).build().object("scratch");

        int vowels = o.call(Integer.class, "countVowels", "hello");

        assertThat(vowels).isEqualTo(2);
        assertThat(model.lastUserMessage()).contains("    int countVowels(String text)\n");
        assertThat(o.call(Integer.class, "countVowels", "queue")).isEqualTo(4);
        assertThat(o.call("countVowels", "io")).isEqualTo(2);
        assertThat(model.requestCount()).isEqualTo(1);
    }

    @Test
    void method_describeReturnsAndCall() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.fenced("""
                String fizzbuzz(int n) {
                    if (n % 15 == 0) return "FizzBuzz";
                    if (n % 3 == 0) return "Fizz";
                    if (n % 5 == 0) return "Buzz";
                    return Integer.toString(n);
                }"""));
        JitObject o = Jit.builder().store(store).model(model).build().object("scratch");

        String s = o.method("fizzbuzz").describe("FizzBuzz word for n").returns(String.class).call(15);

        assertThat(s).isEqualTo("FizzBuzz");
        assertThat(o.method("fizzbuzz").returns(String.class).call(9)).isEqualTo("Fizz");
        assertThat(model.lastUserMessage()).contains("    String fizzbuzz(int n)\n").contains("What it does: FizzBuzz word for n");
        assertThat(o.source("fizzbuzz")).contains("public static String fizzbuzz(dev.jitjava.JitObject self, int n) {");
    }

    @Test
    void call_argumentTypes_widenedToWhatAPersonWouldWrite() {
        ScriptedChatModel model = ScriptedChatModel.replying(request -> Answers.fenced(
                "int size(Map<String, List<Integer>> map, double factor, boolean flag, char c, long[] longs) "
                        + "{ return map.size(); }"));
        JitObject o = Jit.builder().store(store).model(model).build().object("scratch");
        Map<String, List<Integer>> map = Map.of("a", new ArrayList<>(List.of(1)));

        assertThat(o.call(int.class, "size", map, 2.0, true, 'c', new long[]{1L})).isEqualTo(1);
        assertThat(model.lastUserMessage())
                .contains("int size(Map<String, List<Integer>> map, double x, boolean flag, char c, long[] values)");
    }

    @Test
    void call_generatedCodeCallsOtherMethodThroughSelf() {
        ScriptedChatModel model = ScriptedChatModel.answering(
                Answers.fenced("int twice(int n) { return 2 * self.call(Integer.class, \"inc\", n); }"),
                Answers.fenced("int inc(int n) { return n + 1; }"));
        JitObject o = Jit.builder().store(store).model(model).build().object("math");

        assertThat(o.call(Integer.class, "twice", 4)).isEqualTo(10);
        assertThat(model.requestCount()).isEqualTo(2);
        assertThat(model.lastUserMessage()).contains("The object's other methods").contains("int twice(int n)");
    }

    @Test
    void call_nullArgumentForNewMethod_isAClearError() {
        ScriptedChatModel model = ScriptedChatModel.answering();
        JitObject o = Jit.builder().store(store).model(model).build().object("scratch");

        assertThatThrownBy(() -> o.call("countVowels", (Object) null))
                .isInstanceOf(JitException.class)
                .hasMessage("Cannot tell the type of argument 1 from null, and no one method named countVowels exists "
                        + "yet to take it: pass a value that is not null on the first call, for method scratch.countVowels");
        assertThat(model.requestCount()).isZero();
    }

    @Test
    void call_nullArgumentForExistingMethod_runsIt() {
        ScriptedChatModel model = ScriptedChatModel.answering(
                Answers.fenced("int len(String text) { return text == null ? -1 : text.length(); }"));
        JitObject o = Jit.builder().store(store).model(model).build().object("scratch");
        o.call("len", "abc");

        assertThat(o.call(Integer.class, "len", (Object) null)).isEqualTo(-1);
    }

    @Test
    void call_nullForAPrimitiveParameter_isANullPointerExceptionNamingTheMethod() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.fenced("int twice(int n) { return 2 * n; }"));
        JitObject o = Jit.builder().store(store).model(model).build().object("scratch");
        assertThat(o.call("twice", 4)).isEqualTo(8);

        assertThatThrownBy(() -> o.call("twice", (Object) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("An argument is null where the method takes a primitive, for method scratch.twice(int)");
    }

    @Test
    void call_sameNameOtherArgumentTypes_leavesTheLastMethodForTheRightOverload() {
        ScriptedChatModel model = ScriptedChatModel.answering(
                Answers.fenced("String describe(int n) { return \"int \" + n; }"),
                Answers.fenced("String describe(String s) { return \"text \" + s; }"));
        JitObject o = Jit.builder().store(store).model(model).build().object("scratch");
        String name = "describe";

        assertThat(o.call(name, 3)).isEqualTo("int 3");
        assertThat(o.call(name, 5)).as("the method called last").isEqualTo("int 5");
        assertThat(o.call(name, "x")).isEqualTo("text x");
        assertThat(o.call(name, 4)).isEqualTo("int 4");
        assertThat(model.requestCount()).isEqualTo(2);
    }

    @Test
    void call_returnTypeThatDoesNotFit_isAClearError() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.COUNT_VOWELS);
        JitObject o = Jit.builder().store(store).model(model).build().object("scratch");
        o.call(Integer.class, "countVowels", "a");

        assertThatThrownBy(() -> o.call(String.class, "countVowels", "a"))
                .isInstanceOf(JitException.class)
                .hasMessage("The method returns int, not java.lang.String, for method scratch.countVowels(String)");
    }

    @Test
    void overloads_byArgumentTypes_areDistinctMethods() {
        ScriptedChatModel model = ScriptedChatModel.answering(
                Answers.fenced("String describe(int n) { return \"int \" + n; }"),
                Answers.fenced("String describe(String s) { return \"text \" + s; }"));
        JitObject o = Jit.builder().store(store).model(model).build().object("scratch");

        assertThat(o.call(String.class, "describe", 3)).isEqualTo("int 3");
        assertThat(o.call(String.class, "describe", "x")).isEqualTo("text x");
        assertThat(o.call(String.class, "describe", 4)).isEqualTo("int 4");
        assertThat(model.requestCount()).isEqualTo(2);
        assertThatThrownBy(() -> o.source("describe")).hasMessageContaining("describe is overloaded in scratch");
    }

    @Test
    void improveAndHistory_onObjectMethods() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.COUNT_VOWELS, Answers.fenced(
                "int countVowels(String text) { return (int) text.chars().filter(c -> \"aeiouyAEIOUY\".indexOf(c) >= 0).count(); }"));
        JitObject o = Jit.builder().store(store).model(model).build().object("scratch");
        o.call(Integer.class, "countVowels", "sky");

        Version version = o.improve("countVowels", "count y too");

        assertThat(version.number()).isEqualTo(2);
        assertThat(o.call(Integer.class, "countVowels", "sky")).isEqualTo(1);
        assertThat(o.history("countVowels")).extracting(v -> v.feedback().orElse("")).containsExactly("", "count y too");
    }

    @Test
    void exceptionsFromGeneratedCode_reachTheCallerUnchanged() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.fenced(
                "int parse(String text) { return Integer.parseInt(text); }"));
        JitObject o = Jit.builder().store(store).model(model).build().object("scratch");

        assertThatThrownBy(() -> o.call("parse", "x1")).isExactlyInstanceOf(NumberFormatException.class)
                .hasMessage("For input string: \"x1\"");
    }

    @Test
    void object_sameNamespace_sameObject_andNamespaceChecked() {
        Jit jit = Jit.builder().store(store).model(ScriptedChatModel.answering()).build();

        assertThat(jit.object("a")).isSameAs(jit.object("a")).isNotSameAs(jit.object("b"));
        assertThat(jit.object("a")).hasToString("JitObject[a]");
        assertThatThrownBy(() -> jit.object("../etc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A namespace is letters, digits, '_', '.' or '-', starting with a letter: \"../etc\"");
    }
}
