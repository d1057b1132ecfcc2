package dev.jitjava.internal.engine;

/** What the store has for a method: the method, loaded and defined; or why it must be written. */
sealed interface Lookup {

    /** Loaded and defined, not bound yet. */
    record Loaded(Built built) implements Lookup {
    }

    /** Stored, but no longer what is asked for (a changed spec, failing new examples, a changed world). */
    record Stale(String reason) implements Lookup {
    }

    /** Not stored. */
    record Missing() implements Lookup {
    }
}
