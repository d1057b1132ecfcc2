// Written by jit-java for com.example.greet.Greetings countVowels(java.lang.String).
package com.example.greet;

import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import com.example.greet.Greetings.*;

final class Greetings_countVowels {

    public static int countVowels(Greetings self, String text) {
        int count = 0;
        for (char c : text.toLowerCase().toCharArray()) {
            if ("aeiou".indexOf(c) >= 0) {
                count++;
            }
        }
        return count;
    }
}
