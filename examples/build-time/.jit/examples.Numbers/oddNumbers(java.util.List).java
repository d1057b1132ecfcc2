// Written by jit-java for examples.Numbers oddNumbers(java.util.List).
package examples;

import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import examples.Numbers.*;

final class Numbers_oddNumbers {

    public static List<Integer> oddNumbers(Numbers self, List<Integer> numbers) {
        return numbers.stream().filter(n -> n % 2 != 0).toList();
    }
}
