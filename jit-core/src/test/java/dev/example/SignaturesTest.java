package dev.example;

import dev.jitjava.Describe;
import dev.jitjava.Example;
import dev.jitjava.Jit;
import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signatures of every shape, in a package other than jit-java's own. */
class SignaturesTest {
    @TempDir
    Path store;


    enum Direction { NORTH, SOUTH }

    @Describe("Small utilities for tests")
    interface Tools {
        Map<String, List<Integer>> groupByParity(List<Integer> numbers);

        int[] reversed(int[] values);

        long sum(int... values);

        Point farthest(List<Point> points);

        Direction opposite(Direction direction);

        <T extends Comparable<T>> T largest(List<T> values);

        String readFirstLine(String path) throws IOException;

        BigInteger factorial(int n);

        int countMatching(int[] values, IntPredicate test);

        @Describe("The length of the text, through self.length of the other method")
        @Example(call = "doubleLength(\"ab\")", returns = "4")
        int doubleLength(String text);

        int length(String text);

        char firstChar(String text);

        boolean isEmpty(String text);

        double half(double x);
    }

    private final ScriptedChatModel model = ScriptedChatModel.replying(request -> {
        String prompt = ScriptedChatModel.lastUserText(request);
        int start = prompt.indexOf(":\n\n    ") + 7;
        String method = prompt.substring(start, prompt.indexOf('\n', start));
        return Answers.forSignature(method);
    });
    private Tools tools;

    @BeforeEach
    void implement() {
        tools = Jit.builder().store(store).model(model).build().implement(Tools.class);
    }

    @Test
    void genericCollections() {
        assertThat(tools.groupByParity(List.of(1, 2, 3, 4)))
                .containsEntry("even", List.of(2, 4)).containsEntry("odd", List.of(1, 3));
        assertThat(ScriptedChatModel.lastUserText(model.lastRequest()))
                .contains("Map<String, List<Integer>> groupByParity(List<Integer> numbers)");
    }

    @Test
    void arraysAndPrimitives() {
        assertThat(tools.reversed(new int[]{1, 2, 3})).containsExactly(3, 2, 1);
        assertThat(tools.firstChar("jit")).isEqualTo('j');
        assertThat(tools.isEmpty("")).isTrue();
        assertThat(tools.half(3.0)).isEqualTo(1.5);
    }

    @Test
    void varargs() {
        assertThat(tools.sum(1, 2, 3, 4)).isEqualTo(10L);
        assertThat(tools.sum()).isZero();
        assertThat(ScriptedChatModel.lastUserText(model.lastRequest())).contains("long sum(int... values)");
    }

    @Test
    void recordsAndEnums_areDescribedInThePrompt() {
        assertThat(tools.farthest(List.of(new Point(1, 1), new Point(3, 4), new Point(0, 2)))).isEqualTo(new Point(3, 4));
        assertThat(ScriptedChatModel.lastUserText(model.lastRequest()))
                .contains("Point farthest(List<Point> points)")
                .contains("record dev.example.Point(int x, int y)")
                .contains("double length()");

        assertThat(tools.opposite(Direction.NORTH)).isEqualTo(Direction.SOUTH);
        assertThat(ScriptedChatModel.lastUserText(model.lastRequest()))
                .contains("enum dev.example.SignaturesTest.Direction { NORTH, SOUTH }");
    }

    @Test
    void genericMethod() {
        assertThat(tools.largest(List.of("pear", "apple", "zucchini"))).isEqualTo("zucchini");
        assertThat(ScriptedChatModel.lastUserText(model.lastRequest()))
                .contains("<T extends Comparable<T>> T largest(List<T> values)");
    }

    @Test
    void checkedExceptionDeclaredByInterface_propagatesUnchanged() {
        assertThatThrownBy(() -> tools.readFirstLine("/nonexistent"))
                .isExactlyInstanceOf(IOException.class)
                .hasMessage("no file /nonexistent");
    }

    @Test
    void runtimeExceptionFromGeneratedCode_reachesCallerUnchanged() {
        assertThatThrownBy(() -> tools.factorial(-1))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be >= 0: -1");
        assertThat(tools.factorial(20)).isEqualTo(BigInteger.valueOf(2432902008176640000L));
    }

    @Test
    void functionalParameter() {
        assertThat(tools.countMatching(new int[]{1, 2, 3, 4}, v -> v % 2 == 0)).isEqualTo(2);
    }

    @Test
    void generatedCodeCallsAnotherAbstractMethod_whichIsGeneratedInTurn() {
        assertThat(tools.doubleLength("abc")).isEqualTo(6);
        assertThat(model.requestCount()).isEqualTo(2);
        String firstPrompt = ScriptedChatModel.lastUserText(model.requests().get(0));
        assertThat(firstPrompt)
                .contains("What it does: The length of the text, through self.length of the other method")
                .contains("doubleLength(\"ab\") returns 4")
                .contains("About Tools: Small utilities for tests")
                .contains("int length(String text)");
        assertThat(tools.doubleLength("abcd")).isEqualTo(8);
        assertThat(model.requestCount()).isEqualTo(2);
    }
}
