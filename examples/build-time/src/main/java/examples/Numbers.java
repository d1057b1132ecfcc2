package examples;

import dev.jitjava.Describe;
import dev.jitjava.JitInterface;

import java.util.List;

/** Methods jit-java wrote once (see .jit/), compiled into the application by jit-processor. */
@JitInterface
public interface Numbers {
    @Describe("Number of vowels (a, e, i, o, u, either case)")
    int countVowels(String text);

    @Describe("The odd numbers of the list, in order")
    List<Integer> oddNumbers(List<Integer> numbers);

    default String summary(String text) {
        return String.join("", text, ": ", String.valueOf(countVowels(text)), " vowels");
    }
}
