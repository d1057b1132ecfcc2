package dev.jitjava.bind;

/**
 * Calls one bound dynamic method with an argument array: what {@code JitObject.call} runs once the
 * method exists. Implementations are generated per method ({@link DynamicInvokers}), so the call
 * is direct bytecode rather than a method handle taken from a field. Public only because generated
 * classes implement it; not API.
 */
public interface DynamicInvoker {
    Object invoke(Object self, Object[] args) throws Throwable;
}
