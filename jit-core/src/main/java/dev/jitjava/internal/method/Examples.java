package dev.jitjava.internal.method;

import dev.jitjava.Example;
import dev.jitjava.internal.method.ExampleSpec;

import java.util.List;
import java.util.stream.Stream;

/** Converts examples given in code to the form the stages use. */
public final class Examples {
    private Examples() {
    }

    public static List<ExampleSpec> specs(Example.Case... cases) {
        return Stream.of(cases).map(c -> new ExampleSpec(c.call(), c.returns(),
                c.thrown() == null ? "" : c.thrown().getName())).toList();
    }
}
