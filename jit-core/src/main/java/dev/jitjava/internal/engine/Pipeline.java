package dev.jitjava.internal.engine;

import dev.jitjava.Capability;
import dev.jitjava.Diagnostic;
import dev.jitjava.internal.check.CheckPlan;
import dev.jitjava.internal.check.CheckRunner;
import dev.jitjava.internal.compile.SignatureCheck;
import dev.jitjava.internal.dependency.Libraries;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.observe.Events;
import dev.jitjava.internal.verify.BytecodeVerifier;
import dev.jitjava.internal.verify.Instrumenter;
import dev.jitjava.internal.verify.Violation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The steps that turn a method's source into code that may run, the same for every owner and for
 * every source (a model's answer, a stored file, a reviewer's edit), as Painless's
 * {@code Compiler.compile} states its phases: compile in place, check the signature, verify,
 * instrument, define, run the examples and checks. What differs between owners is behind
 * {@link Placement}; recording and binding are the caller's.
 */
final class Pipeline {
    static final String DENIED = "jit.verify.denied";
    static final String CHECK_FAILED = "jit.check.failed";

    private final Policies policies;
    private final CheckRunner checks;
    private final Events events;

    Pipeline(Policies policies, CheckRunner checks, Events events) {
        this.policies = policies;
        this.checks = checks;
        this.events = events;
    }

    /** What building a version came to: the method, or what stopped it (for the model, or the user). */
    sealed interface Outcome {
        record Ready(Built built) implements Outcome {
        }

        /**
         * @param problems   compiler errors, a wrong signature, refused members or failed examples, as the
         *                   repair prompt shows them
         * @param violations the verifier's refusals among them
         */
        record Problems(List<Diagnostic> problems, List<Violation> violations) implements Outcome {
            public Problems {
                problems = List.copyOf(problems);
                violations = List.copyOf(violations);
            }

            /** Whether the verifier refused state kept in static fields, and nothing else. */
            boolean onlyStaticState() {
                return !violations.isEmpty() && violations.size() == problems.size()
                        && violations.stream().allMatch(v -> v.capability() == Capability.STATE);
            }

            boolean checksFailed() {
                return problems.stream().allMatch(problem -> problem.code().equals(CHECK_FAILED));
            }
        }
    }

    /**
     * Builds a version from source.
     *
     * @param plan         the examples and checks it must pass (null: none run, for a stored method whose
     *                     checks are unchanged)
     * @param javacClasses classes javac compiled from this source before, if the {@code .cache} has them
     */
    Outcome build(MethodSpec spec, Placement place, String source, CheckPlan plan, Libraries libraries,
                  Optional<Map<String, byte[]>> javacClasses) {
        Policy policy = policies.of(spec, libraries);
        Compiled compiled = place.compile(spec, source, libraries, javacClasses);               // javac, in place
        if (compiled instanceof Compiled.Failed failed) {
            return new Outcome.Problems(failed.errors(), List.of());
        }
        Compiled.Classes classes = (Compiled.Classes) compiled;
        SignatureCheck.Result signature = SignatureCheck.check(classes.main(), spec, classes.loader()); // the asked method
        if (signature.descriptor() == null) {
            return new Outcome.Problems(signature.problems(), List.of());
        }
        List<Violation> refused = verify(spec, classes, policy);                                // the allowlist
        if (!refused.isEmpty()) {
            return refusal(refused, source);
        }
        Linked linked = new Linked(classes.mainClass(), instrument(spec, classes, policy, signature.descriptor()),
                signature.descriptor());                                                       // the budgets
        Placement.Defined defined = place.define(spec, source, classes, linked, plan, libraries);      // defined
        List<String> failures = runChecks(spec, place, plan, defined);                          // examples, checks
        if (!failures.isEmpty()) {
            return new Outcome.Problems(failures.stream()
                    .map(failure -> new Diagnostic(CHECK_FAILED, 0, failure, "")).toList(), List.of());
        }
        return new Outcome.Ready(new Built(source, defined.handle(), classes.own(), linked, libraries));
    }

    /** Defines classes the {@code .cache} kept, which passed these very steps under the same policy. */
    Built defineCached(MethodSpec spec, Placement place, String source, Linked linked, Libraries libraries) {
        return new Built(source, place.defineCached(spec, linked, libraries).handle(), null, linked, libraries);
    }

    /** Runs the plan against defined code: the failures, or none. */
    List<String> runChecks(MethodSpec spec, Placement place, CheckPlan plan, Placement.Defined defined) {
        if (plan == null || plan.isEmpty()) {
            return List.of();
        }
        Object self = place.trialSelf(spec, defined.handle());
        return checks.run(plan, defined.harness(), self, defined.loader());
    }

    /** The verifier's refusals, with the method's own line numbers; each one is a notification. */
    List<Violation> verify(MethodSpec spec, Compiled.Classes classes, Policy policy) {
        List<Violation> found = BytecodeVerifier.verify(classes.own(),
                policy.verifyContext(classes.loader(), classes.hostTypes()));
        if (classes.lineOffset() != 0) {
            found = found.stream().map(v -> new Violation(v.member(), Math.max(0, v.line() - classes.lineOffset()),
                    v.reason(), v.capability(), v.className())).toList();
        }
        if (!found.isEmpty()) {
            events.refused(spec.key().display(), found);
        }
        return found;
    }

    Events events() {
        return events;
    }

    /** The method's classes with the budget in them; its call site runs {@code spec.name()} with this descriptor. */
    Map<String, byte[]> instrument(MethodSpec spec, Compiled.Classes classes, Policy policy, String descriptor) {
        Set<String> selfTypes = spec.owner().selfType() == null ? Set.of()
                : Set.of(Policies.internalName(spec.owner().selfType()));
        return Instrumenter.instrument(classes.own(), classes.mainClass(), selfTypes,
                policy.limits(spec.key().display(), spec.name(), descriptor), classes.loader());
    }

    /** Refused members as the repair prompt shows them: what and why, at the source's own line. */
    static Outcome.Problems refusal(List<Violation> violations, String source) {
        String[] lines = source.split("\n", -1);
        return new Outcome.Problems(violations.stream().map(v -> new Diagnostic(DENIED, v.line(), v.forModel(),
                v.line() >= 1 && v.line() <= lines.length ? lines[v.line() - 1] : "")).toList(), violations);
    }
}
