package dev.jitjava;

import dev.jitjava.bind.ClassDefiner;
import dev.jitjava.bind.InterfaceBinding;
import dev.jitjava.bind.SingleFlight;
import dev.jitjava.check.CheckPlan;
import dev.jitjava.compile.SourceUnit;
import dev.jitjava.dependency.Libraries;
import dev.jitjava.prompt.ExampleSpec;
import dev.jitjava.prompt.MethodKey;
import dev.jitjava.prompt.MethodSpec;
import dev.jitjava.store.Metadata;
import dev.jitjava.store.MethodStore;
import dev.jitjava.store.Snapshot;
import dev.jitjava.store.StoreCache;
import dev.jitjava.store.SpecRecord;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MutableCallSite;
import java.lang.invoke.WrongMethodTypeException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every method one {@code Jit} knows, with its spec and its call site, backed by the store.
 *
 * <p>Making a method exist is single flight: however many threads call it at once, one loads or
 * generates it and the others wait for that result; across processes, the store's lock per method
 * does the same. A method whose stored spec matches is loaded without the model. Improving is
 * serialized per method and rebinds the call site: calls under way finish on the old version.
 */
final class MethodTable {
    private final Supplier<Generator> generator;
    private final CodeLoader loader;
    private final MethodStore store;
    private final Mode mode;
    private final Reviewer reviewer;
    private final Clock clock;
    private final StoredLibraries libraries;
    private final ConcurrentHashMap<MethodKey, Entry> entries = new ConcurrentHashMap<>();
    private final SingleFlight<MethodKey, MethodHandle> flights = new SingleFlight<>();

    MethodTable(Supplier<Generator> generator, CodeLoader loader, MethodStore store, Mode mode, Reviewer reviewer, Clock clock,
                StoredLibraries libraries) {
        this.generator = generator;
        this.libraries = libraries;
        this.loader = loader;
        this.store = store;
        this.mode = mode;
        this.reviewer = reviewer;
        this.clock = clock;
    }

    /** A known method. The call site exists from the start for interface methods, from the first version for dynamic ones. */
    static final class Entry {
        final MethodKey key;
        private final Supplier<MethodSpec> specSource;
        private MethodSpec spec;
        private MutableCallSite site;
        private boolean fromModel;

        Entry(MethodKey key, Supplier<MethodSpec> specSource, MutableCallSite site) {
            this.key = key;
            this.specSource = specSource;
            this.site = site;
        }

        /** The spec, built on first need: binding stored methods at start-up needs little of it. */
        synchronized MethodSpec spec() {
            if (spec == null) {
                spec = specSource.get();
            }
            return spec;
        }

        synchronized MutableCallSite site() {
            return site;
        }

        /** Whether the bound version was written by the model in this process (rather than loaded). */
        synchronized boolean fromModel() {
            return fromModel;
        }
    }

    Entry register(MethodKey key, Supplier<MethodSpec> spec, MutableCallSite site) {
        Entry existing = entries.get(key);
        if (existing != null) {
            return existing;
        }
        Entry created = new Entry(key, spec, site);
        Entry raced = entries.putIfAbsent(key, created);
        return raced != null ? raced : created;
    }

    Optional<Entry> entry(MethodKey key) {
        return Optional.ofNullable(entries.get(key));
    }

    List<Entry> entriesOf(String owner) {
        return entries.values().stream().filter(e -> e.key.owner().equals(owner)).toList();
    }

    /** What the store has for a method: its bound handle, or (handle null) why it must be written again. */
    private record Lookup(MethodHandle handle, String staleReason) {
        static final Lookup NOTHING = new Lookup(null, null);
    }

    /** The method's bound handle: loaded from the store, or generated if it is missing or stale. */
    MethodHandle link(MethodKey key) {
        return flights.get(key, loadOrGenerate);
    }

    /** An anonymous class rather than a lambda: it runs on the way to a first call. */
    private final java.util.function.Function<MethodKey, MethodHandle> loadOrGenerate = new java.util.function.Function<>() {
        @Override
        public MethodHandle apply(MethodKey k) {
            Entry entry = entries.get(k);
            Lookup found = fromStore(entry);
            if (found.handle() != null) {
                return found.handle();
            }
            if (mode == Mode.LOCKED) {
                throw missing(entry, found.staleReason());
            }
            return store.locked(k, () -> {
                Lookup again = fromStore(entry);
                return again.handle() != null ? again.handle() : generateFirst(entry, again.staleReason());
            });
        }
    };

