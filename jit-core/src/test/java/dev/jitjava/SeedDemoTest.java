package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SeedDemoTest {
    @TempDir
    Path store;


    interface Numbers {
        @Describe("Print each odd number of the list on its own line, in order")
        void printOddNumbersInList(List<Integer> numbers);

        int countVowels(String text);

        default int twiceVowels(String t) {
            return 2 * countVowels(t);
        }
    }

    @Test
    void printOddNumbersInList_firstCall_generatesAndPrintsOddNumbers() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.PRINT_ODD);
        Numbers numbers = Jit.builder().store(store).model(model).build().implement(Numbers.class);

        String out = captureStdout(() -> numbers.printOddNumbersInList(IntStream.rangeClosed(1, 10).boxed().toList()));

        assertThat(out).isEqualTo("1\n3\n5\n7\n9\n");
        assertThat(model.requestCount()).isEqualTo(1);
    }

    @Test
    void printOddNumbersInList_secondCall_usesBoundCodeWithoutModel() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.PRINT_ODD);
        Numbers numbers = Jit.builder().store(store).model(model).build().implement(Numbers.class);
        captureStdout(() -> numbers.printOddNumbersInList(List.of(1)));

        String out = captureStdout(() -> numbers.printOddNumbersInList(List.of(7, 8, 11)));

        assertThat(out).isEqualTo("7\n11\n");
        assertThat(model.requestCount()).isEqualTo(1);
    }

    @Test
    void defaultMethod_callsGeneratedAbstractMethod_andIsNeverGenerated() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.COUNT_VOWELS);
        Numbers numbers = Jit.builder().store(store).model(model).build().implement(Numbers.class);

        assertThat(numbers.twiceVowels("education")).isEqualTo(10);
        assertThat(model.requestCount()).isEqualTo(1);
        assertThat(ScriptedChatModel.lastUserText(model.lastRequest()))
                .contains("int countVowels(String text)")
                .contains("default int twiceVowels(String t)");
    }

    @Test
    void objectMethods_neverAskTheModel() {
        ScriptedChatModel model = ScriptedChatModel.answering();
        Jit jit = Jit.builder().store(store).model(model).build();
        Numbers a = jit.implement(Numbers.class);
        Numbers b = jit.implement(Numbers.class);

        assertThat(a.toString()).isEqualTo("jit implementation of " + Numbers.class.getName());
        assertThat(a).isEqualTo(a).isNotEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(System.identityHashCode(a));
        assertThat(model.requestCount()).isZero();
    }

    static String captureStdout(Runnable action) {
        return capture(action, System.out, System::setOut);
    }

    /** What {@code action} wrote on System.err: slf4j-simple's log lines, in tests. */
    static String captureStderr(Runnable action) {
        return capture(action, System.err, System::setErr);
    }

    private static String capture(Runnable action, PrintStream original, java.util.function.Consumer<PrintStream> set) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        set.accept(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            set.accept(original);
        }
        return buffer.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
