package dev.jitjava.internal.verify;

import dev.jitjava.internal.compile.Compilation;
import dev.jitjava.internal.compile.InMemoryCompiler;
import dev.jitjava.internal.compile.SourceUnit;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cost of the budget counters in a tight loop: the same compiled method, defined as javac wrote
 * it and as instrumented, timed alternately after warm-up; prints the median ratio.
 * Not a test: run {@code main}.
 */
public final class InstrumentationOverhead {
    private static final String SOURCE = """
            package dev.jitjava.internal.verify;
            public final class LoopBody {
                public static long mix(int n) {
                    long s = 0;
                    for (int i = 0; i < n; i++) {
                        s += i ^ (s >>> 3);
                    }
                    return s;
                }
                public static int countVowels(String text) {
                    int n = 0;
                    for (int i = 0; i < text.length(); i++) {
                        if ("aeiou".indexOf(text.charAt(i)) >= 0) n++;
                    }
                    return n;
                }
            }
            """;

    public static void main(String[] args) throws Throwable {
        SourceUnit unit = new SourceUnit("dev.jitjava.internal.verify", "LoopBody", SOURCE);
        Map<String, byte[]> raw = ((Compilation.Classes) new InMemoryCompiler().compile(unit, List.of())).classes();
        Instrumenter.Limits limits = new Instrumenter.Limits(60_000_000_000L, 1L << 30, "LoopBody.mix(int)", "none", "()V");
        Map<String, byte[]> metered = Instrumenter.instrument(raw, "dev.jitjava.internal.verify.LoopBody", Set.of(), limits,
                InstrumentationOverhead.class.getClassLoader());
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        Class<?> plain = lookup.defineHiddenClass(raw.get("dev.jitjava.internal.verify.LoopBody"), true).lookupClass();
        Class<?> instrumented = lookup.defineHiddenClass(metered.get("dev.jitjava.internal.verify.LoopBody"), true).lookupClass();
        for (String name : List.of("mix", "countVowels")) {
            boolean numeric = name.equals("mix");
            MethodType type = numeric ? MethodType.methodType(long.class, int.class) : MethodType.methodType(int.class, String.class);
            MethodHandle a = MethodHandles.lookup().in(plain).findStatic(plain, name, type);
            MethodHandle b = MethodHandles.lookup().in(instrumented).findStatic(instrumented, name, type);
            Object input = numeric ? (Object) 1_000_000 : "the quick brown fox jumps over the lazy dog ".repeat(2000);
            double[] ratios = new double[30];
            for (int round = -10; round < ratios.length; round++) {
                long plainTime = time(a, input, numeric);
                long meteredTime = time(b, input, numeric);
                if (round >= 0) {
                    ratios[round] = (double) meteredTime / plainTime;
                }
            }
            java.util.Arrays.sort(ratios);
            System.out.printf("%s: instrumented / plain = %.2f (median of %d rounds; quartiles %.2f .. %.2f)%n", name,
                    ratios[ratios.length / 2], ratios.length, ratios[ratios.length / 4], ratios[ratios.length * 3 / 4]);
        }
    }

    private static long time(MethodHandle handle, Object input, boolean numeric) throws Throwable {
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            sink += numeric ? (long) handle.invoke((int) input) : (int) handle.invoke((String) input);
        }
        long elapsed = System.nanoTime() - start;
        if (sink == 42) {
            System.out.print("");
        }
        return elapsed;
    }
}
