package com.example.greet;

import dev.jitjava.Describe;
import dev.jitjava.Example;

/** Written by a model once; the methods it wrote are committed in .jit/ and run from there. */
@Describe("Text helpers of a greeting card shop")
public interface Greetings {
    @Describe("A greeting for the name: Hello, <name>!")
    @Example(call = "greet(\"Ada\")", returns = "\"Hello, Ada!\"")
    String greet(String name);

    @Describe("Number of vowels (a, e, i, o, u, either case)")
    int countVowels(String text);
}
