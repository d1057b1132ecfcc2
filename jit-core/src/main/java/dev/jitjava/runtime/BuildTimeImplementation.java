package dev.jitjava.runtime;

/**
 * What a class that jit-java's annotation processor wrote at build time implements beside its
 * interface, so that {@code Jit.implement} can tell whether it still matches the interface and make
 * instances without reflection. Not API: the names start with {@code jit$} so that they never
 * clash with an interface's own methods.
 */
public interface BuildTimeImplementation {
    /** The fingerprint of the specs the class was built from (see {@code SpecFingerprint}). */
    String jit$specFingerprint();

    /**
     * The fingerprint of the interface's declarations the class was built from (see
     * {@code DeclarationFingerprint}): compared first, as it costs far less to compute at run time.
     * A class an earlier jit-processor wrote has none: its specs decide.
     */
    default String jit$declarationFingerprint() {
        return "";
    }

    /** A new instance of the same class. */
    Object jit$newInstance();
}
