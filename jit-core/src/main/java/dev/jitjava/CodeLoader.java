package dev.jitjava;

import dev.jitjava.bind.ClassDefiner;
import dev.jitjava.check.CheckPlan;
import dev.jitjava.check.Harness;
import dev.jitjava.compile.Compilation;
import dev.jitjava.compile.InMemoryCompiler;
import dev.jitjava.compile.SignatureCheck;
import dev.jitjava.compile.SourceUnit;
import dev.jitjava.dependency.DependencyGrant;
import dev.jitjava.dependency.Libraries;
import dev.jitjava.prompt.MethodSpec;
import dev.jitjava.prompt.UserTypes;
import dev.jitjava.verify.BytecodeVerifier;
import dev.jitjava.verify.Instrumenter;
import dev.jitjava.verify.Violation;

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

/**
 * Turns a source unit into a bound method handle: compile (unless compiled classes are given),
 * check the signature, define. With a check plan, the example harness is compiled and defined
 * beside the method. Used alike for a model's answer and for stored code.
 */
final class CodeLoader {
    static final String DENIED = "jit.verify.denied";

    private final InMemoryCompiler compiler = new InMemoryCompiler();
    private final Set<Capability> grants;
    private final Duration cpuBudget;
    private final long memoryBudget;
    private final DependencyGrant dependencies;

    CodeLoader(Set<Capability> grants, Duration cpuBudget, long memoryBudget, DependencyGrant dependencies) {
        this.grants = Set.copyOf(grants);
        this.cpuBudget = cpuBudget;
        this.memoryBudget = memoryBudget;
        this.dependencies = dependencies;
    }

    DependencyGrant dependencies() {
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
    record Loaded(MethodHandle handle, Map<String, byte[]> classes, Class<?> harness) {
    }

    /** Either the loaded code or the problems that stopped it (with the verifier's violations among them). */
    record Result(Loaded loaded, List<Diagnostic> problems, List<Violation> violations) {
        Result(Loaded loaded, List<Diagnostic> problems) {
            this(loaded, problems, List.of());
        }
    }

    Result load(MethodSpec spec, SourceUnit unit, Optional<Map<String, byte[]>> compiled) {
        return load(spec, unit, compiled, null, Libraries.NONE);
    }

    Result load(MethodSpec spec, SourceUnit unit, Optional<Map<String, byte[]>> compiled, CheckPlan plan) {
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
            Compilation compilation = compiler.compile(List.of(unit), visibleTypes(spec), libraries.jars());
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
        if (!libraries.isEmpty()) {
            String hidden = notPublic(spec);
            if (hidden != null) {
                throw new JitException("The method uses the libraries " + libraries + ", so its code lives in a class "
                        + "loader of its own and reaches only public types, and " + hidden + " is not public: make it "
                        + "public, or have the method written without libraries, " + spec.key().forMethod());
            }
        }
        Libraries.LibraryLoader methodLoader = libraries.isEmpty() ? null : libraries.newLoader(loader);
        ClassLoader resolving = methodLoader == null ? loader : methodLoader;
        List<Violation> violations = BytecodeVerifier.verify(classes, verifyContext(spec, libraries, resolving));
        if (!violations.isEmpty()) {
            String[] lines = unit.source().split("\n", -1);
            return new Result(null, violations.stream().map(v -> new Diagnostic(DENIED, v.line(), v.forModel(),
                    v.line() >= 1 && v.line() <= lines.length ? lines[v.line() - 1] : "")).toList(), violations);
        }
        Map<String, byte[]> all = new LinkedHashMap<>(Instrumenter.instrument(classes, unit.binaryName(),
                selfTypes(spec), limits(spec, signature.descriptor()), resolving));
        String harnessName = null;
        if (plan != null && !plan.isEmpty()) {
            SourceUnit harness = Harness.write(plan, unit, type.returnType());
            Compilation together = compiler.compile(List.of(unit, harness), visibleTypes(spec), libraries.jars());
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
        try {
            Map<String, Class<?>> defined;
            MethodHandles.Lookup lookup;
            if (methodLoader == null) {
                lookup = ClassDefiner.lookupIn(spec.owner().anchor());
                defined = ClassDefiner.define(lookup, all, unit.binaryName());
            } else {
                defined = ClassDefiner.define(methodLoader::define, all, unit.binaryName());
                lookup = MethodHandles.privateLookupIn(defined.get(unit.binaryName()), MethodHandles.lookup());
            }
            MethodHandle handle = lookup.findStatic(defined.get(unit.binaryName()), spec.name(), type).asFixedArity();
            return new Result(new Loaded(handle, classes, harnessName == null ? null : defined.get(harnessName)),
                    List.of(), List.of());
        } catch (ReflectiveOperationException e) {
            throw new JitException("jit-java could not link the method it compiled, " + spec.key().forMethod(), e);
        }
    }

    /**
     * What the verifier allows this method, with these libraries.
     *
     * @param loader where the verifier resolves the classes the code uses: one that sees the libraries
     */
    BytecodeVerifier.Context verifyContext(MethodSpec spec, Libraries libraries, ClassLoader loader) {
        Set<Capability> granted = EnumSet.noneOf(Capability.class);
        granted.addAll(grants);
        Allow allow = spec.owner().selfType().getAnnotation(Allow.class);
        if (allow != null) {
            granted.addAll(List.of(allow.value()));
        }
        Set<String> trusted = new HashSet<>();
        for (Class<?> type : UserTypes.reachable(visibleTypes(spec))) {
            trusted.add(org.objectweb.asm.Type.getInternalName(type));
            for (Class<?> member : type.getDeclaredClasses()) {
                trusted.add(org.objectweb.asm.Type.getInternalName(member));
            }
        }
        trusted.remove(org.objectweb.asm.Type.getInternalName(dev.jitjava.generated.Anchor.class));
        BytecodeVerifier.Context context = new BytecodeVerifier.Context(granted, trusted, loader);
        return libraries.isEmpty() ? context : context.trusting(libraries.grantedPackages(dependencies));
    }

    /**
     * The first of the method's own types (its interface, its signature's types) that code in
     * another class loader could not use, or null when all are public.
     */
    static String notPublic(MethodSpec spec) {
        // The JVM checks a class's own access flag only: a public interface nested in a package-private class is fine.
        for (Class<?> type : visibleTypes(spec)) {
            if (!java.lang.reflect.Modifier.isPublic(type.getModifiers()) && type != dev.jitjava.generated.Anchor.class) {
                return type.getName();
            }
        }
        return null;
    }

    private static Set<String> selfTypes(MethodSpec spec) {
        return Set.of(org.objectweb.asm.Type.getInternalName(spec.owner().selfType()));
    }

    private Instrumenter.Limits limits(MethodSpec spec, String descriptor) {
        long cpu = cpuBudget.toNanos();
        long memory = memoryBudget;
        Budget budget = spec.budget();
        if (budget != null) {
            cpu = budget.cpuMillis() * 1_000_000L;
            memory = budget.memoryMegabytes() << 20;
        }
        return new Instrumenter.Limits(cpu, memory, spec.key().display(), spec.name(), descriptor);
    }

    private static Set<Class<?>> visibleTypes(MethodSpec spec) {
        Set<Class<?>> types = new HashSet<>(spec.signatureTypes());
        types.add(spec.owner().anchor());
        types.add(spec.owner().selfType());
        return types;
    }
}