    /**
     * Writes a new version from feedback (and any new examples, which stay part of the spec) and
     * rebinds the method to it.
     */
    Version improve(MethodKey key, String feedback, List<ExampleSpec> newExamples) {
        Entry entry = entries.get(key);
        if (mode == Mode.LOCKED) {
            throw new MissingMethodException("LOCKED mode never calls the model, so it cannot improve a method: "
                    + "improve it in AUTO or REVIEW mode and commit the store, " + key.forMethod());
        }
        synchronized (entry) {
            if (store.load(key).isEmpty()) {
                throw new JitException("Nothing to improve yet: the method is written on its first call, so call it "
                        + "once before improving it, " + key.forMethod());
            }
            link(key);
            return store.locked(key, () -> {
                Metadata current = store.load(key).orElseThrow().metadata();
                List<ExampleSpec> added = new ArrayList<>(current.addedExamples());
                newExamples.stream().filter(e -> !added.contains(e)).forEach(added::add);
                MethodSpec spec = entry.spec().withExamples(added);
                Generator.Generated generated = review(generator.get().generate(spec, versions(current), feedback,
                        librariesOf(key, current)), spec, Optional.of(feedback));
                Metadata updated = append(spec, current, NewVersion.of(generated), feedback, null, generated.status(),
                        generated.checks(), added, StoredLibraries.record(generated.libraries()));
                store.save(key, updated);
                cache(key, spec, SpecRecord.sha256(generated.source()), generated.loaded(), generated.libraries());
                bind(entry, generated.handle(), true);
                flights.put(key, generated.handle());
                return versions(updated).get(updated.versions().size() - 1);
            });
        }
    }

    List<Version> history(MethodKey key) {
        return store.load(key).map(stored -> versions(stored.metadata())).orElse(List.of());
    }

    String source(MethodKey key) {
        return store.load(key).map(MethodStore.Stored::source).orElseThrow(() -> new JitException(
                "No source yet: the method is written on its first call, " + key.forMethod()));
    }

