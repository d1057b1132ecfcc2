package dev.jitjava.internal.engine;

import dev.jitjava.Diagnostic;
import dev.jitjava.JitException;
import dev.jitjava.VerificationException;
import dev.jitjava.internal.bind.ClassDefiner;
import dev.jitjava.internal.check.CheckPlan;
import dev.jitjava.internal.compile.SourceUnit;
import dev.jitjava.internal.dependency.Libraries;
import dev.jitjava.internal.dependency.StoredLibraries;
import dev.jitjava.internal.method.Messages;
import dev.jitjava.internal.method.MethodKey;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.store.Metadata;
import dev.jitjava.internal.store.MethodStore;
import dev.jitjava.internal.store.Snapshot;
import dev.jitjava.internal.store.SpecRecord;
import dev.jitjava.internal.store.StoreCache;
import dev.jitjava.spi.JitListener;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds what the store has for an interface's or a {@code JitObject}'s method, and defines it: from
 * the snapshot when its files kept their stamps, else from its files, through the {@code .cache}
 * when it holds the classes, else through the {@link Pipeline}. Notices a changed spec, changed
 * examples, a hand edit (recorded as a version), and stored code that no longer compiles or
 * verifies where it lives (stale, unless it is a hand edit, which is never overwritten).
 */
final class Resolver {
    private final MethodStore store;
    private final Pipeline pipeline;
    private final Policies policies;
    private final StoredLibraries libraries;
    private final Versions versions;

    Resolver(MethodStore store, Pipeline pipeline, Policies policies, StoredLibraries libraries, Versions versions) {
        this.store = store;
        this.pipeline = pipeline;
        this.policies = policies;
        this.libraries = libraries;
        this.versions = versions;
    }

    /**
     * @param declared the method's spec as its interface or call declares it
     * @throws JitException for a hand edit that no longer fits (never overwritten), naming the file
     */
    Lookup find(MethodSpec declared, Placement place) {
        long start = System.nanoTime();
        Object begun = pipeline.events().loadStarting();
        Lookup unchanged = fromSnapshot(declared, place);
        if (unchanged != null) {
            pipeline.events().loaded(declared.key(), JitListener.Source.SNAPSHOT, start, begun);
            return unchanged;
        }
        Lookup found = fromFiles(declared, place);
        if (found instanceof Lookup.Loaded loaded) {
            pipeline.events().loaded(declared.key(), loaded.built().compiled() == null ? JitListener.Source.CACHE
                    : JitListener.Source.COMPILED, start, begun);
        }
        return found;
    }

    /** The method from its files: through the {@code .cache} when it holds the classes, else compiled. */
    private Lookup fromFiles(MethodSpec declared, Placement place) {
        MethodKey key = declared.key();
        Optional<MethodStore.Stored> found = store.load(key);
        if (found.isEmpty()) {
            return new Lookup.Missing();
        }
        MethodStore.Stored stored = found.get();
        Metadata metadata = stored.metadata();
        boolean handEdited = stored.editedByHand() || metadata.status() == Metadata.Status.EDITED;
        SpecRecord wanted = SpecRecord.of(declared);
        if (!metadata.spec().sameAs(wanted)) {
            return stale(key, handEdited, metadata.spec().changesTo(wanted) + " since it was written");
        }
        MethodSpec spec = declared.withExamples(metadata.addedExamples());
        CheckPlan plan = CheckPlan.of(spec);
        boolean recheck = !plan.fingerprint().equals(metadata.checksHash());
        Libraries used = librariesOf(key, metadata);
        Policy policy = policies.of(spec, used);
        String cachedName = SourceUnit.stored(spec, "").binaryName() + ClassDefiner.CACHED_SUFFIX;
        ClassLoader loader = World.loaderOf(spec);
        StoreCache.LinkedClasses fromCache = recheck ? null
                : store.cache().linkedClasses(key, stored.sourceHash(), policy.fingerprint())
                .filter(linked -> linked.classes().containsKey(cachedName))
                .filter(linked -> linked.world().equals(World.of(linked.classes(), loader))).orElse(null);
        Built built;
        if (fromCache != null) { // verified and instrumented under the same policy before: define them as they are
            built = pipeline.defineCached(spec, place, stored.source(),
                    new Linked(cachedName, fromCache.classes(), fromCache.descriptor()), used);
        } else {
            Pipeline.Outcome outcome = pipeline.build(spec, place, stored.source(), recheck ? plan : null, used,
                    store.cache().cachedClasses(key, stored.sourceHash()).filter(compiled ->
                            store.cache().cachedWorld(key, stored.sourceHash()).equals(World.of(compiled, loader))));
            if (outcome instanceof Pipeline.Outcome.Problems problems) {
                return notFitting(key, handEdited, problems, spec);
            }
            built = ((Pipeline.Outcome.Ready) outcome).built();
        }
        Metadata updated = metadata;
        if (recheck) {
            updated = updated.withChecks(plan.isEmpty() ? null : new Metadata.Checks(plan.fingerprint(), plan.descriptions()));
        }
        StoreCache.LinkedClasses linked = fromCache != null ? fromCache : cache(spec, policy, stored.sourceHash(), built);
        if (stored.editedByHand()) {
            updated = versions.append(spec, updated, Versions.NewVersion.handEdit(stored.source()), updated.checks(),
                    updated.addedExamples(), updated.dependencies());
        }
        if (updated != metadata) {
            store.save(key, updated);
        } else {
            store.remember(key, stored, policy.fingerprint() + "/" + linked.world(), linked, cachedName);
        }
        return new Lookup.Loaded(built);
    }

