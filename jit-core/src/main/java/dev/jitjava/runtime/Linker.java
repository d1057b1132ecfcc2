package dev.jitjava.runtime;

import java.lang.invoke.MethodHandle;

/**
 * Makes a method exist: returns its bound handle, generating it first (once, whatever the number
 * of callers) if it has not been generated yet.
 */
@FunctionalInterface
public interface Linker {
    MethodHandle link(Object key);
}
