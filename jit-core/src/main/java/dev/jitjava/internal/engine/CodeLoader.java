package dev.jitjava.internal.engine;

import dev.jitjava.Allow;
import dev.jitjava.Budget;
import dev.jitjava.Capability;
import dev.jitjava.Diagnostic;
import dev.jitjava.Example;
import dev.jitjava.JitException;
import dev.jitjava.internal.bind.ClassDefiner;
import dev.jitjava.internal.check.CheckPlan;
import dev.jitjava.internal.check.Harness;
import dev.jitjava.internal.compile.Compilation;
import dev.jitjava.internal.compile.InMemoryCompiler;
import dev.jitjava.internal.compile.SignatureCheck;
import dev.jitjava.internal.compile.SourceUnit;
import dev.jitjava.internal.dependency.DependencyGrant;
import dev.jitjava.internal.dependency.Libraries;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.UserTypes;
import dev.jitjava.internal.verify.BytecodeVerifier;
import dev.jitjava.internal.verify.Instrumenter;
import dev.jitjava.internal.verify.Violation;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a source unit into a bound method handle: compile (unless compiled classes are given),
 * check the signature, define. With a check plan, the example harness is compiled and defined
 * beside the method. Used alike for a model's answer and for stored code.
 */
public final class CodeLoader {
    static final String DENIED = "jit.verify.denied";

    /** Made on the first compilation: loading stored methods from .cache needs no javac (nor javax.tools). */
    private InMemoryCompiler compiler;
    private final Set<Capability> grants;
    private final Duration cpuBudget;
    private final long memoryBudget;
    private final Duration wallBudget;
    private final DependencyGrant dependencies;
    private final java.util.concurrent.ConcurrentHashMap<List<Object>, String> policies =
            new java.util.concurrent.ConcurrentHashMap<>();

    public CodeLoader(Set<Capability> grants, Duration cpuBudget, long memoryBudget, DependencyGrant dependencies) {
        this(grants, cpuBudget, memoryBudget, null, dependencies);
    }

    /** @param wallBudget the wall-clock budget of a call, or null for {@link Instrumenter#defaultWall} */
    public CodeLoader(Set<Capability> grants, Duration cpuBudget, long memoryBudget, Duration wallBudget,
                      DependencyGrant dependencies) {
        this.grants = Set.copyOf(grants);
        this.cpuBudget = cpuBudget;
        this.memoryBudget = memoryBudget;
        this.wallBudget = wallBudget;
        this.dependencies = dependencies;
    }

    private synchronized InMemoryCompiler compiler() {
        if (compiler == null) {
            compiler = new InMemoryCompiler();
        }
        return compiler;
    }

    public DependencyGrant dependencies() {
        return dependencies;
    }

    /**
     * Defined code.
     *
     * @param handle  the method, typed {@code (self, params...)return}
     * @param classes the method's classes as javac wrote them, verified but not instrumented: what the
     *                cache keeps (never the harness)
     * @param harness the example harness, or null without a check plan
     */
    public record Loaded(MethodHandle handle, Map<String, byte[]> classes, Class<?> harness, Linked linked) {
    }

    /**
     * The method's classes as they are defined: verified and instrumented, with the method's
     * descriptor. The {@code .cache} keeps them under the {@link #policy} they were verified
     * against, so that a later start with the same source and policy defines them at once.
     */
    public record Linked(String mainName, Map<String, byte[]> classes, String descriptor) {
    }

    /** Either the loaded code or the problems that stopped it (with the verifier's violations among them). */
    public record Result(Loaded loaded, List<Diagnostic> problems, List<Violation> violations) {
        public Result(Loaded loaded, List<Diagnostic> problems) {
            this(loaded, problems, List.of());
        }
    }

    public Result load(MethodSpec spec, SourceUnit unit, Optional<Map<String, byte[]>> compiled) {
        return load(spec, unit, compiled, null, Libraries.NONE);
    }

