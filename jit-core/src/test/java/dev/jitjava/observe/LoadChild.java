package dev.jitjava.observe;

import dev.jitjava.Jit;
import dev.jitjava.Mode;

import java.nio.file.Path;

/** A fresh JVM that binds a stored method without a model: for the class-loading check of {@link JfrEventsTest}. */
public final class LoadChild {
    public static void main(String[] args) {
        JfrEventsTest.Numbers numbers = Jit.builder().mode(Mode.LOCKED).store(Path.of(args[0])).build()
                .implement(JfrEventsTest.Numbers.class);
        System.out.println("vowels " + numbers.countVowels("education"));
    }
}
