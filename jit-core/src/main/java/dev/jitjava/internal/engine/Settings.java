package dev.jitjava.internal.engine;

import dev.jitjava.Capability;
import dev.jitjava.Mode;
import dev.jitjava.Reviewer;
import dev.jitjava.internal.check.CheckRunner;
import dev.jitjava.internal.dependency.DependencyGrant;
import dev.jitjava.internal.dependency.MavenResolver;
import dev.jitjava.internal.model.Models;
import dev.jitjava.internal.observe.Observing;
import dev.jitjava.internal.tools.Toolbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How one {@code Jit} is configured, as its builder left it: what the engine and its stages read.
 *
 * @param store        the store folder
 * @param mode         when the model may be called
 * @param reviewer     who approves new versions in REVIEW mode (null in other modes)
 * @param models       the model of each method
 * @param maxAttempts  model requests per generation, repairs included
 * @param tools        what the model's tools may do, and how many calls they get
 * @param grants       capabilities granted to every method
 * @param allowedTypes the application's types every method may use, besides its interface's package and signature
 * @param allowedPackages packages (binary names) whose types every method may use
 * @param cpuBudget    the CPU budget of a call
 * @param memoryBudget the memory budget of a call, in bytes
 * @param wallBudget   the wall-clock budget of a call, or null for {@link dev.jitjava.internal.verify.WallClock#defaultFor}
 * @param dependencies the groups whose libraries the model may add
 * @param resolver     resolves libraries, made on first need
 * @param checkRunner  runs examples and checks with a time limit
 * @param clock        stamps versions; null for the system clock, made on first need
 * @param observing    listeners, prices and the secrets kept out of transcripts
 */
public record Settings(Path store, Mode mode, Reviewer reviewer, Models models, int maxAttempts, Toolbox.Settings tools,
                       Set<Capability> grants, Set<Class<?>> allowedTypes, Set<String> allowedPackages,
                       Duration cpuBudget, long memoryBudget, Duration wallBudget,
                       DependencyGrant dependencies,
                       Supplier<MavenResolver> resolver, CheckRunner checkRunner, Clock clock, Observing observing) {
    /** {@link Capability#CONSOLE}, granted by default, and the capabilities a builder allowed. */
    public static Set<Capability> grants(List<Capability> allowed) {
        Set<Capability> grants = EnumSet.of(Capability.CONSOLE);
        grants.addAll(allowed);
        return grants;
    }
}
