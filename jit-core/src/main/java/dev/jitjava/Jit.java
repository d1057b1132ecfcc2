package dev.jitjava;

import dev.jitjava.internal.dependency.StoredLibraries;
import dev.jitjava.internal.engine.CodeLoader;
import dev.jitjava.internal.engine.ConsoleReviewer;
import dev.jitjava.internal.engine.Generator;
import dev.jitjava.internal.engine.InterfaceValidation;
import dev.jitjava.internal.engine.MethodQueries;
import dev.jitjava.internal.engine.MethodTable;
import dev.jitjava.internal.method.Examples;
import dev.jitjava.internal.model.Models;
import dev.jitjava.internal.bind.BuildTimeClasses;
import dev.jitjava.internal.bind.InterfaceBinding;
import dev.jitjava.runtime.Linker;
import dev.jitjava.internal.check.CheckRunner;
import dev.jitjava.internal.dependency.DependencyGrant;
import dev.jitjava.internal.dependency.MavenResolver;
import dev.jitjava.internal.tools.Toolbox;
import dev.jitjava.internal.method.InterfaceMethods;
import dev.jitjava.internal.method.MethodKey;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Owner;
import dev.jitjava.internal.method.Specs;
import dev.jitjava.internal.model.ModelConfig;
import dev.jitjava.internal.model.ModelSettings;
import dev.jitjava.internal.model.Providers;
import dev.jitjava.internal.model.RetryPolicy;
import dev.jitjava.internal.store.MethodStore;
import dev.langchain4j.model.chat.ChatModel;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static java.util.stream.Collectors.toList;

/**
 * Just-in-time methods: an interface's abstract methods, or a {@link JitObject}'s methods, are
 * written by a language model on their first call, compiled, bound and run. Later calls run the
 * bound code directly.
 *
 * <pre>{@code
 * Jit jit = Jit.builder().model(chatModel).build();
 * Numbers numbers = jit.implement(Numbers.class);
 * numbers.countVowels("jit");                       // written on this first call, then run
 * jit.improve(Numbers.class, "countVowels", "also count y as a vowel");
 * }</pre>
 *
 * <p>Thread safety: a {@code Jit} and the objects it returns may be used from any number of
 * threads. When many threads call a method that does not exist yet, one of them generates it
 * and the others wait for it; different methods are generated in parallel. Generation runs in
 * the calling thread. A failed generation is not remembered: the next call tries again.
 *
 * <p>Generated methods are kept in the store ({@code .jit/} unless {@link Builder#store} or
 * {@code JIT_STORE} says otherwise), as readable {@code .java} files with metadata, and later
 * runs load them from there without the model. {@link Mode} says when the model may be called.
 */
public final class Jit {
    private final MethodTable table;
    private final ConcurrentHashMap<Class<?>, Bound> bindings = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, JitObject> objects = new ConcurrentHashMap<>();
    private final BuildTimeClasses buildTime = new BuildTimeClasses();

    private record Bound(InterfaceBinding binding, List<MethodKey> keys) {
    }

    private final java.util.function.Function<Class<?>, Bound> binder = new java.util.function.Function<>() {
        @Override
        public Bound apply(Class<?> iface) {
            return bind(iface);
        }
    };

    private final Supplier<Generator> generator;

    private Jit(Builder builder, Reviewer reviewer) {
        CodeLoader loader = new CodeLoader(builder.grants, builder.cpuBudget, builder.memoryBudget, builder.dependencies);
        // Anonymous classes, not lambdas, on the way to a first call: a process that only loads stored
        // methods then never starts the lambda machinery (tens of milliseconds). Maven Resolver's
        // classes load only when a library is resolved.
        MavenResolver given = builder.resolver;
        Supplier<MavenResolver> resolver = memoize(new Supplier<>() {
            @Override
            public MavenResolver get() {
                return given != null ? given : MavenResolver.fromSystemProperties();
            }
        });
        ModelConfig fixed = builder.config;
        Supplier<ModelConfig> config = new Supplier<>() {
            @Override
            public ModelConfig get() {
                return fixed != null ? fixed : ModelConfig.fromEnvironment();
            }
        };
        ChatModel model = builder.model;
        ModelSettings settings = builder.settings;
        int maxAttempts = builder.maxAttempts;
        Duration checkTimeout = builder.checkTimeout;
        DependencyGrant dependencies = builder.dependencies;
        int maxToolCalls = builder.maxToolCalls;
        // Made when first needed: a start that only loads stored methods never loads the generation classes.
        this.generator = memoize(new Supplier<>() {
            @Override
            public Generator get() {
                Generator.Trials trials = new Generator.Trials() {
                    @Override
                    public Object self(MethodSpec spec, java.lang.invoke.MethodHandle candidate) {
                        return trialSelf(spec, candidate);
                    }
                };
                return new Generator(new Models(model, settings, memoize(config)), maxAttempts, loader,
                        new CheckRunner(checkTimeout), trials, new Toolbox.Settings(dependencies, maxToolCalls, resolver));
            }
        });
        this.table = new MethodTable(generator, loader, new MethodStore(builder.store), builder.mode, reviewer,
                builder.clock,
                new StoredLibraries(builder.dependencies, resolver));
    }

