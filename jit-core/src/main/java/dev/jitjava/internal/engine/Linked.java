package dev.jitjava.internal.engine;

import java.util.Map;

/**
 * A method's classes as they are defined: verified and instrumented, with the method's descriptor.
 * The store's {@code .cache} keeps them under the {@link Policy} they passed, so that a later start
 * with the same source and policy defines them at once.
 *
 * @param mainName   the binary name of the class that declares the method
 * @param classes    the classes by binary name
 * @param descriptor the method's descriptor in its class
 */
record Linked(String mainName, Map<String, byte[]> classes, String descriptor) {
}
