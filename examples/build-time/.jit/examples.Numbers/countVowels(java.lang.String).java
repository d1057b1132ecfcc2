// Written by jit-java for examples.Numbers countVowels(java.lang.String).
package examples;

import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import examples.Numbers.*;

final class Numbers_countVowels {

    public static int countVowels(Numbers self, String text) {
        int count = 0;
        for (char c : text.toLowerCase().toCharArray()) {
            if ("aeiou".indexOf(c) >= 0) {
                count++;
            }
        }
        return count;
    }
}
