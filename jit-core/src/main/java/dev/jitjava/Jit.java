package dev.jitjava;

import dev.jitjava.internal.bind.BuildTimeClasses;
import dev.jitjava.internal.check.CheckRunner;
import dev.jitjava.internal.dependency.DependencyGrant;
import dev.jitjava.internal.dependency.MavenResolver;
import dev.jitjava.internal.engine.ConsoleReviewer;
import dev.jitjava.internal.engine.Engine;
import dev.jitjava.internal.engine.Lazy;
import dev.jitjava.internal.engine.Settings;
import dev.jitjava.internal.engine.WholeInterfaces;
import dev.jitjava.internal.method.Examples;
import dev.jitjava.internal.method.MethodKey;
import dev.jitjava.internal.method.UserTypes;
import dev.jitjava.internal.model.ConfiguredModel;
import dev.jitjava.internal.model.ModelConfig;
import dev.jitjava.internal.model.Models;
import dev.jitjava.internal.model.RetryPolicy;
import dev.jitjava.internal.observe.Observing;
import dev.jitjava.internal.observe.Prices;
import dev.jitjava.internal.tools.Toolbox;
import dev.jitjava.spi.HostedMethods;
import dev.jitjava.spi.JitListener;
import dev.jitjava.spi.MethodHost;
import dev.langchain4j.model.chat.ChatModel;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

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
 * <p>Generated methods are kept in the store ({@code .jit/} unless {@link Builder#store} says
 * otherwise), as readable {@code .java} files with metadata, and later runs load them from there
 * without the model. {@link Mode} says when the model may be called.
 */
public final class Jit {
    /** The builder as {@link Builder#build()} saw it: the engine is made from it when first needed. */
    private final Builder configuration;
    private final BuildTimeClasses buildTime = new BuildTimeClasses();
    /**
     * Made on first need, so that a program whose interfaces were all compiled in at build time
     * never makes one: no store, policies, pipeline or caches, and none of the classes they load.
     */
    private volatile Engine engine;

    private Jit(Builder configuration) {
        this.configuration = configuration;
    }

    private Engine engine() {
        Engine made = engine;
        if (made == null) {
            synchronized (this) {
                made = engine;
                if (made == null) {
                    made = configuration.newEngine();
                    engine = made;
                }
            }
        }
        return made;
    }

    /**
     * A builder with jit-java's defaults. It reads no environment: {@link #builderFromEnvironment()}
     * starts from the environment instead.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder seeded from the environment and {@code jit.properties} exactly as {@link #create()}
     * configures itself (model, {@code JIT_STORE}, {@code JIT_MODE}, {@code JIT_DEPENDENCIES}), for
     * what the environment cannot say: a {@link Reviewer} for {@code JIT_MODE=review} where there is
     * no console, a budget, a grant. What is set on it wins; the model is looked up at
     * {@link Builder#build()}, only if none was given and the mode is not {@link Mode#LOCKED}.
     *
     * <pre>{@code
     * Jit jit = Jit.builderFromEnvironment()
     *         .reviewer(Reviewer.approvingFrom(Path.of("approved-methods.txt")))
     *         .build();
     * }</pre>
     *
     * @return a new builder, seeded from the environment
     */
    public static Builder builderFromEnvironment() {
        return builderFromEnvironment(ModelConfig.fromEnvironment(), null);
    }

    /**
     * A {@code Jit} configured by the environment and {@code jit.properties} (working directory,
     * then {@code ~/.jit/}; the environment wins): the model from {@code JIT_MODEL=provider:model} with
     * the provider's usual variables ({@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL},
     * {@code ANTHROPIC_API_KEY}, {@code GEMINI_API_KEY}, {@code OLLAMA_BASE_URL}, ...), else the first
     * provider whose key is set, else a local Ollama if one answers; the store from {@code JIT_STORE},
     * the mode from {@code JIT_MODE}, the libraries the model may add from {@code JIT_DEPENDENCIES}.
     * The model is looked up when a method must first be written, so that methods already stored run
     * with none configured; with {@code JIT_MODE=locked} it never is. {@code JIT_MODE=review} asks on the
     * console: where there is none, give a {@link Reviewer} through {@link #builderFromEnvironment()}.
     *
     * @return a {@code Jit} configured by the environment; a method that must be written when no model can
     * be found fails with a {@link JitException} naming it and listing what to set
     */
    public static Jit create() {
        return builderFromEnvironment().build();
    }

    static Jit create(ModelConfig config) {
        return create(config, null);
    }

    /** With {@code policy} null, the standard retry policy for the configured number of retries. */
    static Jit create(ModelConfig config, RetryPolicy policy) {
        return builderFromEnvironment(config, policy).build();
    }

    /** A builder seeded from a configuration: what {@link #create()} and the SPI's {@code Configuration} share. */
    static Builder builderFromEnvironment(ModelConfig config, RetryPolicy policy) {
        Builder builder = builder().store(Path.of(config.value("JIT_STORE", ".jit")))
                .mode(Builder.parseMode(config.value("JIT_MODE", "auto"))).model(new ConfiguredModel(config, policy));
        builder.dependencies = DependencyGrant.parse(config.value("JIT_DEPENDENCIES", ""));
        String prices = config.value("JIT_PRICES", "");
        if (!prices.isBlank()) { // parsing splits with a regular expression: not at every start
            builder.prices = Prices.parse(prices, "JIT_PRICES");
        }
        builder.config = config;
        return builder;
    }

    /**
     * Fails a {@link Check} unless {@code condition} holds.
     *
     * @param condition what the check asserts
     * @throws AssertionError when it does not
     */
    public static void check(boolean condition) {
        if (!condition) {
            throw new AssertionError("check failed");
        }
    }

    /**
     * Fails a {@link Check} with {@code message} unless {@code condition} holds.
     *
     * @param condition what the check asserts
     * @param message   what failed, for the model and for you
     */
    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    /**
     * What this {@code Jit}'s models were asked so far: requests, tokens and, where prices are
     * configured ({@link Builder#price}, {@code JIT_PRICES}), their cost.
     *
     * @return requests, tokens and cost, summed over every generation so far
     */
    public Usage usage() {
        Engine made = engine;
        return made == null ? new Usage(0, 0, 0) : made.usage();
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
     * @param <T>   the interface
     * @param iface its class
     * @return an object implementing it
     * @throws IllegalArgumentException if {@code iface} is not an interface jit-java can implement
     */
    public <T> T implement(Class<T> iface) {
        Objects.requireNonNull(iface, "iface");
        T built = buildTime.instance(iface);
        if (built != null) {
            return built;
        }
        return iface.cast(engine().implement(iface));
    }

    /**
     * The dynamic object of a namespace: methods are named at the call and typed from its arguments.
     *
     * @param namespace letters, digits, {@code _}, {@code .} or {@code -}, starting with a letter; it names the
     *                   object's folder in the store
     * @return the namespace's object, the same one for each call with that name
     */
    public JitObject object(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        if (!namespace.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("A namespace is letters, digits, '_', '.' or '-', starting with a "
                    + "letter: \"" + namespace + "\"");
        }
        Engine made = engine();
        return made.object(namespace, ns -> new JitObject(ns, made));
    }

    /**
     * The engine's side of a host of static methods (a program, a shell session): for tools such as
     * the {@code jit} command. See {@link dev.jitjava.spi}.
     *
     * @param host where the methods live, what the model is asked, and how a candidate compiles there
     * @return the engine, serving that host with this {@code Jit}'s store, mode, model and checks
     */
    public HostedMethods host(MethodHost host) {
        return engine().host(Objects.requireNonNull(host, "host"));
    }

    /**
     * The current source of a generated method of {@code iface}.
     *
     * @param iface  the interface, implemented with this {@code Jit}
     * @param method its name, or its signature if it is overloaded: {@code countVowels(String)}
     * @return the source it runs
     */
    public String source(Class<?> iface, String method) {
        return engine().source(key(iface, method));
    }

    /**
     * Writes a new version of a generated method from feedback, with its current source and its
     * history as context, and rebinds every object of {@code iface} to it. Calls already running
     * finish on the old version. New {@code examples} must pass, and stay part of the method's spec.
     *
     * @param iface    the interface, implemented with this {@code Jit}
     * @param method   its name, or its signature if it is overloaded
     * @param feedback what to change, in words
     * @param examples examples the new version must pass
     * @return the new version
     */
    public Version improve(Class<?> iface, String method, String feedback, Example.Case... examples) {
        Objects.requireNonNull(feedback, "feedback");
        if (buildTime.compiledIn(iface)) { // the engine serves the new version until the next build
            buildTime.handOver(iface);
            engine().keysOf(iface);
        }
        return engine().improve(key(iface, method), feedback, Examples.specs(examples));
    }

    /**
     * Every version of a generated method, oldest first.
     *
     * @param iface  the interface, implemented with this {@code Jit}
     * @param method its name, or its signature if it is overloaded
     * @return its versions
     */
    public List<Version> history(Class<?> iface, String method) {
        return engine().history(key(iface, method));
    }

    /**
     * Checks, without the model, that every abstract method of the interfaces is stored, compiles
     * and matches its spec: the gate to run in CI before shipping with {@link Mode#LOCKED}.
     *
     * @param ifaces the interfaces to check
     * @return how many methods were checked, and one line per problem
     */
    public Verification verify(Class<?>... ifaces) {
        return WholeInterfaces.verify(engine(), ifaces);
    }

    /**
     * Makes every abstract method of the interfaces exist now: loaded from the store, or generated
     * (up to four at a time) when missing or stale. Failures are reported, not thrown.
     *
     * @param ifaces the interfaces whose methods to make
     * @return what was generated, what was loaded, and what failed with why
     */
    public Preparation prepare(Class<?>... ifaces) {
        return WholeInterfaces.prepare(engine(), ifaces);
    }

    private MethodKey key(Class<?> iface, String method) {
        Objects.requireNonNull(method, "method");
        return WholeInterfaces.key(engine(), iface, method, buildTime.compiledIn(iface));
    }

    /** Configures a {@link Jit}. Reads no environment: {@link Jit#create()} does that. */
    public static final class Builder {
        private Supplier<? extends ChatModel> model;
        private ModelConfig config;
        // Defaults that need java.nio.file, java.time or an EnumSet are applied when the engine is made: a
        // program whose interfaces were all compiled in at build time never loads them for jit-java.
        private Path store; // null: .jit in the working directory
        private Mode mode = Mode.AUTO;
        private Reviewer reviewer;
        private int maxAttempts = 3;
        private int maxToolCalls = 8;
        private DependencyGrant dependencies; // null: none
        private MavenResolver resolver;
        private Duration checkTimeout; // null: 5 s
        private final List<Capability> allowed = new ArrayList<>(); // granted beside CONSOLE
        private final Set<Class<?>> allowedTypes = new LinkedHashSet<>();
        private final Set<String> allowedPackages = new LinkedHashSet<>();
        private Duration cpuBudget; // null: 1 s
        private long memoryBudget = 256L << 20;
        private Duration wallBudget; // null: 5 times the CPU budget, at least 3 s
        private Clock clock; // null: the system clock, UTC
        private final List<JitListener> listeners = new ArrayList<>();
        private Prices prices; // null: none

        private Builder() {
        }

        /**
         * The model that writes methods: any LangChain4j {@link ChatModel}. Not needed in {@link Mode#LOCKED}.
         *
         * @param model the model
         * @return this builder
         */
        public Builder model(ChatModel model) {
            Objects.requireNonNull(model, "model");
            this.model = () -> model;
            return this;
        }

        /**
         * The model that writes methods, made when a method must first be written: a process that only
         * runs stored methods never makes it.
         *
         * @param model makes the model
         * @return this builder
         */
        public Builder model(Supplier<? extends ChatModel> model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * The store folder (default: {@code .jit} in the working directory).
         *
         * @param store the folder; created when a method is first stored
         * @return this builder
         */
        public Builder store(Path store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * When the model may be called (default: {@link Mode#AUTO}).
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Who approves new versions in {@link Mode#REVIEW} (default: a prompt on the console, if there is one).
         *
         * @param reviewer the reviewer, e.g. {@link Reviewer#approvingFrom(Path)}
         * @return this builder
         */
        public Builder reviewer(Reviewer reviewer) {
            this.reviewer = Objects.requireNonNull(reviewer, "reviewer");
            return this;
        }

        /**
         * How many model requests one generation may make in total: the first answer plus repairs (default 3).
         *
         * @param maxAttempts 1 or more
         * @return this builder
         */
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
         *
         * @param maxToolCalls 0 or more
         * @return this builder
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
         * ids only, or from any group when none are given (default: off). Libraries are resolved with
         * Maven's own settings ({@code ~/.m2/settings.xml} under {@code user.home},
         * {@code maven.repo.local}), recorded in the store with the SHA-256 of every jar, and loaded in a
         * class loader of the method's own. The allowed groups are also the verifier's grant: generated
         * code may use the packages of their jars freely, so allow only groups whose code you trust.
         *
         * @param allowedGroupIds group ids such as {@code org.apache.commons}; none allows any group
         * @return this builder
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
         *
         * @param capabilities the capabilities to grant
         * @return this builder
         */
        public Builder allow(Capability... capabilities) {
            for (Capability capability : capabilities) {
                allowed.add(Objects.requireNonNull(capability, "capability"));
            }
            return this;
        }

        /**
         * Lets every generated method use these types of the application, with their nested types, as it
         * uses its signature's (as {@code @Allow(types = ...)} does for one interface). The types of an
         * interface's own package need no grant. A granted type opens its own members, not what they use.
         *
         * @param types the types, such as {@code Invoice.class}
         * @return this builder
         */
        public Builder allowTypes(Class<?>... types) {
            for (Class<?> type : types) {
                allowedTypes.add(UserTypes.checkType(type));
            }
            return this;
        }

        /**
         * Lets every generated method use the types of these packages of the application (not their
         * subpackages), as {@code @Allow(packages = ...)} does for one interface.
         *
         * @param packages package names, such as {@code "com.acme.billing"}
         * @return this builder
         */
        public Builder allowPackages(String... packages) {
            for (String name : packages) {
                allowedPackages.add(UserTypes.checkPackage(name));
            }
            return this;
        }

        /**
         * The budget of one call of generated code (default 1 s of CPU and 256 MiB); {@link Budget} on an
         * interface or method overrides it.
         *
         * @param cpu         CPU time of one call
         * @param memoryBytes the largest single allocation, and what one call may allocate between two measurements
         * @return this builder
         */
        public Builder budget(Duration cpu, long memoryBytes) {
            if (cpu.isNegative() || cpu.isZero() || memoryBytes <= 0) {
                throw new IllegalArgumentException("a budget must be positive: " + cpu + ", " + memoryBytes + " bytes");
            }
            this.cpuBudget = cpu;
            this.memoryBudget = memoryBytes;
            return this;
        }

        /**
         * The wall-clock budget of one call of generated code, beside the CPU budget of {@link #budget}:
         * what CPU time does not see. {@link Budget#wallMillis} overrides it.
         *
         * @param wall the budget (default 5 times the CPU budget, at least 3 s)
         * @return this builder
         */
        public Builder wallClock(Duration wall) {
            if (wall.isNegative() || wall.isZero()) {
                throw new IllegalArgumentException("a wall-clock budget must be positive: " + wall);
            }
            this.wallBudget = wall;
            return this;
        }

        /**
         * How long one example or check may run before it fails (default 5 s).
         *
         * @param checkTimeout positive
         * @return this builder
         */
        public Builder checkTimeout(Duration checkTimeout) {
            if (checkTimeout.isNegative() || checkTimeout.isZero()) {
                throw new IllegalArgumentException("checkTimeout must be positive, not " + checkTimeout);
            }
            this.checkTimeout = checkTimeout;
            return this;
        }

        /**
         * The clock that stamps versions (default: the system clock, UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Tells {@code listener} about every generation, stored method loaded, verifier refusal and budget
         * trip of this {@code Jit} (see {@link JitListener}; {@code jit-micrometer} binds them to a
         * Micrometer registry). May be called more than once: each listener hears everything.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(JitListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * What a model costs, for the cost of each method ({@code jit ls}, the metadata, transcripts) and of
         * the process ({@link Jit#usage()}); no prices are built in. {@link Jit#create()} reads them from
         * {@code JIT_PRICES} ({@code openai:gpt-4.1-mini=0.40/1.60, anthropic:claude-sonnet-4-5=3/15}).
         *
         * @param model                the model as configured ({@code openai:gpt-4.1-mini}), or as it names
         *                             itself ({@code gpt-4.1-mini})
         * @param inputPerMillion      the price of a million input tokens, in any currency (the same for all)
         * @param outputPerMillion     the price of a million output tokens
         * @return this builder
         */
        public Builder price(String model, double inputPerMillion, double outputPerMillion) {
            Objects.requireNonNull(model, "model");
            if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0) || Double.isInfinite(inputPerMillion)
                    || Double.isInfinite(outputPerMillion)) {
                throw new IllegalArgumentException("a price is a number, 0 or more, not " + inputPerMillion + "/"
                        + outputPerMillion + " for " + model);
            }
            prices = (prices != null ? prices : Prices.NONE).with(model, inputPerMillion, outputPerMillion);
            return this;
        }

        /**
         * The {@code Jit}. Without a {@link #model}, methods are only loaded from the store: a method that
         * would have to be written fails with a {@link JitException} that says how to configure one.
         *
         * @return the {@code Jit}
         * @throws IllegalStateException in {@link Mode#REVIEW} without a reviewer and without a console to ask
         * @throws JitException listing what to set, when the model comes from the environment and none is
         *                      configured (except in {@link Mode#LOCKED}, which needs none)
         */
        public Jit build() {
            // returned as a Reviewer: verifying this class then loads no reviewer types
            Reviewer chosen = reviewer != null || mode != Mode.REVIEW ? reviewer : ConsoleReviewer.forReviewMode();
            return new Jit(new Builder(this, chosen));
        }

        /** A copy, so that changing this builder later changes no {@code Jit} it built. */
        private Builder(Builder from, Reviewer reviewer) {
            model = from.model;
            config = from.config;
            store = from.store;
            mode = from.mode;
            this.reviewer = reviewer;
            maxAttempts = from.maxAttempts;
            maxToolCalls = from.maxToolCalls;
            dependencies = from.dependencies;
            resolver = from.resolver;
            checkTimeout = from.checkTimeout;
            allowed.addAll(from.allowed);
            allowedTypes.addAll(from.allowedTypes);
            allowedPackages.addAll(from.allowedPackages);
            cpuBudget = from.cpuBudget;
            memoryBudget = from.memoryBudget;
            wallBudget = from.wallBudget;
            clock = from.clock;
            listeners.addAll(from.listeners);
            prices = from.prices;
        }

        /** The engine of a {@code Jit} built from this (copied) builder. */
        private Engine newEngine() {
            MavenResolver given = resolver;
            Supplier<MavenResolver> resolvers = memoize(() -> given != null ? given : MavenResolver.fromSystemProperties());
            ModelConfig fixed = config;
            Supplier<ModelConfig> configs = memoize(() -> fixed != null ? fixed
                    : model instanceof ConfiguredModel configured ? configured.config() : ModelConfig.fromEnvironment());
            Models models = new Models(model, configs);
            DependencyGrant granted = dependencies != null ? dependencies : DependencyGrant.NONE;
            Observing observing = new Observing(listeners, prices != null ? prices : Prices.NONE, configs);
            return new Engine(new Settings(store != null ? store : Path.of(".jit"), mode, reviewer, models, maxAttempts,
                    new Toolbox.Settings(granted, maxToolCalls, resolvers), Settings.grants(allowed), allowedTypes,
                    allowedPackages,
                    cpuBudget != null ? cpuBudget : Duration.ofSeconds(1), memoryBudget, wallBudget, granted, resolvers,
                    new CheckRunner(checkTimeout != null ? checkTimeout : Duration.ofSeconds(5)), clock, observing));
        }

        static Mode parseMode(String value) {
            Mode mode = ModelConfig.mode(value);
            if (mode == null) {
                throw new IllegalStateException("JIT_MODE is \"" + value + "\"; it must be auto, review or locked");
            }
            return mode;
        }

        private static <T> Supplier<T> memoize(Supplier<T> supplier) {
            return Lazy.of(supplier);
        }
    }
}
