package dev.jitjava.internal.engine;

import dev.jitjava.Jit;
import dev.jitjava.JitException;
import dev.jitjava.MissingMethodException;
import dev.jitjava.Mode;
import dev.jitjava.RejectedException;
import dev.jitjava.Reviewer;
import dev.jitjava.Version;
import dev.jitjava.internal.dependency.StoredLibraries;
import dev.jitjava.internal.bind.InterfaceBinding;
import dev.jitjava.internal.bind.SingleFlight;
import dev.jitjava.internal.compile.SourceUnit;
import dev.jitjava.internal.dependency.Libraries;
import dev.jitjava.internal.method.ExampleSpec;
import dev.jitjava.internal.method.MethodKey;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.store.Metadata;
import dev.jitjava.internal.store.MethodStore;
import dev.jitjava.internal.store.SpecRecord;

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
public final class MethodTable {
    private final Supplier<Generator> generator;
    private final CodeLoader loader;
    private final MethodStore store;
    private final Mode mode;
    private final Reviewer reviewer;
    private final StoredMethods stored;
    private final ConcurrentHashMap<MethodKey, Entry> entries = new ConcurrentHashMap<>();
    private final SingleFlight<MethodKey, MethodHandle> flights = new SingleFlight<>();

    public MethodTable(Supplier<Generator> generator, CodeLoader loader, MethodStore store, Mode mode, Reviewer reviewer, Clock clock,
                StoredLibraries libraries) {
        this.generator = generator;
        this.loader = loader;
        this.store = store;
        this.mode = mode;
        this.reviewer = reviewer;
        this.stored = new StoredMethods(store, loader, generator, libraries, clock);
    }

    /** A known method. The call site exists from the start for interface methods, from the first version for dynamic ones. */
    public static final class Entry {
        public final MethodKey key;
        private final Supplier<MethodSpec> specSource;
        private MethodSpec spec;
        private MutableCallSite site;
        private boolean fromModel;

        public Entry(MethodKey key, Supplier<MethodSpec> specSource, MutableCallSite site) {
            this.key = key;
            this.specSource = specSource;
            this.site = site;
        }

        /** The spec, built on first need: binding stored methods at start-up needs little of it. */
        public synchronized MethodSpec spec() {
            if (spec == null) {
                spec = specSource.get();
            }
            return spec;
        }

        public synchronized MutableCallSite site() {
            return site;
        }

        /** Whether the bound version was written by the model in this process (rather than loaded). */
        public synchronized boolean fromModel() {
            return fromModel;
        }
    }

    public Entry register(MethodKey key, Supplier<MethodSpec> spec, MutableCallSite site) {
        Entry existing = entries.get(key);
        if (existing != null) {
            return existing;
        }
        Entry created = new Entry(key, spec, site);
        Entry raced = entries.putIfAbsent(key, created);
        return raced != null ? raced : created;
    }

    public Optional<Entry> entry(MethodKey key) {
        return Optional.ofNullable(entries.get(key));
    }

    public List<Entry> entriesOf(String owner) {
        return entries.values().stream().filter(e -> e.key.owner().equals(owner)).toList();
    }

    /** The stored method, bound if it could be loaded. */
    private StoredMethods.Found fromStore(Entry entry) {
        StoredMethods.Found found = stored.load(entry.key, entry.spec());
        if (found.handle() != null) {
            bind(entry, found.handle(), false);
        }
        return found;
    }

    /** The method's bound handle: loaded from the store, or generated if it is missing or stale. */
    public MethodHandle link(MethodKey key) {
        return flights.get(key, loadOrGenerate);
    }

    /** An anonymous class rather than a lambda: it runs on the way to a first call. */
    private final java.util.function.Function<MethodKey, MethodHandle> loadOrGenerate = new java.util.function.Function<>() {
        @Override
        public MethodHandle apply(MethodKey k) {
            Entry entry = entries.get(k);
            StoredMethods.Found found = fromStore(entry);
            if (found.handle() != null) {
                return found.handle();
            }
            if (mode == Mode.LOCKED) {
                throw missing(entry, found.staleReason());
            }
            return store.locked(k, () -> {
                StoredMethods.Found again = fromStore(entry);
                return again.handle() != null ? again.handle() : generateFirst(entry, again.staleReason());
            });
        }
    };

    /**
     * Writes a new version from feedback (and any new examples, which stay part of the spec) and
     * rebinds the method to it.
     */
    public Version improve(MethodKey key, String feedback, List<ExampleSpec> newExamples) {
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
                        stored.librariesOf(key, current)), spec, Optional.of(feedback));
                Metadata updated = stored.append(spec, current, StoredMethods.NewVersion.of(generated), feedback, null, generated.status(),
                        generated.checks(), added, StoredLibraries.record(generated.libraries()));
                store.save(key, updated);
                stored.cache(key, spec, SpecRecord.sha256(generated.source()), generated.loaded(), generated.libraries());
                bind(entry, generated.handle(), true);
                flights.put(key, generated.handle());
                return versions(updated).get(updated.versions().size() - 1);
            });
        }
    }

    /** Checks a method against the store without the model and without binding it: "" if all is well. */
    public String verify(MethodSpec spec) {
        return stored.verify(spec);
    }

    public List<Version> history(MethodKey key) {
        return store.load(key).map(stored -> versions(stored.metadata())).orElse(List.of());
    }

    public String source(MethodKey key) {
        return store.load(key).map(MethodStore.Stored::source).orElseThrow(() -> new JitException(
                "No source yet: the method is written on its first call, " + key.forMethod()));
    }

    private MethodHandle generateFirst(Entry entry, String staleReason) {
        MethodKey key = entry.key;
        Optional<Metadata> stale = store.load(key).map(MethodStore.Stored::metadata);
        List<ExampleSpec> added = stale.map(Metadata::addedExamples).orElse(List.of());
        MethodSpec spec = entry.spec().withExamples(added);
        Generator.Generated generated = review(generator.get().generate(spec, List.of(), null, Libraries.NONE), spec,
                Optional.empty());
        Metadata metadata = stored.append(spec, stale.orElse(null), StoredMethods.NewVersion.of(generated), null,
                staleReason == null ? null : "regenerated: " + staleReason, generated.status(), generated.checks(),
                added, StoredLibraries.record(generated.libraries()));
        store.save(key, metadata);
        stored.cache(key, spec, SpecRecord.sha256(generated.source()), generated.loaded(), generated.libraries());
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

    /** The store's .cache as the keeper of an interface's implementation class. */
    public InterfaceBinding.ClassCache implementationCache(String owner) {
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

    private static List<Version> versions(Metadata metadata) {
        return metadata.versions().stream().map(v -> new Version(v.number(), v.sourceText(),
                Optional.ofNullable(v.feedback()), v.model(), Instant.parse(v.created()), v.attempts())).toList();
    }

    private MissingMethodException missing(Entry entry, String staleReason) {
        MethodKey key = entry.key;
        String what = staleReason == null
                ? "Not in the store (" + store.sourceFile(key) + ")"
                : "Stale in the store: " + staleReason;
        return new MissingMethodException(what + ", and LOCKED mode never calls the model. "
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
