package dev.jitjava;

import dev.jitjava.prompt.ExampleSpec;

import java.util.List;
import java.util.stream.Stream;

/** Converts examples given in code to the form the stages use. */
final class Examples {
    private Examples() {
    }

    static List<ExampleSpec> specs(Example.Case... cases) {
        return Stream.of(cases).map(c -> new ExampleSpec(c.call(), c.returns(),
                c.thrown() == null ? "" : c.thrown().getName())).toList();
    }
}
