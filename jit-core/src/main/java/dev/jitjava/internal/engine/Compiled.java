package dev.jitjava.internal.engine;

import dev.jitjava.Diagnostic;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** What compiling a method's source where it lives came to. */
sealed interface Compiled {

    /**
     * javac's classes.
     *
     * @param mainClass  the binary name of the class that declares the method
     * @param own        the method's own classes (the main class and everything nested in it): what the
     *                   verifier checks and the budgets instrument
     * @param hostTypes  internal names of the classes compiled beside them that are the host's own code
     * @param loader     where the code's references resolve (a method with libraries: its own loader)
     * @param lineOffset how many lines precede the method's source in the compiled file
     */
    record Classes(String mainClass, Map<String, byte[]> own, Set<String> hostTypes, ClassLoader loader,
                   int lineOffset) implements Compiled {
        public Classes {
            own = Map.copyOf(own);
            hostTypes = Set.copyOf(hostTypes);
        }

        byte[] main() {
            return own.get(mainClass);
        }
    }

    /** javac's errors, with the method's own line numbers. */
    record Failed(List<Diagnostic> errors) implements Compiled {
        public Failed {
            errors = List.copyOf(errors);
        }
    }
}
