package dev.jitjava.bench;

import dev.jitjava.Jit;
import dev.jitjava.JitMethod;
import dev.jitjava.JitObject;
import dev.jitjava.test.ScriptedChatModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * Dynamic calls as a program holds them: the {@code JitObject} (or {@code JitMethod}) in a field, the
 * method name a literal at the call, and the calling loop a method of its own that the JIT compiler
 * does not inline into the benchmark, so that neither the object nor its last-called method fold to
 * constants as they do in {@link CallBenchmark}. Each figure is per call; {@code direct} is the same
 * loop calling the hand-written class.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class HeldCallBenchmark {
    /** Words whose vowels the body counts: about 10 ns each by the hand-written method. */
    static final String[] WORDS = {"education", "jit", "sequoia", "rhythm", "lambda", "stream", "vowels", "method"};
    static final int CALLS = 8; // WORDS.length, as a constant for @OperationsPerInvocation

    /** A program's class: its objects in fields, its loops in methods of their own. */
    public static final class Program {
        private final CallBenchmark.Small direct = new CallBenchmark.HandWritten();
        private final JitObject numbers;
        private final JitMethod<Integer> vowels;
        private final String[] words = WORDS.clone();

        Program(JitObject numbers) {
            this.numbers = numbers;
            this.vowels = numbers.method("countVowels").returns(Integer.class);
        }

        @CompilerControl(CompilerControl.Mode.DONT_INLINE)
        int vowelsDirect() {
            int sum = 0;
            for (String word : words) {
                sum += direct.countVowels(word);
            }
            return sum;
        }

        @CompilerControl(CompilerControl.Mode.DONT_INLINE)
        int vowelsTyped() {
            int sum = 0;
            for (String word : words) {
                sum += numbers.call(Integer.class, "countVowels", word);
            }
            return sum;
        }

        @CompilerControl(CompilerControl.Mode.DONT_INLINE)
        int vowelsUntyped() {
            int sum = 0;
            for (String word : words) {
                sum += (Integer) numbers.call("countVowels", word);
            }
            return sum;
        }

        @CompilerControl(CompilerControl.Mode.DONT_INLINE)
        int vowelsMethod() {
            int sum = 0;
            for (String word : words) {
                sum += vowels.call(word);
            }
            return sum;
        }

        @CompilerControl(CompilerControl.Mode.DONT_INLINE)
        int addDirect() {
            int sum = 0;
            for (int i = 0; i < CALLS; i++) {
                sum += direct.add(sum & 63, i);
            }
            return sum;
        }

        @CompilerControl(CompilerControl.Mode.DONT_INLINE)
        int addTyped() {
            int sum = 0;
            for (int i = 0; i < CALLS; i++) {
                sum += numbers.call(Integer.class, "add", sum & 63, i);
            }
            return sum;
        }

        /** Two methods in turn: the object's last-called method is never the one called. */
        @CompilerControl(CompilerControl.Mode.DONT_INLINE)
        int mixedDirect() {
            int sum = 0;
            for (int i = 0; i < CALLS; i++) {
                sum += (i & 1) == 0 ? direct.countVowels(words[i]) : direct.add(sum & 63, i);
            }
            return sum;
        }

        @CompilerControl(CompilerControl.Mode.DONT_INLINE)
        int mixedTyped() {
            int sum = 0;
            for (int i = 0; i < CALLS; i++) {
                sum += (i & 1) == 0 ? numbers.call(Integer.class, "countVowels", words[i])
                        : numbers.call(Integer.class, "add", sum & 63, i);
            }
            return sum;
        }
    }

    Program program;

    @Setup
    public void setUp() throws Exception {
        Jit jit = Jit.builder().store(Files.createTempDirectory("jit-bench"))
                .model(ScriptedChatModel.answering(CallBenchmark.VOWELS, CallBenchmark.ADD)).build();
        JitObject numbers = jit.object("held");
        numbers.call(Integer.class, "countVowels", "warm");
        numbers.call(Integer.class, "add", 1, 2);
        program = new Program(numbers);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int vowelsDirect() {
        return program.vowelsDirect();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int vowelsTyped() {
        return program.vowelsTyped();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int vowelsUntyped() {
        return program.vowelsUntyped();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int vowelsMethod() {
        return program.vowelsMethod();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int addDirect() {
        return program.addDirect();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int addTyped() {
        return program.addTyped();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int mixedDirect() {
        return program.mixedDirect();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int mixedTyped() {
        return program.mixedTyped();
    }
}
