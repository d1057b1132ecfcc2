package dev.jitjava.bench;

import dev.jitjava.Jit;
import dev.jitjava.test.ScriptedChatModel;

import java.nio.file.Files;
import java.util.Arrays;

/**
 * jit-java's own cost per generation with a model that answers at once: prompt, extraction,
 * javac, signature check, verification, instrumentation, definition, store write. Prints the first
 * generation in a fresh JVM (cold) and the median of later ones (warm), in milliseconds.
 */
public final class GenerationMain {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        long start = System.nanoTime();
        generateOne();
        double cold = (System.nanoTime() - start) / 1e6;
        double[] warm = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            generateOne();
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(warm);
        System.out.printf("generation cold %.0f ms, warm median %.1f ms (p90 %.1f ms, %d rounds)%n", cold,
                warm[rounds / 2], warm[rounds * 9 / 10], rounds);
    }

    private static void generateOne() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.answering(CallBenchmark.VOWELS);
        Jit jit = Jit.builder().store(Files.createTempDirectory("jit-gen")).model(model).build();
        if (jit.implement(CallBenchmark.Small.class).countVowels("audio") != 4) {
            throw new IllegalStateException("wrong result");
        }
    }
}
