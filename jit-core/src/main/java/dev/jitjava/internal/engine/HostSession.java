package dev.jitjava.internal.engine;

import dev.jitjava.Example;
import dev.jitjava.JitException;
import dev.jitjava.Mode;
import dev.jitjava.VerificationException;
import dev.jitjava.Version;
import dev.jitjava.internal.check.CheckPlan;
import dev.jitjava.internal.compile.SignatureCheck;
import dev.jitjava.internal.dependency.Libraries;
import dev.jitjava.internal.method.ExampleSpec;
import dev.jitjava.internal.method.Examples;
import dev.jitjava.internal.method.Messages;
import dev.jitjava.internal.method.MethodKey;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Owner;
import dev.jitjava.internal.method.Specs;
import dev.jitjava.internal.store.Metadata;
import dev.jitjava.internal.store.MethodStore;
import dev.jitjava.internal.store.SpecRecord;
import dev.jitjava.internal.verify.Violation;
import dev.jitjava.spi.BuildCache;
import dev.jitjava.spi.HostCompilation;
import dev.jitjava.spi.HostedMethods;
import dev.jitjava.spi.JitListener;
import dev.jitjava.spi.MethodRequest;

import java.util.List;
import java.util.Optional;

/**
 * The engine's side of one {@link dev.jitjava.spi.MethodHost}: the same store, modes, model, repair
 * loop, verifier, budgets, examples and history as an interface's methods, with the host compiling
 * each method where it lives.
 */
final class HostSession implements HostedMethods {
    private final Engine engine;
    private final HostPlacement place;
    private final Owner.Hosted owner;

    HostSession(Engine engine, HostPlacement place) {
        this.engine = engine;
        this.place = place;
        this.owner = new Owner.Hosted(place.host());
    }

    private MethodSpec spec(MethodRequest request) {
        MethodSpec spec = Specs.forHost(owner, request);
        place.remember(spec, request);
        return spec;
    }

    private MethodStore store() {
        return engine.store();
    }

    @Override
    public Ready require(MethodRequest method) {
        MethodSpec declared = spec(method);
        MethodKey key = declared.key();
        Optional<MethodStore.Stored> found = store().load(key);
        if (found.isEmpty()) {
            return write(declared, null);
        }
        MethodStore.Stored stored = found.get();
        Metadata metadata = stored.metadata();
        boolean handEdited = handEdited(stored);
        SpecRecord wanted = SpecRecord.of(declared);
        if (!metadata.spec().sameAs(wanted)) {
            return writeStale(declared, handEdited, metadata.spec().changesTo(wanted) + " since it was written");
        }
        MethodSpec spec = declared.withExamples(metadata.addedExamples());
        Libraries libraries = engine.resolver().librariesOf(key, metadata); // the grant, resolved, checksums checked
        CheckPlan plan = CheckPlan.of(spec);
        if (!plan.fingerprint().equals(metadata.checksHash())) { // its examples changed: does it pass them?
            Pipeline.Outcome outcome = engine.pipeline().build(spec, place, stored.source(), plan, libraries,
                    Optional.empty());
            if (outcome instanceof Pipeline.Outcome.Problems problems && problems.checksFailed()) {
                return writeStale(declared, handEdited, "its examples changed, and it fails them: "
                        + problems.problems().get(0).message());
            }
            if (outcome instanceof Pipeline.Outcome.Ready) {
                store().save(key, metadata.withChecks(plan.isEmpty() ? null
                        : new Metadata.Checks(plan.fingerprint(), plan.descriptions())));
            }
        }
        return new Ready(stored.source(), store().sourceFile(key), false, libraries.jars());
    }

    @Override
    public Accepted accept(MethodRequest method, Ready ready, HostCompilation compilation) {
        long start = System.nanoTime();
        Object begun = ready.written() ? null : engine.pipeline().events().loadStarting();
        MethodSpec spec = spec(method);
        MethodKey key = spec.key();
        Optional<MethodStore.Stored> stored = store().load(key);
        boolean handEdited = stored.isPresent() && handEdited(stored.get());
        Libraries libraries = stored.map(s -> engine.resolver().librariesOf(key, s.metadata())).orElse(Libraries.NONE);
        Compiled compiled = place.compiled(spec, compilation, libraries);
        if (compiled instanceof Compiled.Failed failed) {
            String where = engine.resolver().fileProblem(key, failed.errors());
            if (handEdited) {
                throw new JitException(Messages.forMethod(key, "The stored source does not compile: " + where
                        + "\nFix the file, or have the model change it (jit improve)"));
            }
            return new Accepted.Rewritten(write(spec, "it no longer compiles: " + where));
        }
        Compiled.Classes classes = (Compiled.Classes) compiled;
        SignatureCheck.Result signature = SignatureCheck.check(classes.main(), spec, classes.loader());
        if (signature.descriptor() == null) {
            String why = signature.problems().get(0).message();
            if (handEdited) {
                throw new JitException(Messages.forMethod(key, store().sourceFile(key) + " no longer declares the "
                        + "method: " + why));
            }
            return new Accepted.Rewritten(write(spec, why));
        }
        Policy policy = engine.policies().of(spec, libraries);
        List<Violation> refused = engine.pipeline().verify(spec, classes, policy);
        if (!refused.isEmpty()) {
            List<String> lines = refused.stream().map(v -> v.forUser(owner)).toList();
            String what = store().sourceFile(key) + ": " + lines.get(0)
                    + (lines.size() > 1 ? " (and " + (lines.size() - 1) + " more)" : "");
            if (handEdited || engine.mode() == Mode.LOCKED) {
                throw new VerificationException(Messages.forMethod(key, "The stored source uses what generated code "
                        + "may not: " + what), lines);
            }
            return new Accepted.Rewritten(write(spec, "the verifier refuses it: " + what));
        }
        Accepted.Checked checked = new Accepted.Checked(engine.pipeline().instrument(spec, classes, policy,
                signature.descriptor()));
        if (stored.isPresent() && stored.get().editedByHand()) {
            Metadata metadata = stored.get().metadata();
            store().save(key, engine.versions().append(spec, metadata,
                    Versions.NewVersion.handEdit(stored.get().source()), metadata.checks(), metadata.addedExamples(),
                    metadata.dependencies()));
        }
        if (!ready.written()) { // a stored method, compiled where it lives and verified: loaded
            engine.pipeline().events().loaded(key, JitListener.Source.COMPILED, start, begun);
        }
        return checked;
    }

