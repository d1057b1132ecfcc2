package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Dynamic calls as a program holds them: the {@code JitObject} and a {@code JitMethod} in fields, the
 * calls in loops of their own. Once a method exists, a call of up to three arguments that are
 * references or small boxed values allocates nothing: no array, no box.
 */
class HeldDynamicCallTest {
    @TempDir
    Path store;

    // countVowels without allocating (charAt, not toCharArray), and add: the bound call's own answers
    private static final String VOWELS = BoundCallTest.VOWELS;
    private static final String ADD = BoundCallTest.ADD;
    private static final String ANSWER = "```java\nint answer() { return 42; }\n```";
    private static final String CLAMP = "```java\nint clamp(int x, int low, int high) { return Math.max(low, Math.min(x, high)); }\n```";
    private static final String PICK = "```java\nString pick(String a, String b) { return a.length() >= b.length() ? a : b; }\n```";

    /** A program's class: what it calls dynamically is held in fields, each loop is a method of its own. */
    static final class Program {
        private final JitObject numbers;
        private final JitMethod<Integer> vowels;
        private final String[] words = {"education", "rhythm", "onomatopoeia", "jit"};

        Program(JitObject numbers) {
            this.numbers = numbers;
            this.vowels = numbers.method("countVowels").returns(Integer.class);
        }

        long typed(int calls) {
            long sum = 0;
            for (int i = 0; i < calls; i++) {
                sum += numbers.call(Integer.class, "countVowels", words[i & 3]);
            }
            return sum;
        }

        long untyped(int calls) {
            long sum = 0;
            for (int i = 0; i < calls; i++) {
                sum += (Integer) numbers.call("countVowels", words[i & 3]);
            }
            return sum;
        }

        long method(int calls) {
            long sum = 0;
            for (int i = 0; i < calls; i++) {
                sum += vowels.call(words[i & 3]);
            }
            return sum;
        }

        /** Small ints in, a small int out: the cached boxes. */
        long twoArguments(int calls) {
            long sum = 0;
            for (int i = 0; i < calls; i++) {
                sum += numbers.call(Integer.class, "add", i & 63, 1);
            }
            return sum;
        }

        long noneAndThree(int calls) {
            long sum = 0;
            for (int i = 0; i < calls; i++) {
                sum += numbers.call(Integer.class, "answer") + numbers.call(Integer.class, "clamp", i & 127, 10, 100);
            }
            return sum;
        }

        /** Four methods in turn: never the one called last. */
        long inTurn(int calls) {
            long sum = 0;
            for (int i = 0; i < calls; i++) {
                sum += numbers.call(Integer.class, "countVowels", words[i & 3]) + numbers.call(Integer.class, "add", 1, 2)
                        + numbers.call(String.class, "pick", words[i & 3], "jit").length()
                        + (Integer) numbers.call("answer");
            }
            return sum;
        }
    }

    private Program program() {
        Jit jit = Jit.builder().store(store).model(ScriptedChatModel.answering(VOWELS, ADD, ANSWER, CLAMP, PICK)).build();
        JitObject numbers = jit.object("numbers");
        numbers.call(Integer.class, "countVowels", "warm");
        numbers.call(Integer.class, "add", 1, 2);
        numbers.call(Integer.class, "answer");
        numbers.call(Integer.class, "clamp", 1, 2, 3);
        numbers.call(String.class, "pick", "a", "b");
        return new Program(numbers);
    }

    @Test
    void fieldHeldCalls_ofUpToThreeArguments_allocateNothing() {
        Program program = program();

        assertThat(allocatedBy(() -> program.typed(1_000_000))).as("typed, one argument").isLessThan(64 * 1024);
        assertThat(allocatedBy(() -> program.untyped(1_000_000))).as("untyped, one argument").isLessThan(64 * 1024);
        assertThat(allocatedBy(() -> program.method(1_000_000))).as("JitMethod.call").isLessThan(64 * 1024);
        assertThat(allocatedBy(() -> program.twoArguments(1_000_000))).as("two small ints").isLessThan(64 * 1024);
        assertThat(allocatedBy(() -> program.noneAndThree(500_000))).as("none and three").isLessThan(64 * 1024);
        assertThat(allocatedBy(() -> program.inTurn(250_000))).as("four methods in turn").isLessThan(64 * 1024);
    }

    @Test
    void fewArgumentCalls_giveWhatArrayCallsGive() {
        Program program = program();
        JitObject numbers = program.numbers;

        assertThat(program.typed(4)).isEqualTo(program.untyped(4)).isEqualTo(program.method(4)).isEqualTo(5 + 0 + 8 + 1);
        assertThat(numbers.call(Integer.class, "add", 2, 3)).isEqualTo(5)
                .isEqualTo(numbers.call(Integer.class, "add", new Object[]{2, 3}));
        assertThat(numbers.call(int.class, "answer")).isEqualTo(42);
        assertThat(numbers.call("clamp", 500, 10, 100)).isEqualTo(100);
        assertThat(numbers.method("pick").call("ab", "c")).isEqualTo("ab");
    }

    @Test
    void fewArgumentCall_returnTypeThatDoesNotFit_afterTheMethodWasCalled_isStillAClearError() {
        JitObject numbers = program().numbers;
        numbers.call(Integer.class, "countVowels", "a");

        assertThatThrownBy(() -> numbers.call(Long.class, "countVowels", "a"))
                .isInstanceOf(JitException.class)
                .hasMessage("The method returns int, not java.lang.Long, for method numbers.countVowels(String)");
        assertThat(numbers.call(Number.class, "countVowels", "aa")).as("a supertype fits").isEqualTo(2);
    }

    @Test
    void fewArgumentCall_nullForAPrimitive_afterTheMethodWasCalled_isANullPointerExceptionNamingTheMethod() {
        JitObject numbers = program().numbers;
        numbers.call(Integer.class, "add", 1, 2);

        assertThatThrownBy(() -> numbers.call(Integer.class, "add", 1, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("An argument is null where the method takes a primitive, for method numbers.add(int, int)");
    }

    @Test
    void fewArgumentCall_anotherArity_isAnotherMethod() {
        Jit jit = Jit.builder().store(store).model(ScriptedChatModel.answering(ADD,
                "```java\nint add(int a, int b, int c) { return a + b + c; }\n```")).build();
        JitObject numbers = jit.object("numbers");

        assertThat(numbers.call("add", 1, 2)).isEqualTo(3);
        assertThat(numbers.call("add", 1, 2, 3)).isEqualTo(6);
        assertThat(numbers.call("add", 4, 5)).isEqualTo(9);
    }

    /** Bytes this thread allocates in {@code work}, after a first round that lets the JIT compiler see it. */
    private static long allocatedBy(LongSupplier work) {
        long sink = work.getAsLong();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        sink += work.getAsLong();
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(sink).isNotZero();
        return allocated;
    }
}
