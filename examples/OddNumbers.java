import java.util.List;

/**
 * The seed demo: printOddNumbersInList is not defined here. `./jit run examples/OddNumbers.java`
 * takes it from examples/.jit/ (committed), or has a model write it when the store lacks it.
 */
public class OddNumbers {
    public static void main(String[] args) {
        printOddNumbersInList(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    }
}