    public Result load(MethodSpec spec, SourceUnit unit, Optional<Map<String, byte[]>> compiled, CheckPlan plan) {
        return load(spec, unit, compiled, plan, Libraries.NONE);
    }

    /**
     * @param libraries the Maven libraries the method added: on its class path, trusted by the
     *                  verifier as far as their groups are granted, and in the class loader its
     *                  classes are defined in
     */
    Result load(MethodSpec spec, SourceUnit unit, Optional<Map<String, byte[]>> compiled, CheckPlan plan,
                Libraries libraries) {
        Map<String, byte[]> classes;
        if (compiled.isPresent() && compiled.get().containsKey(unit.binaryName())) {
            classes = compiled.get();
        } else {
            Compilation compilation = compiler().compile(List.of(unit), visibleTypes(spec), libraries.jars());
            if (compilation instanceof Compilation.Failed failed) {
                return new Result(null, failed.errors());
            }
            classes = ((Compilation.Classes) compilation).classes();
        }
        byte[] main = classes.get(unit.binaryName());
        if (main == null) {
            return new Result(null, List.of(new Diagnostic("jit.compile.class", 0, "The source must declare the class "
                    + unit.className() + ", which holds the method", "")));
        }
        ClassLoader loader = spec.owner().anchor().getClassLoader();
        SignatureCheck.Result signature = SignatureCheck.check(main, spec, loader);
        if (signature.descriptor() == null) {
            return new Result(null, signature.problems());
        }
        MethodType type = MethodType.fromMethodDescriptorString(signature.descriptor(), loader);
        Libraries.LibraryLoader methodLoader = loaderFor(spec, libraries);
        ClassLoader resolving = methodLoader == null ? loader : methodLoader;
        List<Violation> violations = BytecodeVerifier.verify(classes, verifyContext(spec, libraries, resolving));
        if (!violations.isEmpty()) {
            String[] lines = unit.source().split("\n", -1);
            return new Result(null, violations.stream().map(v -> new Diagnostic(DENIED, v.line(), v.forModel(),
                    v.line() >= 1 && v.line() <= lines.length ? lines[v.line() - 1] : "")).toList(), violations);
        }
        Map<String, byte[]> instrumented = Instrumenter.instrument(classes, unit.binaryName(), selfTypes(spec),
                limits(spec, signature.descriptor()), resolving);
        Map<String, byte[]> all = new LinkedHashMap<>(instrumented);
        String harnessName = null;
        if (plan != null && !plan.isEmpty()) {
            SourceUnit harness = Harness.write(plan, unit, type.returnType());
            Compilation together = compiler().compile(List.of(unit, harness), visibleTypes(spec), libraries.jars());
            if (together instanceof Compilation.Failed failed) {
                throw new JitException("The examples do not compile: " + failed.errors().get(0).describe()
                        + "\nCorrect the @Example (its call and returns are Java expressions), " + spec.key().forMethod());
            }
            harnessName = harness.binaryName();
            for (Map.Entry<String, byte[]> entry : ((Compilation.Classes) together).classes().entrySet()) {
                if (entry.getKey().equals(harnessName) || entry.getKey().startsWith(harnessName + "$")) {
                    all.put(entry.getKey(), entry.getValue());
                }
            }
        }
        Linked linked = new Linked(unit.binaryName(), instrumented, signature.descriptor());
        return new Result(defineAll(spec, unit.binaryName(), all, type, methodLoader, classes, harnessName, linked),
                List.of(), List.of());
    }