    /**
     * The method defined from the store's snapshot, without reading its files: null unless its files
     * are unchanged since it last loaded and its spec, checks and policy are still the same.
     */
    private Lookup fromSnapshot(MethodSpec declared, Placement place) {
        Snapshot.Entry kept = store.unchanged(declared.key());
        if (kept == null || !kept.spec().sameAs(SpecRecord.of(declared))) {
            return null;
        }
        MethodSpec spec = declared.withExamples(kept.addedExamples());
        if (!CheckPlan.of(spec).fingerprint().equals(kept.checksHash())
                || !(policies.of(spec, Libraries.NONE).fingerprint() + "/"
                + World.of(kept.classes(), World.loaderOf(spec))).equals(kept.policy())) {
            return null;
        }
        try {
            return new Lookup.Loaded(pipeline.defineCached(spec, place, null,
                    new Linked(kept.mainName(), kept.classes(), kept.descriptor()), Libraries.NONE));
        } catch (RuntimeException | LinkageError e) {
            return null; // a damaged entry: load from the files, which writes it again
        }
    }

    /** A stored method whose examples, compilation or verification fail where it lives now. */
    private Lookup notFitting(MethodKey key, boolean handEdited, Pipeline.Outcome.Problems problems, MethodSpec spec) {
        if (!problems.violations().isEmpty()) {
            List<String> lines = problems.violations().stream().map(v -> v.forUser(spec.owner())).toList();
            String what = "the verifier refuses it: " + store.sourceFile(key) + ": " + lines.get(0)
                    + (lines.size() > 1 ? " (and " + (lines.size() - 1) + " more)" : "");
            if (handEdited) {
                throw new VerificationException(Messages.forMethod(key, "The stored source uses what generated code "
                        + "may not: " + store.sourceFile(key) + ": " + lines.get(0)
                        + (lines.size() > 1 ? " (and " + (lines.size() - 1) + " more)" : "")), lines);
            }
            return new Lookup.Stale(what);
        }
        if (problems.checksFailed()) {
            return stale(key, handEdited, "its examples or checks changed, and it fails them: "
                    + problems.problems().get(0).message());
        }
        String where = fileProblem(key, problems.problems());
        if (handEdited) {
            throw new JitException(Messages.forMethod(key, "The stored source does not compile: " + where
                    + "\nFix the file, or call improve to have the model change it"));
        }
        return new Lookup.Stale("it no longer compiles: " + where);
    }

    private Lookup stale(MethodKey key, boolean handEdited, String why) {
        if (handEdited) {
            throw new JitException(Messages.forMethod(key, store.sourceFile(key) + " was edited by hand, and " + why
                    + ". jit-java does not overwrite hand edits: fix the file or restore the spec, or delete the .java "
                    + "and .json files to have the method written again"));
        }
        return new Lookup.Stale(why);
    }

    /** Keeps javac's classes and the verified, instrumented ones in the store's .cache, for later starts. */
    StoreCache.LinkedClasses cache(MethodSpec spec, Policy policy, String sourceHash, Built built) {
        MethodKey key = spec.key();
        ClassLoader loader = World.loaderOf(spec);
        if (built.compiled() != null) {
            store.cache().cacheClasses(key, sourceHash, built.compiled(), World.of(built.compiled(), loader));
        }
        Linked linked = built.linked();
        Map<String, byte[]> classes = ClassDefiner.forCache(linked.classes(), linked.mainName());
        StoreCache.LinkedClasses kept = new StoreCache.LinkedClasses(classes, linked.descriptor(),
                World.of(classes, loader));
        store.cache().cacheLinked(key, sourceHash, policy.fingerprint(), kept);
        return kept;
    }

    Libraries librariesOf(MethodKey key, Metadata metadata) {
        return metadata.dependencies().isEmpty() ? Libraries.NONE
                : libraries.restore(metadata.dependencies(), key, store.metadataFile(key));
    }

    /** {@code .jit/.../countVowels(java.lang.String).java:7: message} with the offending line below. */
    String fileProblem(MethodKey key, List<Diagnostic> problems) {
        Diagnostic first = problems.get(0);
        return store.sourceFile(key) + (first.line() > 0 ? ":" + first.line() : "") + ": " + first.message()
                + (first.sourceLine().isBlank() ? "" : "\n    " + first.sourceLine().strip());
    }

    /**
     * Checks a method against the store without the model and without binding it: "" if all is well,
     * else one line saying what is missing, stale or broken.
     */
    String verify(MethodSpec spec, Placement place) {
        MethodKey key = spec.key();
        Optional<MethodStore.Stored> stored = store.load(key);
        if (stored.isEmpty()) {
            return "missing: " + key.display() + " (" + store.sourceFile(key) + ")";
        }
        Metadata metadata = stored.get().metadata();
        SpecRecord wanted = SpecRecord.of(spec);
        if (!metadata.spec().sameAs(wanted)) {
            return "stale: " + key.display() + ": " + metadata.spec().changesTo(wanted) + " since it was written";
        }
        Pipeline.Outcome outcome;
        try {
            outcome = pipeline.build(spec.withExamples(metadata.addedExamples()), place, stored.get().source(), null,
                    librariesOf(key, metadata), Optional.empty());
        } catch (JitException e) {
            return "broken: " + key.display() + ": " + e.getMessage();
        }
        if (outcome instanceof Pipeline.Outcome.Problems problems) {
            return "broken: " + key.display() + ": " + (problems.violations().isEmpty()
                    ? fileProblem(key, problems.problems())
                    : store.sourceFile(key) + ": " + problems.violations().get(0).forUser(spec.owner()));
        }
        return "";
    }
}
