package dev.jitjava.spi;

import dev.jitjava.Diagnostic;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What {@link MethodHost#compile} came to. */
public sealed interface HostCompilation {

    /**
     * The classes javac wrote.
     *
     * @param classes       every class of the compilation, by binary name
     * @param methodClass   the class that declares the method: it and the classes nested in it
     *                      ({@code methodClass + "$..."}) are the method's own, which the verifier checks
     *                      and the budgets instrument; the rest is the host's own code
     * @param firstLine     the line of the compiled file on which the method's source begins: the class
     *                      files' line numbers minus {@code firstLine - 1} are the source's own
     * @param examplesClass the class holding the examples' members, or null without examples
     */
    record Classes(Map<String, byte[]> classes, String methodClass, int firstLine, String examplesClass)
            implements HostCompilation {
        /**
         * Copies the classes.
         *
         * @param classes every class of the compilation, by binary name
         * @param methodClass the class that declares the method: it and the classes nested in it ({@code methodClass + "$..."}) are the method's own, which the verifier checks and the budgets instrument; the rest is the host's own code
         * @param firstLine the line of the compiled file on which the method's source begins: the class files' line numbers minus {@code firstLine - 1} are the source's own
         * @param examplesClass the class holding the examples' members, or null without examples
         */
        public Classes {
            classes = Map.copyOf(classes);
            Objects.requireNonNull(methodClass, "methodClass");
        }
    }

    /**
     * javac's errors, those in the method's source with its own line numbers.
     *
     * @param errors the errors, in javac's order
     */
    record Failed(List<Diagnostic> errors) implements HostCompilation {
        /**
         * Copies the errors.
         *
         * @param errors javac's errors
         */
        public Failed {
            errors = List.copyOf(errors);
        }
    }
}
