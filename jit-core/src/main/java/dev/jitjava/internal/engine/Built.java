package dev.jitjava.internal.engine;

import dev.jitjava.internal.dependency.Libraries;

import java.lang.invoke.MethodHandle;
import java.util.Map;

/**
 * A version of a method that passed every step and is defined, not yet bound or recorded.
 *
 * @param source    its source, as stored
 * @param handle    the method, typed {@code (self, params...)return}; null for a host's method, which
 *                  the host defines itself
 * @param compiled  javac's classes, verified but not instrumented, for the {@code .cache}; null when
 *                  the classes came from the {@code .cache} already
 * @param linked    the verified, instrumented classes
 * @param libraries the Maven libraries it uses
 */
record Built(String source, MethodHandle handle, Map<String, byte[]> compiled, Linked linked, Libraries libraries) {
}