    /**
     * Defines classes that passed the verifier and were instrumented earlier, under the same
     * {@link #policy}: what a start-up with an unchanged source and policy does instead of
     * {@link #load}.
     */
    public Result define(MethodSpec spec, Linked linked, Libraries libraries) {
        String mainName = linked.mainName();
        Libraries.LibraryLoader methodLoader = loaderFor(spec, libraries);
        MethodType type = MethodType.fromMethodDescriptorString(linked.descriptor(),
                spec.owner().anchor().getClassLoader());
        Map<String, Class<?>> defined = ClassDefiner.defineAsCompiled(definer(spec, methodLoader), linked.classes());
        if (defined == null) { // already defined in this class loader: define them again, renamed
            return new Result(defineAll(spec, mainName, linked.classes(), type, methodLoader, null, null, linked),
                    List.of(), List.of());
        }
        return new Result(new Loaded(handle(spec, defined.get(mainName), type), null, null, linked), List.of(),
                List.of());
    }

    /** The class loader of a method with libraries (null without): its own, below the interface's. */
    private static Libraries.LibraryLoader loaderFor(MethodSpec spec, Libraries libraries) {
        if (libraries.isEmpty()) {
            return null;
        }
        String hidden = notPublic(spec);
        if (hidden != null) {
            throw new JitException("The method uses the libraries " + libraries + ", so its code lives in a class "
                    + "loader of its own and reaches only public types, and " + hidden + " is not public: make it "
                    + "public, or have the method written without libraries, " + spec.key().forMethod());
        }
        return libraries.newLoader(spec.owner().anchor().getClassLoader());
    }

    private Loaded defineAll(MethodSpec spec, String mainName, Map<String, byte[]> all, MethodType type,
                             Libraries.LibraryLoader methodLoader, Map<String, byte[]> classes, String harnessName,
                             Linked linked) {
        Map<String, Class<?>> defined = ClassDefiner.define(definer(spec, methodLoader), all, mainName);
        return new Loaded(handle(spec, defined.get(mainName), type), classes,
                harnessName == null ? null : defined.get(harnessName), linked);
    }

    /** Defines a class next to the interface, or in the method's own loader when it has libraries. */
    private static Function<byte[], Class<?>> definer(MethodSpec spec, Libraries.LibraryLoader methodLoader) {
        if (methodLoader != null) {
            return methodLoader::define;
        }
        MethodHandles.Lookup lookup = ClassDefiner.lookupIn(spec.owner().anchor());
        return new Function<>() { // not a lambda: this runs at start-up
            @Override
            public Class<?> apply(byte[] bytes) {
                return ClassDefiner.defineOne(lookup, bytes);
            }
        };
    }

    /** The method in its defined class, typed {@code (self, params...)return}. */
    private static MethodHandle handle(MethodSpec spec, Class<?> main, MethodType type) {
        try {
            Class<?> anchor = spec.owner().anchor();
            // The anchor's lookup reaches a class defined next to it; one with libraries lives in a loader of its own.
            MethodHandles.Lookup lookup = ClassDefiner.lookupIn(main.getClassLoader() == anchor.getClassLoader()
                    && main.getPackageName().equals(anchor.getPackageName()) ? anchor : main);
            return lookup.findStatic(main, spec.name(), type).asFixedArity();
        } catch (ReflectiveOperationException e) {
            throw new JitException("jit-java could not link the method it compiled, " + spec.key().forMethod(), e);
        }
    }

    /**
     * Everything the verifier and the instrumenter decide by, besides the classes themselves: the
     * grants, the trusted types and library packages, the budgets. Classes verified under one policy
     * are reused only under the same one; JDK and jit-java versions key the cache folder already.
     */
    public String policy(MethodSpec spec, Libraries libraries) {
        if (!libraries.isEmpty()) {
            return computePolicy(spec, libraries);
        }
        // Methods of one interface mostly share their types: the policy is worked out once for each set.
        Budget budget = spec.budget();
        List<Object> key = List.of(visibleTypes(spec), spec.owner().selfType(), budget == null ? "" : budget);
        String known = policies.get(key);
        if (known == null) {
            known = computePolicy(spec, libraries);
            policies.put(key, known);
        }
        return known;
    }

