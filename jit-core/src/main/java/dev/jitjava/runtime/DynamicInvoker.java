package dev.jitjava.runtime;

import dev.jitjava.internal.bind.DynamicInvokers;

/**
 * Calls one bound dynamic method with an argument array: what {@code JitObject.call} runs once the
 * method exists. Implementations are generated per method ({@link DynamicInvokers}), so the call
 * is direct bytecode rather than a method handle taken from a field, and the argument check is an
 * {@code instanceof} of constant classes, which the JIT compiler folds when it knows the boxes.
 * Public only because generated classes implement it; not API.
 */
public interface DynamicInvoker {
    /** What {@link #invoke} returns when the arguments do not fit the method's parameters. */
    Object MISS = new Object();

    /**
     * Runs the method if {@code args} fit its parameters (as many, each an instance of its
     * parameter's boxed type; null only for a reference), and returns its result ({@code null} for {@code void}); returns
     * {@link #MISS} without running it otherwise.
     */
    Object invoke(Object self, Object[] args) throws Throwable;

    /** The most arguments {@link #invoke(Object, int, Object, Object, Object)} passes without an array. */
    int FEW = 3;

    /**
     * As {@link #invoke(Object, Object[])} for a call of up to {@link #FEW} arguments, passed without an
     * array: {@code count} says how many of {@code first}, {@code second}, {@code third} are arguments (the
     * others are null and ignored). Where the JIT compiler inlines a call of it, {@code count} is a constant.
     */
    Object invoke(Object self, int count, Object first, Object second, Object third) throws Throwable;
}
