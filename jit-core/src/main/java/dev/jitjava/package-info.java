/**
 * jit-java's API: methods written by a language model on their first call, compiled, verified,
 * stored as readable source and bound.
 *
 * <p>Start with {@link dev.jitjava.Jit}: {@link dev.jitjava.Jit#builder()} (configured in code) or
 * {@link dev.jitjava.Jit#create()} (model, store and mode from the environment), then
 * {@link dev.jitjava.Jit#implement(Class)} for an interface or {@link dev.jitjava.Jit#object(String)}
 * for methods named at the call. {@link dev.jitjava.Describe}, {@link dev.jitjava.Example} and
 * {@link dev.jitjava.Check} say what a method must do; {@link dev.jitjava.Mode} says when the model may
 * be called, and {@link dev.jitjava.Mode#LOCKED} runs a committed store without one.
 *
 * <p>This package is the whole API. {@code dev.jitjava.runtime} holds what generated classes link
 * against, and {@code dev.jitjava.internal} the implementation: both change without notice.
 */
package dev.jitjava;
