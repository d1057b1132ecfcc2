package dev.jitjava.internal.engine;

import dev.jitjava.CheckFailedException;
import dev.jitjava.JitException;
import dev.jitjava.RejectedException;
import dev.jitjava.VerificationException;
import dev.jitjava.JitObject;
import dev.jitjava.MissingMethodException;
import dev.jitjava.Mode;
import dev.jitjava.Usage;
import dev.jitjava.Version;
import dev.jitjava.internal.bind.InterfaceBinding;
import dev.jitjava.internal.bind.SingleFlight;
import dev.jitjava.internal.dependency.Libraries;
import dev.jitjava.internal.dependency.StoredLibraries;
import dev.jitjava.internal.method.ExampleSpec;
import dev.jitjava.internal.method.InterfaceMethods;
import dev.jitjava.internal.method.Messages;
import dev.jitjava.internal.method.MethodKey;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Owner;
import dev.jitjava.internal.method.Specs;
import dev.jitjava.internal.store.Metadata;
import dev.jitjava.internal.store.MethodStore;
import dev.jitjava.internal.store.SpecRecord;
import dev.jitjava.internal.observe.Conversation;
import dev.jitjava.internal.observe.Events;
import dev.jitjava.spi.JitListener;
import dev.jitjava.spi.HostedMethods;
import dev.jitjava.spi.MethodHost;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MutableCallSite;
import java.lang.invoke.WrongMethodTypeException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one engine behind every host of generated methods: each {@code Jit} has one. It knows every
 * method of its interfaces and {@code JitObject}s with its spec and call site, makes a method
 * exist when it is first called (from the store, else from the model, as the {@link Mode} allows),
 * improves and rebinds methods, and serves {@link MethodHost}s through {@link #host}.
 *
 * <p>Making a method exist is single flight: however many threads call it at once, one loads or
 * generates it and the others wait for that result; across processes, the store's lock per method
 * does the same. Failures are not kept: the next call tries again. Improving is serialized per
 * method and rebinds the call site: calls under way finish on the old version.
 */
public final class Engine {
    private final Settings settings;
    private final MethodStore store;
    private final Policies policies;
    private final Pipeline pipeline;
    private final Resolver resolver;
    private final Versions versions;
    private final Generations generation = new Generations();
    private final Events events;
    private final UnitPlacement units = new UnitPlacement(this::trialSelf);
    private final ConcurrentHashMap<MethodKey, Entry> entries = new ConcurrentHashMap<>();
    private final SingleFlight<MethodKey, MethodHandle> flights = new SingleFlight<>();
    private final ConcurrentHashMap<Class<?>, Bound> bindings = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, JitObject> objects = new ConcurrentHashMap<>();

    /** An interface's implementation and its methods' keys, in the binding's order. */
    private record Bound(InterfaceBinding binding, List<MethodKey> keys) {
    }

    public Engine(Settings settings) {
        this.settings = settings;
        this.store = new MethodStore(settings.store());
        this.policies = new Policies(settings.grants(), settings.allowedTypes(), settings.allowedPackages(),
                settings.cpuBudget(), settings.memoryBudget(), settings.wallBudget(), settings.dependencies());
        this.events = new Events(settings.observing().listeners());
        this.pipeline = new Pipeline(policies, settings.checkRunner(), events);
        this.versions = new Versions(settings.clock());
        this.resolver = new Resolver(store, pipeline, policies,
                new StoredLibraries(settings.dependencies(), settings.resolver()), versions);
    }

    /**
     * The model's side, made on first need: a start that only binds stored methods never loads it (a
     * lambda would: its return type is resolved when the lambda is made).
     */
    private final class Generations {
        private Generation made;

        synchronized Generation get() {
            if (made == null) {
                made = new Generation(settings.models(), settings.maxAttempts(), pipeline, policies, settings.tools());
            }
            return made;
        }
    }

    /** A known method. The call site exists from the start for interface methods, from the first version for dynamic ones. */
    public static final class Entry {
        private final MethodKey key;
        private final Supplier<MethodSpec> specSource;
        private MethodSpec spec;
        private MutableCallSite site;
        private boolean fromModel;

        Entry(MethodKey key, Supplier<MethodSpec> specSource, MutableCallSite site) {
            this.key = key;
            this.specSource = specSource;
            this.site = site;
        }

        public MethodKey key() {
            return key;
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

    // ---- interfaces and objects ----------------------------------------------------------------

    /** An object implementing the interface, whose abstract methods are linked on their first call. */
    public Object implement(Class<?> iface) {
        return bindings.computeIfAbsent(iface, this::bind).binding().newInstance();
    }

    /** The keys of an interface's generated methods, binding it first if needed. */
    public List<MethodKey> keysOf(Class<?> iface) {
        return bindings.computeIfAbsent(iface, this::bind).keys();
    }

    /** The keys of an interface this engine has bound, or null. */
    public List<MethodKey> boundKeys(Class<?> iface) {
        Bound bound = bindings.get(iface);
        return bound == null ? null : bound.keys();
    }

    private Bound bind(Class<?> iface) {
        InterfaceValidation.validate(iface);
        Owner.Interface owner = Owner.Interface.of(iface);
        List<Method> methods = InterfaceMethods.toGenerate(iface);
        List<MethodKey> keys = new ArrayList<>(methods.size());
        for (Method method : methods) {
            keys.add(Specs.key(owner, method));
        }
        InterfaceBinding binding = InterfaceBinding.create(iface, methods, keys, key -> link((MethodKey) key),
                implementationCache(iface.getName()));
        Supplier<List<MethodSpec>> specs = Lazy.of(() -> Specs.forInterface(owner, methods));
        for (int i = 0; i < methods.size(); i++) {
            int index = i;
            register(keys.get(i), () -> specs.get().get(index), binding.site(i));
        }
        return new Bound(binding, keys);
    }

    /** Registers the object of a namespace: its methods are tried on it. */
    public JitObject object(String namespace, java.util.function.Function<String, JitObject> create) {
        return objects.computeIfAbsent(namespace, create);
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

    /** The method's bound handle: loaded from the store, or generated if it is missing or stale. */
    public MethodHandle link(MethodKey key) {
        return flights.get(key, this::loadOrGenerate);
    }

    private MethodHandle loadOrGenerate(MethodKey key) {
        Entry entry = entries.get(key);
        Lookup found = load(entry);
        if (found instanceof Lookup.Loaded loaded) {
            return loaded.built().handle();
        }
        String staleReason = found instanceof Lookup.Stale stale ? stale.reason() : null;
        if (settings.mode() == Mode.LOCKED) {
            throw missing(key, staleReason);
        }
        return store.locked(key, () -> {
            Lookup again = load(entry);
            if (again instanceof Lookup.Loaded loaded) {
                return loaded.built().handle();
            }
            return generateFirst(entry, again instanceof Lookup.Stale stale ? stale.reason() : null);
        });
    }

    /** The stored method, bound if it could be loaded. */
    private Lookup load(Entry entry) {
        Lookup found = resolver.find(entry.spec(), units);
        if (found instanceof Lookup.Loaded loaded) {
            bindSite(entry, loaded.built().handle(), false);
        }
        return found;
    }

    private MethodHandle generateFirst(Entry entry, String staleReason) {
        MethodKey key = entry.key;
        Optional<Metadata> stale = store.load(key).map(MethodStore.Stored::metadata);
        List<ExampleSpec> added = stale.map(Metadata::addedExamples).orElse(List.of());
        MethodSpec spec = entry.spec().withExamples(added);
        Built built = write(spec, units, stale.orElse(null), null, staleReason == null ? null
                : "regenerated: " + staleReason, added, Libraries.NONE).built();
        bindSite(entry, built.handle(), true);
        return built.handle();
    }

    /**
     * Writes a new version from feedback (and any new examples, which stay part of the spec) and
     * rebinds the method to it.
     */
    public Version improve(MethodKey key, String feedback, List<ExampleSpec> newExamples) {
        Entry entry = entries.get(key);
        requireModel(key, "improve a method");
        synchronized (entry) {
            if (store.load(key).isEmpty()) {
                throw new JitException(Messages.forMethod(key, "Nothing to improve yet: the method is written on its "
                        + "first call, so call it once before improving it"));
            }
            link(key);
            return store.locked(key, () -> {
                Metadata current = store.load(key).orElseThrow().metadata();
                List<ExampleSpec> added = withNew(current.addedExamples(), newExamples);
                MethodSpec spec = entry.spec().withExamples(added);
                Recorded recorded = write(spec, units, current, feedback, null, added, resolver.librariesOf(key, current));
                bindSite(entry, recorded.built().handle(), true);
                flights.put(key, recorded.built().handle());
                List<Version> all = Versions.of(recorded.metadata());
                return all.get(all.size() - 1);
            });
        }
    }

    /** Checks a method against the store without the model and without binding it: "" if all is well. */
    public String verify(MethodSpec spec) {
        return resolver.verify(spec, units);
    }

    public List<Version> history(MethodKey key) {
        return store.load(key).map(stored -> Versions.of(stored.metadata())).orElse(List.of());
    }

    public String source(MethodKey key) {
        return store.load(key).map(MethodStore.Stored::source).orElseThrow(() -> new JitException(
                Messages.forMethod(key, "No source yet: the method is written on its first call")));
    }

    /** What this engine's models were asked so far. */
    public Usage usage() {
        return generation.get().usage();
    }

    /** The engine's side of a host. */
    public HostedMethods host(MethodHost host) {
        return new HostSession(this, new HostPlacement(host));
    }

    // ---- shared with HostSession ---------------------------------------------------------------

    MethodStore store() {
        return store;
    }

    Pipeline pipeline() {
        return pipeline;
    }

    Policies policies() {
        return policies;
    }

    Resolver resolver() {
        return resolver;
    }

    Versions versions() {
        return versions;
    }

    Mode mode() {
        return settings.mode();
    }

    /** A new version, recorded: what binds, and the metadata it was recorded in. */
    record Recorded(Built built, Metadata metadata) {
    }

    /**
     * The one path of every version the model writes, whatever the host: generation with its repair
     * loop, review, record. Watched: its figures go to JFR and the listeners, its conversation to a
     * transcript beside the version (or, when it fails, to the {@code .cache}, where nothing else is stored).
     *
     * @param old       the metadata so far, or null for a first version
     * @param feedback  what to change (an improvement), or null
     * @param reason    why it is written again without feedback (a stale method), or null
     * @param added     examples given to {@code improve}, part of the spec from now on
     * @param libraries the libraries it starts with
     */
    Recorded write(MethodSpec spec, Placement place, Metadata old, String feedback, String reason,
                   List<ExampleSpec> added, Libraries libraries) {
        Conversation conversation = events.conversation(spec.key().display(), settings.observing());
        try {
            Generation.Generated generated = generation.get().write(spec, place,
                    feedback == null || old == null ? List.of() : Versions.of(old), feedback, libraries, conversation);
            Review.Reviewed reviewed = new Review(settings.mode(), settings.reviewer(), pipeline)
                    .review(spec, place, generated, Optional.ofNullable(feedback));
            return record(spec, old, reviewed, feedback, reason, added, conversation);
        } catch (RuntimeException e) {
            JitListener.Generation figures = conversation.figures(outcomeOf(e), 0);
            try {
                store.saveFailedTranscript(spec.key(), conversation.transcript(figures, e.getMessage()));
            } catch (RuntimeException notKept) {
                e.addSuppressed(notKept);
            }
            events.generated(conversation, figures);
            throw e;
        }
    }

    /** What a failed generation came to, by what it throws. */
    private static JitListener.Outcome outcomeOf(RuntimeException failure) {
        if (failure instanceof VerificationException) {
            return JitListener.Outcome.VERIFIER_REFUSED;
        }
        if (failure instanceof CheckFailedException) {
            return JitListener.Outcome.CHECKS_FAILED;
        }
        return failure instanceof RejectedException ? JitListener.Outcome.REVIEWER_REJECTED : JitListener.Outcome.FAILED;
    }

    /**
     * Stores a new version with its metadata (its transcript first), and keeps its classes in the
     * .cache when they live in a unit.
     */
    private Recorded record(MethodSpec spec, Metadata old, Review.Reviewed reviewed, String feedback, String reason,
                            List<ExampleSpec> added, Conversation conversation) {
        Generation.Generated generated = reviewed.generated();
        Built built = reviewed.built();
        Versions.NewVersion version = new Versions.NewVersion(built.source(), generated.model(), generated.attempts(),
                generated.tokens(), feedback, reason, reviewed.status(), generated.requests(), generated.cost());
        Metadata metadata = versions.append(spec, old, version, generated.checks(), added,
                dev.jitjava.internal.dependency.StoredLibraries.record(built.libraries()));
        JitListener.Generation figures = conversation.figures(JitListener.Outcome.BOUND, metadata.current().number());
        // The transcript before the metadata: a crash between them leaves a transcript the next version replaces.
        store.saveTranscript(spec.key(), figures.version(), conversation.transcript(figures, null));
        store.save(spec.key(), metadata);
        if (built.handle() != null) {
            resolver.cache(spec, policies.of(spec, built.libraries()), SpecRecord.sha256(built.source()), built);
        }
        events.generated(conversation, figures);
        return new Recorded(built, metadata);
    }

    /** LOCKED never calls the model: say so, with what to do. */
    void requireModel(MethodKey key, String what) {
        if (settings.mode() == Mode.LOCKED) {
            throw new MissingMethodException(Messages.forMethod(key, "LOCKED mode never calls the model, so it cannot "
                    + what + ": do it in AUTO or REVIEW mode and commit the store"));
        }
    }

    MissingMethodException missing(MethodKey key, String staleReason) {
        String what = staleReason == null
                ? "Not in the store (" + store.sourceFile(key) + ")"
                : "Stale in the store: " + staleReason;
        return new MissingMethodException(Messages.forMethod(key, what + ", and LOCKED mode never calls the model. "
                + "Generate it in AUTO mode (JIT_MODE=auto, or jit.prepare(...)) and commit the store"));
    }

    static List<ExampleSpec> withNew(List<ExampleSpec> existing, List<ExampleSpec> more) {
        List<ExampleSpec> all = new ArrayList<>(existing);
        more.stream().filter(e -> !all.contains(e)).forEach(all::add);
        return all;
    }

    // ---- binding -------------------------------------------------------------------------------

    /** The object a candidate is tested on before it is bound: see {@link InterfaceBinding#trial}. */
    private Object trialSelf(MethodSpec spec, MethodHandle candidate) {
        if (spec.owner() instanceof Owner.DynamicObject object) {
            return objects.get(object.namespace());
        }
        Bound bound = bindings.get(spec.owner().selfType());
        return bound.binding().trial(bound.keys().indexOf(spec.key()), candidate);
    }

    /** The store's .cache as the keeper of an interface's implementation class. */
    private InterfaceBinding.ClassCache implementationCache(String owner) {
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

    private void bindSite(Entry entry, MethodHandle handle, boolean fromModel) {
        synchronized (entry) {
            entry.fromModel = fromModel;
            if (entry.site == null) {
                entry.site = new MutableCallSite(handle);
                return;
            }
            try {
                entry.site.setTarget(handle.asType(entry.site.type()));
            } catch (WrongMethodTypeException e) {
                throw new JitException(Messages.forMethod(entry.key, "The new version returns "
                        + handle.type().returnType().getName() + " where callers expect "
                        + entry.site.type().returnType().getName()), e);
            }
            MutableCallSite.syncAll(new MutableCallSite[]{entry.site});
        }
    }
}
