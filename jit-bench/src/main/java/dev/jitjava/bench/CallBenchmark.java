package dev.jitjava.bench;

import dev.jitjava.Jit;
import dev.jitjava.JitObject;
import dev.jitjava.test.ScriptedChatModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * The cost of one call: a hand-written class ({@code direct}), the generated implementation
 * ({@code generated}), a dynamic {@code JitObject.call} ({@code dynamic}) and a reflective
 * {@code Proxy} over the hand-written class ({@code proxy}), on bodies small enough for the
 * overhead to show.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CallBenchmark {

    public interface Small {
        int add(int a, int b);

        int countVowels(String text);
    }

    public static final class HandWritten implements Small {
        @Override
        public int add(int a, int b) {
            return a + b;
        }

        @Override
        public int countVowels(String text) {
            int n = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') {
                    n++;
                }
            }
            return n;
        }
    }

    static final String ADD = "```java\nint add(int a, int b) { return a + b; }\n```";
    static final String VOWELS = """
            ```java
            int countVowels(String text) {
                int n = 0;
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') n++;
                }
                return n;
            }
            ```""";

    Small direct;
    Small generated;
    Small proxy;
    JitObject dynamic;
    int a = 17;
    int b = 25;
    String text = "the quick brown fox";

    @Setup
    public void setUp() throws Exception {
        direct = new HandWritten();
        Jit jit = Jit.builder().store(Files.createTempDirectory("jit-bench"))
                .model(ScriptedChatModel.answering(ADD, VOWELS, ADD, VOWELS)).build();
        generated = jit.implement(Small.class);
        generated.add(1, 2);
        generated.countVowels("warm");
        dynamic = jit.object("bench");
        dynamic.call(Integer.class, "add", 1, 2);
        dynamic.call(Integer.class, "countVowels", "warm");
        Small target = new HandWritten();
        proxy = (Small) Proxy.newProxyInstance(Small.class.getClassLoader(), new Class<?>[]{Small.class},
                (p, method, args) -> method.invoke(target, args));
    }

    @Benchmark
    public int addDirect() {
        return direct.add(a, b);
    }

    @Benchmark
    public int addGenerated() {
        return generated.add(a, b);
    }

    @Benchmark
    public Object addDynamic() {
        return dynamic.call("add", a, b);
    }

    @Benchmark
    public int addProxy() {
        return proxy.add(a, b);
    }

    @Benchmark
    public int vowelsDirect() {
        return direct.countVowels(text);
    }

    @Benchmark
    public int vowelsGenerated() {
        return generated.countVowels(text);
    }

    @Benchmark
    public Object vowelsDynamic() {
        return dynamic.call("countVowels", text);
    }

    @Benchmark
    public int vowelsProxy() {
        return proxy.countVowels(text);
    }
}
