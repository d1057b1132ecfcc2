/**
 * What a host of generated methods needs besides the public API: the {@code jit run} program and
 * the {@code jit shell} session are hosts; a {@link dev.jitjava.spi.MethodHost} says where their
 * methods live, what the model is asked and how a candidate compiles in place, and the engine
 * ({@link dev.jitjava.spi.HostedMethods}, from {@link dev.jitjava.Jit#host}) does the rest exactly as
 * for an interface: the model and its tools, the repair loop, the verifier, budgets, examples,
 * the store with its history, staleness, hand edits and modes. Also here: reading the store
 * ({@link dev.jitjava.spi.StoreBrowser}) and configuring a {@code Jit} from an environment
 * ({@link dev.jitjava.spi.Configuration}), for tools such as the {@code jit} command.
 *
 * <p>Stable enough to build on, but younger than {@code dev.jitjava}: it may still grow.
 */
package dev.jitjava.spi;
