package dev.jitjava.generated;

/**
 * Marks the package that receives the classes generated for {@code JitObject} methods, which have
 * no interface whose package could hold them. It has no members on purpose.
 */
public final class Anchor {
    private Anchor() {
    }
}