    /** Checks a method against the store without the model and without binding it: "" if all is well. */
    String verify(MethodSpec spec) {
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

    private Lookup fromStore(Entry entry) {
        Lookup unchanged = fromSnapshot(entry);
        if (unchanged != null) {
            return unchanged;
        }
        MethodKey key = entry.key;
        Optional<MethodStore.Stored> found = store.load(key);
        if (found.isEmpty()) {
            return Lookup.NOTHING;
        }
        MethodStore.Stored stored = found.get();
        Metadata metadata = stored.metadata();
        boolean handEdited = stored.editedByHand() || Metadata.EDITED.equals(metadata.status());
        SpecRecord wanted = SpecRecord.of(entry.spec());
        if (!metadata.spec().sameAs(wanted)) {
            if (handEdited) {
                throw new JitException(store.sourceFile(key) + " was edited by hand, and since then "
                        + metadata.spec().changesTo(wanted) + ". jit-java does not overwrite hand edits: restore the "
                        + "spec, or delete the .java and .json files to have the method written again, " + key.forMethod());
            }
            return new Lookup(null, metadata.spec().changesTo(wanted) + " since it was written");
        }
        MethodSpec spec = entry.spec().withExamples(metadata.addedExamples());
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
                return new Lookup(null, why);
            }
            updated = updated.withChecks(plan.isEmpty() ? null : new Metadata.Checks(plan.fingerprint(), plan.descriptions()));
        }
        StoreCache.LinkedClasses linked = fromCache != null ? fromCache
                : cache(key, spec, stored.sourceHash(), result.loaded(), used);
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
        bind(entry, result.loaded().handle(), false);
        return new Lookup(result.loaded().handle(), null);
    }

    /**
     * The method bound from the store's snapshot, without reading its files: null unless its files
     * are unchanged since it last loaded and its spec, checks and policy are still the same.
     */
    private Lookup fromSnapshot(Entry entry) {
        Snapshot.Entry kept = store.unchanged(entry.key);
        if (kept == null || !kept.spec().sameAs(SpecRecord.of(entry.spec()))) {
            return null;
        }
        MethodSpec spec = entry.spec().withExamples(kept.addedExamples());
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
        bind(entry, result.loaded().handle(), false);
        return new Lookup(result.loaded().handle(), null);
    }

    private MethodHandle generateFirst(Entry entry, String staleReason) {
        MethodKey key = entry.key;
        Optional<Metadata> stale = store.load(key).map(MethodStore.Stored::metadata);
        List<ExampleSpec> added = stale.map(Metadata::addedExamples).orElse(List.of());
        MethodSpec spec = entry.spec().withExamples(added);
        Generator.Generated generated = review(generator.get().generate(spec, List.of(), null, Libraries.NONE), spec,
                Optional.empty());
        Metadata metadata = append(spec, stale.orElse(null), NewVersion.of(generated), null,
                staleReason == null ? null : "regenerated: " + staleReason, generated.status(), generated.checks(),
                added, StoredLibraries.record(generated.libraries()));
        store.save(key, metadata);
        cache(key, spec, SpecRecord.sha256(generated.source()), generated.loaded(), generated.libraries());
        bind(entry, generated.handle(), true);
        return generated.handle();
    }

    /** In REVIEW mode, shows the new version to the reviewer, who may approve, reject or edit it. */
    private Generator.Generated review(Generator.Generated generated, MethodSpec spec, Optional<String> feedback) {
        if (mode != Mode.REVIEW) {
            return generated;
        }
        Reviewer.Decision decision = reviewer.review(new Reviewer.Review(spec.key().display(), generated.source(),
                generated.request(), feedback));
        return switch (decision.kind()) {
            case APPROVE -> generated.withStatus(Metadata.APPROVED);
            case REJECT -> throw new RejectedException("The reviewer rejected the new version (" + decision.reason()
                    + "); nothing was stored, " + spec.key().forMethod());
            case EDIT -> {
                CodeLoader.Result edited = loader.load(spec, SourceUnit.stored(spec, decision.source()), Optional.empty(),
                        null, generated.libraries());
                if (edited.loaded() == null) {
                    throw new JitException("The reviewer's edit does not compile: " + edited.problems().get(0).describe()
                            + "; nothing was stored, " + spec.key().forMethod());
                }
                yield generated.edited(decision.source(), edited.loaded());
            }
        };
    }

    /** A version to record: from the model, a reviewer's edit, or a hand edit found on load. */
    private record NewVersion(String source, String model, int attempts, Metadata.Tokens tokens) {
        static NewVersion of(Generator.Generated generated) {
            return new NewVersion(generated.source(), generated.model(), generated.attempts(), generated.tokens());
        }
    }

    /** The metadata with one more version, which becomes the current one. */
    private Metadata append(MethodSpec spec, Metadata old, NewVersion version, String feedback, String reason,
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

    /** The store's .cache as the keeper of an interface's implementation class. */
    InterfaceBinding.ClassCache implementationCache(String owner) {
        return new InterfaceBinding.ClassCache() {
            @Override
            public byte[] read(String key) {
                return store.cache().implementationClass(owner, key);
            }

            @Override
            public void write(String key, byte[] bytes) {
                store.cache().cacheImplementationClass(owner, key, bytes);
            }
        };
    }

    /**
     * Keeps javac's classes and the verified, instrumented ones in the store's .cache, for later starts.
     *
     * @return the verified classes as kept
     */
    private StoreCache.LinkedClasses cache(MethodKey key, MethodSpec spec, String sourceHash, CodeLoader.Loaded loaded,
                                           Libraries libraries) {
        if (loaded.classes() != null) {
            store.cache().cacheClasses(key, sourceHash, loaded.classes());
        }
        StoreCache.LinkedClasses linked = new StoreCache.LinkedClasses(
                ClassDefiner.forCache(loaded.linked().classes(), loaded.linked().mainName()), loaded.linked().descriptor());
        store.cache().cacheLinked(key, sourceHash, loader.policy(spec, libraries), linked.classes(), linked.descriptor());
        return linked;
    }

    private Libraries librariesOf(MethodKey key, Metadata metadata) {
        return metadata.dependencies().isEmpty() ? Libraries.NONE
                : libraries.restore(metadata.dependencies(), key, store.metadataFile(key));
    }

    private static List<Version> versions(Metadata metadata) {
        return metadata.versions().stream().map(v -> new Version(v.number(), v.sourceText(),
                Optional.ofNullable(v.feedback()), v.model(), Instant.parse(v.created()), v.attempts())).toList();
    }

    private String fileProblem(MethodKey key, List<Diagnostic> problems) {
        Diagnostic first = problems.get(0);
        return store.sourceFile(key) + (first.line() > 0 ? ":" + first.line() : "") + ": " + first.message()
                + (first.sourceLine().isBlank() ? "" : "\n    " + first.sourceLine().strip());
    }

    private MissingMethodException missing(Entry entry, String staleReason) {
        MethodKey key = entry.key;
        String what = staleReason == null
                ? "is not in the store (" + store.sourceFile(key) + ")"
                : "is stale in the store: " + staleReason;
        return new MissingMethodException(key.display() + " " + what + ", and LOCKED mode never calls the model. "
                + "Generate it in AUTO mode (JIT_MODE=auto, or jit.prepare(...)) and commit the store, "
                + key.forMethod());
    }

    private void bind(Entry entry, MethodHandle handle, boolean fromModel) {
        synchronized (entry) {
            entry.fromModel = fromModel;
            if (entry.site == null) {
                entry.site = new MutableCallSite(handle);
                return;
            }
            try {
                entry.site.setTarget(handle.asType(entry.site.type()));
            } catch (WrongMethodTypeException e) {
                throw new JitException("The new version returns " + handle.type().returnType().getName()
                        + " where callers expect " + entry.site.type().returnType().getName() + ", "
                        + entry.key.forMethod(), e);
            }
            MutableCallSite.syncAll(new MutableCallSite[]{entry.site});
        }
    }
}
