package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Once bound, a generated method is called like hand-written code: no proxy, no reflection, no allocation. */
class BoundCallTest {
    @TempDir
    Path store;

    interface Small {
        int add(int a, int b);

        int countVowels(String text);
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

    @Test
    void implementation_isAGeneratedClass_notAProxy() {
        Small small = Jit.builder().store(store).model(ScriptedChatModel.answering()).build().implement(Small.class);

        assertThat(Proxy.isProxyClass(small.getClass())).isFalse();
        assertThat(small.getClass().getInterfaces()).containsExactly(Small.class);
    }

    @Test
    void aMillionBoundCalls_allocateNearlyNothing() {
        Small small = Jit.builder().store(store).model(ScriptedChatModel.answering(ADD, VOWELS)).build()
                .implement(Small.class);
        small.add(1, 2);
        small.countVowels("warm");
        long sink = 0;
        for (int i = 0; i < 200_000; i++) { // let the JIT compiler see the path first
            sink += small.add(i, 1) + small.countVowels("education");
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 1_000_000; i++) {
            sink += small.add(i, 1) + small.countVowels("education");
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;

        assertThat(sink).isNotZero();
        assertThat(allocated).as("bytes allocated by 2 million bound calls").isLessThan(64 * 1024);
    }
}
