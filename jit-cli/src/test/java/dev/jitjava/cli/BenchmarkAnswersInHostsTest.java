package dev.jitjava.cli;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark-style answers (see jit-core's {@code HeldOutAnswersTest}) in {@code jit run} programs and
 * {@code jit shell} sessions, where the methods are static: MultiPL-E's whole {@code class Problem}
 * with its imports, recursion written bare, helpers with Javadoc, a memo kept in a static field, and
 * a coding site's {@code class Solution}; each served on its first request.
 */
class BenchmarkAnswersInHostsTest {
    @TempDir
    Path work;

    private JitCommand command;
    private String out;

    @BeforeEach
    void command() {
        command = new JitCommand(work);
    }

    private int run(ScriptedChatModel model, String program) throws Exception {
        Files.writeString(work.resolve("Bench.java"), program);
        int exit = command.run(() -> model, "", "run", "Bench.java");
        out = command.out();
        return exit;
    }

    private int shell(ScriptedChatModel model, String input) {
        int exit = command.run(() -> model, input, "shell");
        out = command.out();
        return exit;
    }

    private static String calling(String expression) {
        return """
                import java.util.*;

                public class Bench {
                    public static void main(String[] args) {
                        System.out.println(%s);
                    }
                }
                """.formatted(expression);
    }

    @Test
    void run_multiplEClassProblem_withRecursionAndAJavadocHelper_servedOnTheFirstRequest() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.answering("""
                ```java
                import java.util.*;
                import java.lang.reflect.*;
                import org.javatuples.*;
                import java.security.*;
                import java.math.*;
                import java.io.*;
                import java.util.stream.*;
                class Problem {
                    // Return the n-th number that is a Fibonacci number and a prime.
                    public static long primeFib(long n) {
                        long found = 0;
                        for (long i = 1; ; i++) {
                            if (isPrime(fib(i)) && ++found == n) {
                                return fib(i);
                            }
                        }
                    }

                    /**
                     * Trial division.
                     */
                    private static boolean isPrime(long p) {
                        if (p < 2) return false;
                        for (long k = 2; k * k <= p; k++) if (p % k == 0) return false;
                        return true;
                    }

                    private static long fib(long n) {
                        return n < 2 ? n : fib(n - 1) + fib(n - 2);
                    }

                    public static void main(String[] args) {
                    assert(primeFib((1l)) == (2l));
                    }
                }
                ```""");

        assertThat(run(model, calling("primeFib(5L)"))).as(command.err()).isZero();

        assertThat(out).isEqualTo("89\n");
        assertThat(model.requestCount()).isEqualTo(1);
    }

    @Test
    void run_memoInAStaticField_servedPerCallOnTheFirstRequest() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.answering("""
                ```java
                private static final Map<Integer, Long> memo = new HashMap<>();

                static long climbStairs(int n) {
                    if (n <= 2) return n;
                    if (memo.containsKey(n)) return memo.get(n);
                    long ways = climbStairs(n - 1) + climbStairs(n - 2);
                    memo.put(n, ways);
                    return ways;
                }
                ```""");

        assertThat(run(model, calling("climbStairs(45) + \" \" + climbStairs(5)"))).as(command.err()).isZero();

        assertThat(out).isEqualTo("1836311903 8\n");
        assertThat(model.requestCount()).isEqualTo(1);
        assertThat(Files.readString(work.resolve(".jit/file/Bench/climbStairs(int).java")))
                .contains("private static final class PerCall {").contains("private final Map<Integer, Long> memo");

        ScriptedChatModel none = ScriptedChatModel.answering();
        assertThat(run(none, calling("climbStairs(10)"))).as(command.err()).isZero();
        assertThat(out).isEqualTo("89\n");
        assertThat(none.requestCount()).isZero();
    }

    @Test
    void run_solutionClassWithAnInstanceHelper_servedOnTheFirstRequest() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.answering("""
                Here's a two-pointer solution:

                ```java
                class Solution {
                    public boolean isPalindrome(String s) {
                        String clean = normalize(s);
                        return check(clean, 0, clean.length() - 1);
                    }

                    private String normalize(String s) {
                        return s.toLowerCase().replaceAll("[^a-z0-9]", "");
                    }

                    private boolean check(String s, int i, int j) {
                        return i >= j || s.charAt(i) == s.charAt(j) && check(s, i + 1, j - 1);
                    }
                }
                ```""");

        assertThat(run(model, calling("isPalindrome(\"A man, a plan, a canal: Panama\")"))).as(command.err()).isZero();

        assertThat(out).isEqualTo("true\n");
        assertThat(model.requestCount()).isEqualTo(1);
    }

    @Test
    void shell_recursionWithAHelperOverloadOfTheSameName_servedOnTheFirstRequest() {
        ScriptedChatModel model = ScriptedChatModel.answering("""
                ```java
                /** The greatest common divisor of all the values. */
                static long gcdAll(long[] values) {
                    long g = 0;
                    for (long v : values) g = gcd(g, v);
                    return g;
                }

                /** Euclid, recursively. */
                static long gcd(long a, long b) {
                    return b == 0 ? Math.abs(a) : gcd(b, a % b);
                }
                ```""");

        assertThat(shell(model, "gcdAll(new long[] {84, 36, 120})\n")).as(command.err()).isZero();

        assertThat(out).contains("==> 12");
        assertThat(model.requestCount()).isEqualTo(1);
    }
}