    /** A builder; {@link Builder#model} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A {@code Jit} whose model comes from the environment and {@code jit.properties} (working
     * directory, then {@code ~/.jit/}; the environment wins): {@code JIT_MODEL=provider:model} with
     * the provider's usual variables ({@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL},
     * {@code ANTHROPIC_API_KEY}, {@code GEMINI_API_KEY}, {@code OLLAMA_BASE_URL}, ...). Without
     * {@code JIT_MODEL}: the first provider whose key is set, else a local Ollama if one answers.
     * Store and mode come from {@code JIT_STORE} and {@code JIT_MODE}.
     *
     * @throws JitException listing what to set, when no model can be found
     */
    public static Jit create() {
        return create(ModelConfig.fromEnvironment());
    }

    static Jit create(ModelConfig config) {
        return create(config, null);
    }

    /** With {@code policy} null, the standard retry policy for the configured number of retries. */
    static Jit create(ModelConfig config, RetryPolicy policy) {
        Mode mode = Builder.parseMode(config.value("JIT_MODE", "auto"));
        Builder builder = builder().store(Path.of(config.value("JIT_STORE", ".jit"))).mode(mode);
        if (mode != Mode.LOCKED) { // LOCKED never calls a model: it needs no key, no server, no network
            ModelSettings settings = config.settings();
            builder.model(Providers.build(settings, policy != null ? policy : RetryPolicy.standard(settings.maxRetries())));
            builder.settings = settings;
        }
        builder.dependencies = DependencyGrant.parse(config.value("JIT_DEPENDENCIES", ""));
        builder.config = config;
        return builder.build();
    }

    /**
     * Fails a {@link Check} unless {@code condition} holds.
     *
     * @throws AssertionError when it does not
     */
    public static void check(boolean condition) {
        if (!condition) {
            throw new AssertionError("check failed");
        }
    }

    /** Fails a {@link Check} with {@code message} unless {@code condition} holds. */
    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    /** What this {@code Jit}'s models were asked so far: requests and tokens. */
    public Usage usage() {
        return generator.get().usage();
    }

    /**
     * An object implementing {@code iface}: each abstract method is written on its first call;
     * default methods stay as written; {@code toString}, {@code equals} and {@code hashCode} never
     * ask the model. All objects of one interface from one {@code Jit} share its methods, so
     * {@link #improve} changes them all.
     *
     * <p>An interface compiled in at build time by jit-java's annotation processor (see
     * {@link JitInterface}) is implemented by that class when it was built from the interface's
     * current spec, in every mode, without the store. After {@link #improve} on one of its methods,
     * this {@code Jit} serves the interface through the run-time engine (objects made before keep
     * the code compiled in).
     *
     * @throws IllegalArgumentException if {@code iface} is not an interface jit-java can implement
     */
    public <T> T implement(Class<T> iface) {
        Objects.requireNonNull(iface, "iface");
        T built = buildTime.instance(iface);
        if (built != null) {
            return built;
        }
        Bound bound = bindings.computeIfAbsent(iface, binder);
        return iface.cast(bound.binding().newInstance());
    }

    /** The dynamic object of a namespace: methods are named at the call and typed from its arguments. */
    public JitObject object(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        if (!namespace.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("A namespace is letters, digits, '_', '.' or '-', starting with a "
                    + "letter: \"" + namespace + "\"");
        }
        return objects.computeIfAbsent(namespace, ns -> new JitObject(ns, table));
    }

    /**
     * The current source of a generated method of {@code iface}.
     *
     * @param method its name, or its signature if it is overloaded: {@code countVowels(String)}
     */
    public String source(Class<?> iface, String method) {
        return table.source(key(iface, method));
    }

    /**
     * Writes a new version of a generated method from feedback, with its current source and its
     * history as context, and rebinds every object of {@code iface} to it. Calls already running
     * finish on the old version. New {@code examples} must pass, and stay part of the method's spec.
     *
     * @return the new version
     */
    public Version improve(Class<?> iface, String method, String feedback, Example.Case... examples) {
        Objects.requireNonNull(feedback, "feedback");
        if (buildTime.compiledIn(iface)) { // the engine serves the new version until the next build
            buildTime.handOver(iface);
            bindings.computeIfAbsent(iface, binder);
        }
        return table.improve(key(iface, method), feedback, Examples.specs(examples));
    }

