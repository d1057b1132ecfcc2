package dev.jitjava.internal.engine;

import dev.jitjava.Diagnostic;
import dev.jitjava.JitException;
import dev.jitjava.VerificationException;
import dev.jitjava.internal.dependency.StoredLibraries;
import dev.jitjava.internal.bind.ClassDefiner;
import dev.jitjava.internal.check.CheckPlan;
import dev.jitjava.internal.compile.SourceUnit;
import dev.jitjava.internal.dependency.Libraries;
import dev.jitjava.internal.method.ExampleSpec;
import dev.jitjava.internal.method.MethodKey;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.store.Metadata;
import dev.jitjava.internal.store.MethodStore;
import dev.jitjava.internal.store.Snapshot;
import dev.jitjava.internal.store.SpecRecord;
import dev.jitjava.internal.store.StoreCache;

import java.lang.invoke.MethodHandle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The store's side of a {@link MethodTable}: loads stored methods (through the snapshot when their
 * files are unchanged, else from their files, checking hand edits, stale specs and changed checks),
 * keeps what was compiled and verified in {@code .cache}, and records new versions.
 */
public final class StoredMethods {
    private final MethodStore store;
    private final CodeLoader loader;
    private final Supplier<Generator> generator;
    private final StoredLibraries libraries;
    private final Clock clock;

    /** @param clock when versions are made; null for the system clock, made on first need */
    StoredMethods(MethodStore store, CodeLoader loader, Supplier<Generator> generator, StoredLibraries libraries,
                  Clock clock) {
        this.store = store;
        this.loader = loader;
        this.generator = generator;
        this.libraries = libraries;
        this.clock = clock;
    }

    /** What the store has for a method: its handle, or (handle null) why it must be written again. */
    public record Found(MethodHandle handle, String staleReason) {
        static final Found NOTHING = new Found(null, null);
    }

    /**
     * A stored method loaded and defined (not bound): from the snapshot when its files kept their
     * stamps, else from its files and {@code .cache}; or, handle null, why it must be written again
     * (null reason: it is not stored).
     *
     * @param declared the method's spec as its interface or call declares it
     */
    public Found load(MethodKey key, MethodSpec declared) {
        Found unchanged = fromSnapshot(key, declared);
        if (unchanged != null) {
            return unchanged;
        }
        Optional<MethodStore.Stored> found = store.load(key);
        if (found.isEmpty()) {
            return Found.NOTHING;
        }
        MethodStore.Stored stored = found.get();
        Metadata metadata = stored.metadata();
        boolean handEdited = stored.editedByHand() || Metadata.EDITED.equals(metadata.status());
        SpecRecord wanted = SpecRecord.of(declared);
        if (!metadata.spec().sameAs(wanted)) {
            if (handEdited) {
                throw new JitException(store.sourceFile(key) + " was edited by hand, and since then "
                        + metadata.spec().changesTo(wanted) + ". jit-java does not overwrite hand edits: restore the "
                        + "spec, or delete the .java and .json files to have the method written again, " + key.forMethod());
            }
            return new Found(null, metadata.spec().changesTo(wanted) + " since it was written");
        }
        MethodSpec spec = declared.withExamples(metadata.addedExamples());
        CheckPlan plan = CheckPlan.of(spec);
        boolean recheck = !plan.fingerprint().equals(metadata.checksHash());
        SourceUnit unit = SourceUnit.stored(spec, stored.source());
        Libraries used = librariesOf(key, metadata);
        CodeLoader.Result result;
        String policy = loader.policy(spec, used);
        String cachedName = unit.binaryName() + ClassDefiner.CACHED_SUFFIX;
        StoreCache.LinkedClasses fromCache = null;
        if (recheck) {
            result = loader.load(spec, unit, Optional.empty(), plan, used);
        } else {
            // Verified and instrumented under the same policy before: define them as they are.
            fromCache = store.cache().linkedClasses(key, stored.sourceHash(), policy).orElse(null);
            if (fromCache != null && !fromCache.classes().containsKey(cachedName)) {
                fromCache = null;
            }
            result = fromCache != null
                    ? loader.define(spec, new CodeLoader.Linked(cachedName, fromCache.classes(), fromCache.descriptor()), used)
                    : loader.load(spec, unit, store.cache().cachedClasses(key, stored.sourceHash()), null, used);
        }
        if (!result.violations().isEmpty()) {
            List<String> lines = result.violations().stream()
                    .map(v -> v.forUser(spec.owner().label())).toList();
            throw new VerificationException("The stored source uses what generated code may not: " + store.sourceFile(key)
                    + ": " + lines.get(0) + (lines.size() > 1 ? " (and " + (lines.size() - 1) + " more)" : "")
                    + ", " + key.forMethod(), lines);
        }
        if (result.loaded() == null) {
            throw new JitException("The stored source does not compile: " + fileProblem(key, result.problems())
                    + ". Fix the file, or call improve to have the model change it, " + key.forMethod());
        }
        Metadata updated = metadata;
        if (recheck) {
            List<String> failures = generator.get().runChecks(spec, plan, result.loaded());
            if (!failures.isEmpty()) {
                String why = "its examples or checks changed, and it fails them: " + failures.get(0);
                if (handEdited) {
                    throw new JitException(store.sourceFile(key) + " was edited by hand, and " + why
                            + ". jit-java does not overwrite hand edits: fix the file, or delete the .java and .json "
                            + "files to have the method written again, " + key.forMethod());
                }
                return new Found(null, why);
            }
            updated = updated.withChecks(plan.isEmpty() ? null : new Metadata.Checks(plan.fingerprint(), plan.descriptions()));
        }
        StoreCache.LinkedClasses linked = fromCache != null ? fromCache
                : cache(key, policy, stored.sourceHash(), result.loaded());
        if (stored.editedByHand()) {
            NewVersion edit = new NewVersion(stored.source(), "hand edit", 0, null);
            updated = append(spec, updated, edit, null, "edited by hand", Metadata.EDITED, updated.checks(),
                    updated.addedExamples(), updated.dependencies());
        }
        if (updated != metadata) {
            store.save(key, updated);
        } else {
            store.remember(key, stored, policy, linked, cachedName);
        }
        return new Found(result.loaded().handle(), null);
    }