    private String computePolicy(MethodSpec spec, Libraries libraries) {
        BytecodeVerifier.Context context = verifyContext(spec, libraries, spec.owner().anchor().getClassLoader());
        StringBuilder text = new StringBuilder();
        List<Capability> granted = new java.util.ArrayList<>(context.grants());
        java.util.Collections.sort(granted);
        text.append(granted).append('\n');
        appendSorted(text, context.trusted());
        appendSorted(text, context.trustedPackages());
        Instrumenter.Limits limits = limits(spec, "");
        text.append(limits.cpuNanos()).append(' ').append(limits.maxBytes()).append(' ').append(limits.wallNanos()).append('\n');
        for (Libraries.Added added : libraries.added()) {
            for (dev.jitjava.internal.dependency.Artifact artifact : added.artifacts()) {
                text.append(artifact.coordinates()).append(' ').append(artifact.sha256()).append('\n');
            }
        }
        return dev.jitjava.internal.bind.Fingerprint.of(text);
    }

    private static void appendSorted(StringBuilder text, Set<String> values) {
        List<String> sorted = new java.util.ArrayList<>(values);
        java.util.Collections.sort(sorted);
        text.append(sorted).append('\n');
    }


    /**
     * What the verifier allows this method, with these libraries.
     *
     * @param loader where the verifier resolves the classes the code uses: one that sees the libraries
     */
    public BytecodeVerifier.Context verifyContext(MethodSpec spec, Libraries libraries, ClassLoader loader) {
        Set<Capability> granted = EnumSet.noneOf(Capability.class);
        granted.addAll(grants);
        Allow allow = spec.owner().selfType().getAnnotation(Allow.class);
        if (allow != null) {
            granted.addAll(List.of(allow.value()));
        }
        Set<String> trusted = new HashSet<>();
        for (Class<?> type : UserTypes.reachable(visibleTypes(spec))) {
            trusted.add(internalName(type));
            for (Class<?> member : type.getDeclaredClasses()) {
                trusted.add(internalName(member));
            }
        }
        trusted.remove(internalName(dev.jitjava.generated.Anchor.class));
        BytecodeVerifier.Context context = new BytecodeVerifier.Context(granted, trusted, loader);
        return libraries.isEmpty() ? context : context.trusting(libraries.grantedPackages(dependencies));
    }

    /**
     * The first of the method's own types (its interface, its signature's types) that code in
     * another class loader could not use, or null when all are public.
     */
    public static String notPublic(MethodSpec spec) {
        // The JVM checks a class's own access flag only: a public interface nested in a package-private class is fine.
        for (Class<?> type : visibleTypes(spec)) {
            if (!java.lang.reflect.Modifier.isPublic(type.getModifiers()) && type != dev.jitjava.generated.Anchor.class) {
                return type.getName();
            }
        }
        return null;
    }

    /** {@code java/lang/String}: ASM's Type.getInternalName without loading ASM at start-up. */
    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    private static Set<String> selfTypes(MethodSpec spec) {
        return Set.of(internalName(spec.owner().selfType()));
    }

    private Instrumenter.Limits limits(MethodSpec spec, String descriptor) {
        long cpu = cpuBudget.toNanos();
        long memory = memoryBudget;
        Budget budget = spec.budget();
        if (budget != null) {
            cpu = budget.cpuMillis() * 1_000_000L;
            memory = budget.memoryMegabytes() << 20;
        }
        long wall = budget != null && budget.wallMillis() > 0 ? budget.wallMillis() * 1_000_000L
                : wallBudget != null ? wallBudget.toNanos() : Instrumenter.defaultWall(cpu);
        return new Instrumenter.Limits(cpu, memory, spec.key().display(), spec.name(), descriptor, wall);
    }

    private static Set<Class<?>> visibleTypes(MethodSpec spec) {
        Set<Class<?>> types = new HashSet<>(spec.signatureTypes());
        types.add(spec.owner().anchor());
        types.add(spec.owner().selfType());
        return types;
    }
}
