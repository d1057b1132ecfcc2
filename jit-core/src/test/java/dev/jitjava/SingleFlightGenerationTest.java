package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SingleFlightGenerationTest {
    @TempDir
    Path store;


    interface Numbers {
        int countVowels(String text);

        int countConsonants(String text);
    }

    @Test
    void countVowels_sixteenThreadsAtOnce_exactlyOneModelRequest() throws Exception {
        CountDownLatch allCalling = new CountDownLatch(16);
        ScriptedChatModel model = ScriptedChatModel.replying(request -> {
            await(allCalling); // every thread has made its call before the answer comes
            return Answers.COUNT_VOWELS;
        });
        Numbers numbers = Jit.builder().store(store).model(model).build().implement(Numbers.class);

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> {
                    allCalling.countDown();
                    return numbers.countVowels("audio");
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(4);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(model.requestCount()).isEqualTo(1);
    }

    @Test
    void differentMethods_generateInParallel() throws Exception {
        CountDownLatch bothAsked = new CountDownLatch(2);
        ScriptedChatModel model = ScriptedChatModel.replying(request -> {
            bothAsked.countDown();
            await(bothAsked); // only returns once the other method's request is under way too
            return ScriptedChatModel.lastUserText(request).contains(":\n\n    int countVowels(String text)\n")
                    ? Answers.COUNT_VOWELS
                    : Answers.fenced("int countConsonants(String text) { return text.replaceAll(\"[aeiou]\", \"\").length(); }");
        });
        Numbers numbers = Jit.builder().store(store).model(model).build().implement(Numbers.class);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> vowels = pool.submit(() -> numbers.countVowels("banana"));
            Future<Integer> consonants = pool.submit(() -> numbers.countConsonants("banana"));
            assertThat(vowels.get(30, TimeUnit.SECONDS)).isEqualTo(3);
            assertThat(consonants.get(30, TimeUnit.SECONDS)).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(model.requestCount()).isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("threads did not arrive");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