    /**
     * The method defined from the store's snapshot, without reading its files: null unless its files
     * are unchanged since it last loaded and its spec, checks and policy are still the same.
     */
    private Found fromSnapshot(MethodKey key, MethodSpec declared) {
        Snapshot.Entry kept = store.unchanged(key);
        if (kept == null || !kept.spec().sameAs(SpecRecord.of(declared))) {
            return null;
        }
        MethodSpec spec = declared.withExamples(kept.addedExamples());
        if (!CheckPlan.of(spec).fingerprint().equals(kept.checksHash())
                || !loader.policy(spec, Libraries.NONE).equals(kept.policy())) {
            return null;
        }
        CodeLoader.Result result;
        try {
            result = loader.define(spec, new CodeLoader.Linked(kept.mainName(), kept.classes(), kept.descriptor()),
                    Libraries.NONE);
        } catch (RuntimeException | LinkageError e) {
            return null; // a damaged entry: load from the files, which writes it again
        }
        return new Found(result.loaded().handle(), null);
    }

    /** Checks a method against the store without the model and without binding it: "" if all is well. */
    public String verify(MethodSpec spec) {
        MethodKey key = spec.key();
        Optional<MethodStore.Stored> stored = store.load(key);
        if (stored.isEmpty()) {
            return "missing: " + key.display() + " (" + store.sourceFile(key) + ")";
        }
        SpecRecord wanted = SpecRecord.of(spec);
        Metadata metadata = stored.get().metadata();
        if (!metadata.spec().sameAs(wanted)) {
            return "stale: " + key.display() + ": " + metadata.spec().changesTo(wanted) + " since it was written";
        }
        CodeLoader.Result result;
        try {
            result = loader.load(spec, SourceUnit.stored(spec, stored.get().source()), Optional.empty(), null,
                    librariesOf(key, metadata));
        } catch (JitException e) {
            return "broken: " + key.display() + ": " + e.getMessage();
        }
        return result.loaded() != null ? "" : "broken: " + key.display() + ": " + fileProblem(key, result.problems());
    }

    /** A version to record: from the model, a reviewer's edit, or a hand edit found on load. */
    public record NewVersion(String source, String model, int attempts, Metadata.Tokens tokens) {
        public static NewVersion of(Generator.Generated generated) {
            return new NewVersion(generated.source(), generated.model(), generated.attempts(), generated.tokens());
        }
    }

    /** The metadata with one more version, which becomes the current one. */
    Metadata append(MethodSpec spec, Metadata old, NewVersion version, String feedback, String reason,
                            String status, Metadata.Checks checks, List<ExampleSpec> addedExamples,
                            List<Metadata.Dependency> dependencies) {
        List<Metadata.VersionRecord> versions = new ArrayList<>(old == null ? List.of() : old.versions());
        String created = (clock != null ? clock : Clock.systemUTC()).instant().toString();
        versions.add(new Metadata.VersionRecord(versions.size() + 1, version.model(), created, version.attempts(),
                version.tokens(), feedback, reason, List.of(version.source().split("\n", -1))));
        SpecRecord record = SpecRecord.of(spec);
        String regenerated = reason != null && reason.startsWith("regenerated")
                ? reason : old == null ? null : old.regenerated();
        return new Metadata(spec.key().owner(), spec.key().signature(), status, record.hash(), record, version.model(),
                created, version.attempts(), version.tokens(), SpecRecord.sha256(version.source()), regenerated,
                versions, checks, addedExamples, dependencies);
    }

    /**
     * Keeps javac's classes and the verified, instrumented ones in the store's .cache, for later starts.
     *
     * @return the verified classes as kept
     */
    StoreCache.LinkedClasses cache(MethodKey key, MethodSpec spec, String sourceHash, CodeLoader.Loaded loaded,
                                   Libraries libraries) {
        return cache(key, loader.policy(spec, libraries), sourceHash, loaded);
    }

    /** As {@link #cache(MethodKey, MethodSpec, String, CodeLoader.Loaded, Libraries)}, the policy worked out already. */
    private StoreCache.LinkedClasses cache(MethodKey key, String policy, String sourceHash, CodeLoader.Loaded loaded) {
        if (loaded.classes() != null) {
            store.cache().cacheClasses(key, sourceHash, loaded.classes());
        }
        StoreCache.LinkedClasses linked = new StoreCache.LinkedClasses(
                ClassDefiner.forCache(loaded.linked().classes(), loaded.linked().mainName()), loaded.linked().descriptor());
        store.cache().cacheLinked(key, sourceHash, policy, linked.classes(), linked.descriptor());
        return linked;
    }

    public Libraries librariesOf(MethodKey key, Metadata metadata) {
        return metadata.dependencies().isEmpty() ? Libraries.NONE
                : libraries.restore(metadata.dependencies(), key, store.metadataFile(key));
    }

    private String fileProblem(MethodKey key, List<Diagnostic> problems) {
        Diagnostic first = problems.get(0);
        return store.sourceFile(key) + (first.line() > 0 ? ":" + first.line() : "") + ": " + first.message()
                + (first.sourceLine().isBlank() ? "" : "\n    " + first.sourceLine().strip());
    }
}
