package examples;

import dev.jitjava.Jit;
import dev.jitjava.Mode;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs the methods compiled in at build time: no store, no model, no javac at run time. (No string
 * concatenation with {@code +} before the methods run: its invokedynamic would define classes, and a
 * test checks with -Xlog:class+load that none is defined up to there.)
 */
public final class Main {
    public static void main(String[] args) {
        Jit jit = Jit.builder().mode(Mode.LOCKED).store(Path.of("no-store-needed")).build();
        Numbers numbers = jit.implement(Numbers.class);
        System.out.print("implemented by ");
        System.out.println(numbers.getClass().getSimpleName());
        System.out.println(numbers.summary(args.length > 0 ? args[0] : "build time"));
        System.out.println(numbers.oddNumbers(List.of(1, 2, 3, 4, 5))); // its lambda is the first class defined
    }
}
