package com.example.greet;

import dev.jitjava.Jit;

/** Run with JIT_MODE=locked: the methods come from the committed store, and no model is needed. */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        Greetings greetings = Jit.create().implement(Greetings.class);
        String name = args.length > 0 ? args[0] : "world";
        System.out.println(greetings.greet(name) + " (" + greetings.countVowels(name) + " vowels)");
    }
}
