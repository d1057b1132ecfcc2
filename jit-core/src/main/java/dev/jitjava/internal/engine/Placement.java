package dev.jitjava.internal.engine;

import dev.jitjava.Version;
import dev.jitjava.internal.check.CheckPlan;
import dev.jitjava.internal.dependency.Libraries;
import dev.jitjava.internal.extract.Extraction;
import dev.jitjava.internal.method.MethodSpec;

import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a method's code lives, and what follows from that: how its source is written, compiled and
 * defined, what the model is asked, and on what object a candidate is tried. The one thing that
 * differs between an interface, a {@code JitObject} and a host; {@link Pipeline} does the rest.
 */
interface Placement {

    /** Tells whoever watches that the model starts writing; returns what to run when it is done. */
    default Runnable writing(MethodSpec spec, String model) {
        return () -> { };
    }

    /** The system message. */
    String system(MethodSpec spec, boolean tools, String libraries);

    /** The first request for a method. */
    String request(MethodSpec spec);

    /** The request for a new version, with the history so far (the current version last). */
    String improvement(MethodSpec spec, List<Version> history, String feedback);

    /** The source to store for an answer the extractor found. */
    String source(MethodSpec spec, Extraction.Found answer);

    /**
     * The source with the state it keeps in static fields made per call (see {@code PerCallState}), or
     * null when that does not apply where the method lives.
     */
    default String perCall(MethodSpec spec, String source) {
        return null;
    }

    /**
     * Compiles a method's source where it lives.
     *
     * @param javacClasses classes javac compiled from this very source before (from the {@code .cache}), if any
     */
    Compiled compile(MethodSpec spec, String source, Libraries libraries, Optional<Map<String, byte[]>> javacClasses);

    /**
     * Defines verified and instrumented classes, with the harness that runs the plan's examples when
     * it has any.
     */
    Defined define(MethodSpec spec, String source, Compiled.Classes compiled, Linked linked, CheckPlan plan,
                   Libraries libraries);

    /** Defines classes kept in the {@code .cache}, verified and instrumented under the same policy. */
    Defined defineCached(MethodSpec spec, Linked linked, Libraries libraries);

    /** The object examples and checks call the method on, running {@code candidate} (null when there is no self). */
    Object trialSelf(MethodSpec spec, MethodHandle candidate);

    /**
     * Defined code.
     *
     * @param handle  the method, typed {@code (self, params...)return}, or null for a host's
     * @param harness the class that runs the examples, or null without
     * @param loader  the class loader the examples' expected exceptions resolve in
     */
    record Defined(MethodHandle handle, Class<?> harness, ClassLoader loader) {
    }
}