    /** Every version of a generated method, oldest first. */
    public List<Version> history(Class<?> iface, String method) {
        return table.history(key(iface, method));
    }

    /**
     * Checks, without the model, that every abstract method of the interfaces is stored, compiles
     * and matches its spec: the gate to run in CI before shipping with {@link Mode#LOCKED}.
     */
    public Verification verify(Class<?>... ifaces) {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Class<?> iface : ifaces) {
            InterfaceValidation.validate(iface);
            for (MethodSpec spec : Specs.forInterface(Specs.interfaceOwner(iface), InterfaceMethods.toGenerate(iface))) {
                checked++;
                String problem = table.verify(spec);
                if (!problem.isEmpty()) {
                    problems.add(problem);
                }
            }
        }
        return new Verification(checked, problems);
    }

    /**
     * Makes every abstract method of the interfaces exist now: loaded from the store, or generated
     * (up to four at a time) when missing or stale. Failures are reported, not thrown.
     */
    public Preparation prepare(Class<?>... ifaces) {
        List<MethodKey> keys = new ArrayList<>();
        for (Class<?> iface : ifaces) {
            keys.addAll(bindings.computeIfAbsent(iface, binder).keys());
        }
        List<String> generated = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        Map<String, String> failed = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, keys.size())));
        try {
            List<Future<?>> work = keys.stream().map(key -> pool.submit(() -> table.link(key))).collect(toList());
            for (int i = 0; i < keys.size(); i++) {
                MethodKey key = keys.get(i);
                try {
                    work.get(i).get();
                    (table.entry(key).orElseThrow().fromModel() ? generated : stored).add(key.display());
                } catch (ExecutionException e) {
                    failed.put(key.display(), String.valueOf(e.getCause().getMessage()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new JitException("Interrupted while preparing " + key.display(), e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Preparation(generated, stored, failed);
    }

    /** The object a candidate is tested on before it is bound: see {@link InterfaceBinding#trial}. */
    private Object trialSelf(MethodSpec spec, java.lang.invoke.MethodHandle candidate) {
        String owner = spec.key().owner();
        if (owner.startsWith("object/")) {
            return objects.get(owner.substring("object/".length()));
        }
        Bound bound = bindings.get(spec.owner().selfType());
        return bound.binding().trial(bound.keys().indexOf(spec.key()), candidate);
    }

    private MethodKey key(Class<?> iface, String method) {
        Objects.requireNonNull(method, "method");
        Bound bound = bindings.get(iface);
        if (bound == null && buildTime.compiledIn(iface)) { // compiled in at build time: its store is read, nothing bound
            Owner owner = Specs.interfaceOwner(iface);
            List<MethodKey> keys = InterfaceMethods.toGenerate(iface).stream().map(m -> Specs.key(owner, m)).toList();
            return MethodQueries.resolve(keys, method, iface.getSimpleName());
        }
        if (bound == null) {
            throw new JitException(iface.getName() + " has no generated methods here: implement it with this Jit "
                    + "(jit.implement(" + iface.getSimpleName() + ".class)) and call a method first");
        }
        return MethodQueries.resolve(bound.keys(), method, iface.getSimpleName());
    }

    private Bound bind(Class<?> iface) {
        InterfaceValidation.validate(iface);
        Owner owner = Specs.interfaceOwner(iface);
        List<Method> methods = InterfaceMethods.toGenerate(iface);
        List<MethodKey> keys = new ArrayList<>(methods.size());
        for (Method method : methods) { // no stream: this runs at start-up
            keys.add(Specs.key(owner, method));
        }
        InterfaceBinding binding = InterfaceBinding.create(iface, methods, keys, new Linker() {
            @Override
            public java.lang.invoke.MethodHandle link(Object key) {
                return table.link((MethodKey) key);
            }
        }, table.implementationCache(iface.getName()));
        Supplier<List<MethodSpec>> specs = memoize(new Supplier<>() {
            @Override
            public List<MethodSpec> get() {
                return Specs.forInterface(owner, methods);
            }
        });
        for (int i = 0; i < methods.size(); i++) {
            int index = i;
            table.register(keys.get(i), new Supplier<>() {
                @Override
                public MethodSpec get() {
                    return specs.get().get(index);
                }
            }, binding.site(i));
        }
        return new Bound(binding, keys);
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /** Configures a {@link Jit}. */
    public static final class Builder {
        private ChatModel model;
        private ModelSettings settings;
        private ModelConfig config;
        private Path store = Path.of(System.getenv().getOrDefault("JIT_STORE", ".jit"));
        private Mode mode = parseMode(System.getenv().getOrDefault("JIT_MODE", "auto"));
        private Reviewer reviewer;
        private int maxAttempts = 3;
        private int maxToolCalls = 8;
        private DependencyGrant dependencies = DependencyGrant.parse(System.getenv("JIT_DEPENDENCIES"));
        private MavenResolver resolver;
        private Duration checkTimeout = Duration.ofSeconds(5);
        private final Set<Capability> grants = EnumSet.of(Capability.CONSOLE);
        private Duration cpuBudget = Duration.ofSeconds(1);
        private long memoryBudget = 256L << 20;
        private Clock clock; // the system clock, UTC, made when first needed: java.time is not loaded at start-up

        private Builder() {
        }

        /** The model that writes methods: any LangChain4j {@link ChatModel}. Not needed in {@link Mode#LOCKED}. */
        public Builder model(ChatModel model) {
            this.model = Objects.requireNonNull(model, "model");
            this.settings = null;
            return this;
        }

        /** The store folder (default: {@code JIT_STORE}, else {@code .jit} in the working directory). */
        public Builder store(Path store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** When the model may be called (default: {@code JIT_MODE}, else {@link Mode#AUTO}). */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Who approves new versions in {@link Mode#REVIEW} (default: a prompt on the console, if there is one). */
        public Builder reviewer(Reviewer reviewer) {
            this.reviewer = Objects.requireNonNull(reviewer, "reviewer");
            return this;
        }

        /** How many model requests one generation may make in total: the first answer plus repairs (default 3). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * How many tool calls ({@code describe_type}, {@code search_types}, {@code add_dependency}) the
         * model may make while writing one method (default 8). They do not count against
         * {@link #maxAttempts}, which counts answers; past this bound the generation fails with a
         * {@link GenerationException} that says so.
         */
        public Builder maxToolCalls(int maxToolCalls) {
            if (maxToolCalls < 0) {
                throw new IllegalArgumentException("maxToolCalls must be 0 or more, not " + maxToolCalls);
            }
            this.maxToolCalls = maxToolCalls;
            return this;
        }

        /**
         * Lets the model add Maven dependencies with its {@code add_dependency} tool, from these group
         * ids only, or from any group when none are given (default: off, or {@code JIT_DEPENDENCIES}:
         * {@code allow} or a comma-separated list of group ids). Libraries are resolved with Maven's
         * own settings ({@code ~/.m2/settings.xml} under {@code user.home}, {@code maven.repo.local}),
         * recorded in the store with the SHA-256 of every jar, and loaded in a class loader of the
         * method's own. The allowed groups are also the verifier's grant: generated code may use the
         * packages of their jars freely, so allow only groups whose code you trust.
         */
        public Builder dependencies(String... allowedGroupIds) {
            this.dependencies = DependencyGrant.groups(allowedGroupIds);
            return this;
        }

        /** Resolves libraries with this resolver rather than one configured from the system properties (tests). */
        Builder resolver(MavenResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** Where {@code @Model} annotations find keys and servers (default: the environment and jit.properties). */
        Builder config(ModelConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Grants capabilities to every generated method, on top of {@link Capability#CONSOLE} (granted by
         * default) and each interface's {@link Allow}. Members that are never allowed stay denied.
         */
        public Builder allow(Capability... capabilities) {
            grants.addAll(List.of(capabilities));
            return this;
        }

        /**
         * The budget of one call of generated code (default 1 s of CPU and 256 MiB); {@link Budget} on an
         * interface or method overrides it.
         */
        public Builder budget(Duration cpu, long memoryBytes) {
            if (cpu.isNegative() || cpu.isZero() || memoryBytes <= 0) {
                throw new IllegalArgumentException("a budget must be positive: " + cpu + ", " + memoryBytes + " bytes");
            }
            this.cpuBudget = cpu;
            this.memoryBudget = memoryBytes;
            return this;
        }

        /** How long one example or check may run before it fails (default 5 s). */
        public Builder checkTimeout(Duration checkTimeout) {
            if (checkTimeout.isNegative() || checkTimeout.isZero()) {
                throw new IllegalArgumentException("checkTimeout must be positive, not " + checkTimeout);
            }
            this.checkTimeout = checkTimeout;
            return this;
        }

        /** The clock that stamps versions (default: the system clock, UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The {@code Jit}. Without a {@link #model}, methods are only loaded from the store: a method that
         * would have to be written fails with a {@link JitException} that says how to configure one.
         */
        public Jit build() {
            Reviewer chosen = reviewer;
            if (chosen == null && mode == Mode.REVIEW) {
                if (System.console() == null) {
                    throw new IllegalStateException("REVIEW mode needs a reviewer, and there is no console to ask: "
                            + "Jit.builder().reviewer(...)");
                }
                chosen = ConsoleReviewer.ofSystemConsole();
            }
            return new Jit(this, chosen);
        }

        static Mode parseMode(String value) {
            if (value.isBlank()) {
                return Mode.AUTO;
            }
            try {
                return Mode.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("JIT_MODE is \"" + value + "\"; it must be auto, review or locked");
            }
        }
    }
}
