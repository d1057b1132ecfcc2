package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;

/**
 * Measures jit-java's own overhead per generation (prompt, extraction, javac, definition, binding)
 * with a scripted model that answers at once. Not a test: run it with {@code main}.
 */
public final class GenerationTiming {
    interface Numbers {
        int countVowels(String text);
    }

    private static java.nio.file.Path newStore() {
        try {
            return java.nio.file.Files.createTempDirectory("jit-timing");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        ScriptedChatModel model = ScriptedChatModel.replying(request -> Answers.COUNT_VOWELS);
        long start = System.nanoTime();
        Jit.builder().store(newStore()).model(model).build().implement(Numbers.class).countVowels("warm up");
        long cold = System.nanoTime() - start;
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        long[] times = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            Numbers numbers = Jit.builder().store(newStore()).model(model).build().implement(Numbers.class);
            long t = System.nanoTime();
            numbers.countVowels("measure");
            times[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(times);
        Numbers bound = Jit.builder().store(newStore()).model(model).build().implement(Numbers.class);
        bound.countVowels("x");
        long t = System.nanoTime();
        int sink = 0;
        for (int i = 0; i < 1_000_000; i++) {
            sink += bound.countVowels("audio");
        }
        long call = (System.nanoTime() - t) / 1_000_000;
        System.out.printf("cold first call: %.1f ms%nwarm first call: median %.1f ms, p90 %.1f ms (%d rounds)%n"
                        + "bound call: ~%d ns (sink %d)%n",
                cold / 1e6, times[rounds / 2] / 1e6, times[rounds * 9 / 10] / 1e6, rounds, call, sink);
    }
}