    @Override
    public Ready rewrite(MethodRequest method, String reason) {
        MethodSpec spec = spec(method);
        boolean handEdited = store().load(spec.key()).map(this::handEdited).orElse(false);
        return writeStale(spec, handEdited, reason);
    }

    @Override
    public Ready improve(MethodRequest method, String feedback, Example.Case... examples) {
        MethodSpec declared = spec(method);
        MethodKey key = declared.key();
        engine.requireModel(key, "improve a method");
        return store().locked(key, () -> {
            Metadata current = store().load(key).orElseThrow(() -> new JitException(Messages.forMethod(key,
                    "Nothing to improve yet: the method is written on its first call"))).metadata();
            List<ExampleSpec> added = Engine.withNew(current.addedExamples(), Examples.specs(examples));
            MethodSpec spec = declared.withExamples(added);
            Built built = engine.write(spec, place, current, feedback, null, added,
                    engine.resolver().librariesOf(key, current)).built();
            return new Ready(built.source(), store().sourceFile(key), true, built.libraries().jars());
        });
    }

    @Override
    public List<String> stored() {
        return store().list().stream().filter(listed -> listed.owner().equals(owner.id()))
                .map(MethodStore.Listed::signature).sorted().toList();
    }

    @Override
    public List<Version> history(String signature) {
        return store().load(key(signature)).map(stored -> Versions.of(stored.metadata())).orElse(List.of());
    }

    @Override
    public Optional<String> source(String signature) {
        return store().load(key(signature)).map(MethodStore.Stored::source);
    }

    @Override
    public Optional<String> stamp(String signature) {
        return store().stamp(key(signature));
    }

    @Override
    public String policy() {
        return engine.policies().of(spec(MethodRequest.builder("policy").build()), Libraries.NONE).fingerprint();
    }

    @Override
    public BuildCache cache() {
        String id = owner.id();
        return new BuildCache() {
            @Override
            public Optional<Build> read(String key) {
                return store().cache().build(id, key);
            }

            @Override
            public void write(String key, Build build) {
                store().cache().cacheBuild(id, key, build);
            }
        };
    }

    /** Writes the method again because it no longer fits, unless a person wrote it. */
    private Ready writeStale(MethodSpec spec, boolean handEdited, String why) {
        if (handEdited) {
            throw new JitException(Messages.forMethod(spec.key(), store().sourceFile(spec.key()) + " was edited by "
                    + "hand, and " + why + ". jit-java does not overwrite hand edits: fix the file, or delete the .java "
                    + "and .json files to have the method written again"));
        }
        return write(spec, why);
    }

    /** Has the model write the method (first, or again with {@code staleReason}), as the mode allows. */
    private Ready write(MethodSpec declared, String staleReason) {
        MethodKey key = declared.key();
        if (engine.mode() == Mode.LOCKED) {
            throw engine.missing(key, staleReason);
        }
        return store().locked(key, () -> {
            Optional<Metadata> old = store().load(key).map(MethodStore.Stored::metadata);
            List<ExampleSpec> added = old.map(Metadata::addedExamples).orElse(List.of());
            MethodSpec spec = declared.withExamples(added);
            Built built = engine.write(spec, place, old.orElse(null), null, staleReason == null ? null
                    : "regenerated: " + staleReason, added, Libraries.NONE).built();
            return new Ready(built.source(), store().sourceFile(key), true, built.libraries().jars());
        });
    }

    private boolean handEdited(MethodStore.Stored stored) {
        return stored.editedByHand() || stored.metadata().status() == Metadata.Status.EDITED;
    }

    private MethodKey key(String signature) {
        return MethodKey.of(owner.id(), owner.label(), signature);
    }
}
