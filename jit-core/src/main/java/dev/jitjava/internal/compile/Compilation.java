package dev.jitjava.internal.compile;

import dev.jitjava.Diagnostic;

import java.util.List;
import java.util.Map;

/** The outcome of compiling a {@link SourceUnit}. */
public sealed interface Compilation {

    /** Class files by binary name: the unit's class and any nested or synthetic classes it produced. */
    public record Classes(Map<String, byte[]> classes) implements Compilation {
        public Classes {
            classes = Map.copyOf(classes);
        }
    }

    /** javac's errors, in the order it reported them. */
    public record Failed(List<Diagnostic> errors) implements Compilation {
        public Failed {
            errors = List.copyOf(errors);
        }
    }
}
