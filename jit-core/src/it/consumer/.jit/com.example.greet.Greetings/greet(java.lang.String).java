// Written by jit-java for com.example.greet.Greetings greet(java.lang.String).
package com.example.greet;

import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import com.example.greet.Greetings.*;

final class Greetings_greet {

    public static String greet(Greetings self, String name) {
        return "Hello, " + name + "!";
    }
}
