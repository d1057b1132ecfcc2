package dev.jitjava.internal.engine;

import dev.jitjava.Diagnostic;
import dev.jitjava.JitException;
import dev.jitjava.Version;
import dev.jitjava.internal.bind.CallAdapter;
import dev.jitjava.internal.bind.ClassDefiner;
import dev.jitjava.internal.bind.LoaderVisibility;
import dev.jitjava.internal.check.CheckPlan;
import dev.jitjava.internal.check.Harness;
import dev.jitjava.internal.compile.Compilation;
import dev.jitjava.internal.compile.InMemoryCompiler;
import dev.jitjava.internal.compile.SourceUnit;
import dev.jitjava.internal.dependency.Libraries;
import dev.jitjava.internal.extract.Extraction;
import dev.jitjava.internal.extract.PerCallState;
import dev.jitjava.internal.method.Messages;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Owner;
import dev.jitjava.internal.prompt.Prompts;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Where the methods of interfaces and {@code JitObject}s live: each version is a compilation unit of
 * its own, a class next to the interface (in its package and class loader, so that package-private
 * types work) or in jit-java's {@code generated} package, holding the method as a static method with
 * {@code self} first, and its helpers. A method with libraries lives in a class loader of its own.
 */
final class UnitPlacement implements Placement {
    /** Made on the first compilation: loading stored methods from .cache needs no javac (nor javax.tools). */
    private InMemoryCompiler compiler;
    private final BiFunction<MethodSpec, MethodHandle, Object> trials;

    /** @param trials the object a candidate is tried on: a trial implementation of its interface, or its JitObject */
    UnitPlacement(BiFunction<MethodSpec, MethodHandle, Object> trials) {
        this.trials = trials;
    }

    private synchronized InMemoryCompiler compiler() {
        if (compiler == null) {
            compiler = new InMemoryCompiler();
        }
        return compiler;
    }

    @Override
    public String system(MethodSpec spec, boolean tools, String libraries) {
        return Prompts.system(tools, libraries);
    }

    @Override
    public String request(MethodSpec spec) {
        return Prompts.write(spec);
    }

    @Override
    public String improvement(MethodSpec spec, List<Version> history, String feedback) {
        return Prompts.improve(spec, history, feedback);
    }

    @Override
    public String source(MethodSpec spec, Extraction.Found answer) {
        return SourceUnit.of(spec, answer).source();
    }

    @Override
    public String perCall(MethodSpec spec, String source) {
        return PerCallState.rewrite(source, SourceUnit.stored(spec, source).className(), spec);
    }

    @Override
    public Compiled compile(MethodSpec spec, String source, Libraries libraries,
                            Optional<Map<String, byte[]>> javacClasses) {
        SourceUnit unit = SourceUnit.stored(spec, source);
        Map<String, byte[]> classes;
        if (javacClasses.isPresent() && javacClasses.get().containsKey(unit.binaryName())) {
            classes = javacClasses.get();
        } else {
            Compilation compilation = compiler().compile(List.of(unit), Policies.visibleTypes(spec), libraries.jars());
            if (compilation instanceof Compilation.Failed failed) {
                return new Compiled.Failed(failed.errors());
            }
            classes = ((Compilation.Classes) compilation).classes();
        }
        if (!classes.containsKey(unit.binaryName())) {
            return new Compiled.Failed(List.of(new Diagnostic("jit.compile.class", 0, "The source must declare the class "
                    + unit.className() + ", which holds the method", "")));
        }
        Libraries.LibraryLoader own = loaderFor(spec, libraries);
        return new Compiled.Classes(unit.binaryName(), classes, Set.of(),
                own != null ? own : spec.owner().anchor().getClassLoader(), 0);
    }

    @Override
    public Defined define(MethodSpec spec, String source, Compiled.Classes compiled, Linked linked, CheckPlan plan,
                          Libraries libraries) {
        Map<String, byte[]> all = new LinkedHashMap<>(linked.classes());
        String harnessName = null;
        if (plan != null && !plan.isEmpty()) {
            SourceUnit unit = SourceUnit.stored(spec, source);
            MethodType type = MethodType.fromMethodDescriptorString(linked.descriptor(), compiled.loader());
            SourceUnit harness = Harness.write(plan, unit, type);
            Compilation together = compiler().compile(List.of(unit, harness), Policies.visibleTypes(spec),
                    libraries.jars());
            if (together instanceof Compilation.Failed failed) {
                throw new JitException(Messages.forMethod(spec.key(), "The examples do not compile: "
                        + failed.errors().get(0).describe()
                        + "\nCorrect the @Example (its call and returns are Java expressions)"));
            }
            harnessName = harness.binaryName();
            for (Map.Entry<String, byte[]> entry : ((Compilation.Classes) together).classes().entrySet()) {
                if (entry.getKey().equals(harnessName) || entry.getKey().startsWith(harnessName + "$")) {
                    all.put(entry.getKey(), entry.getValue());
                }
            }
        }
        Libraries.LibraryLoader loader = compiled.loader() instanceof Libraries.LibraryLoader own ? own : null;
        Map<String, Class<?>> defined = ClassDefiner.define(definer(spec, loader), all, linked.mainName());
        MethodHandle handle = handle(spec, defined.get(linked.mainName()), linked.descriptor());
        return new Defined(handle, harnessName == null ? null : defined.get(harnessName), compiled.loader());
    }

    @Override
    public Defined defineCached(MethodSpec spec, Linked linked, Libraries libraries) {
        Libraries.LibraryLoader loader = loaderFor(spec, libraries);
        Map<String, Class<?>> defined = ClassDefiner.defineAsCompiled(definer(spec, loader), linked.classes());
        if (defined == null) { // already defined in this class loader: define them again, renamed
            defined = ClassDefiner.define(definer(spec, loader), linked.classes(), linked.mainName());
        }
        return new Defined(handle(spec, defined.get(linked.mainName()), linked.descriptor()), null,
                loader != null ? loader : spec.owner().anchor().getClassLoader());
    }

    @Override
    public Object trialSelf(MethodSpec spec, MethodHandle candidate) {
        return trials.apply(spec, candidate);
    }

    /**
     * The class loader of a method with libraries, or of a {@code JitObject}'s method whose types come
     * from a loader jit-java's cannot see (null for the others): its own, below the interface's or
     * below that of the types.
     */
    private static Libraries.LibraryLoader loaderFor(MethodSpec spec, Libraries libraries) {
        Class<?> anchor = spec.owner().anchor();
        ClassLoader parent = anchor.getClassLoader();
        if (spec.owner() instanceof Owner.DynamicObject) {
            ClassLoader seeing = LoaderVisibility.seeing(anchor, typesOf(spec));
            parent = seeing == null ? parent : seeing;
        }
        if (libraries.isEmpty() && parent == anchor.getClassLoader()) {
            return null;
        }
        String hidden = Policies.notPublic(spec);
        if (hidden != null && !libraries.isEmpty()) {
            throw new JitException(Messages.forMethod(spec.key(), "The method uses the libraries " + libraries
                    + ", so its code lives in a class loader of its own and reaches only public types, and " + hidden
                    + " is not public: make it public, or have the method written without libraries"));
        }
        return libraries.newLoader(parent);
    }

    /** The classes a dynamic method's code names: its signature's, parameters' and return type's. */
    private static List<Class<?>> typesOf(MethodSpec spec) {
        List<Class<?>> types = new java.util.ArrayList<>(Policies.visibleTypes(spec));
        spec.parameters().forEach(parameter -> {
            if (parameter.type() != null) {
                types.add(parameter.type());
            }
        });
        if (spec.returnType() != null) {
            types.add(spec.returnType());
        }
        return types;
    }

    /** Defines a class next to the anchor, or in the method's own loader when it has libraries. */
    private static Function<byte[], Class<?>> definer(MethodSpec spec, Libraries.LibraryLoader loader) {
        if (loader != null) {
            return loader::define;
        }
        MethodHandles.Lookup lookup = ClassDefiner.lookupIn(spec.owner().anchor());
        return bytes -> ClassDefiner.defineOne(lookup, bytes);
    }

    /** The method in its defined class, typed {@code (self, params...)return} as the spec asks (see CallAdapter). */
    private static MethodHandle handle(MethodSpec spec, Class<?> main, String descriptor) {
        try {
            Class<?> anchor = spec.owner().anchor();
            // The anchor's lookup reaches a class defined next to it; one with libraries lives in a loader of its own.
            MethodHandles.Lookup lookup = ClassDefiner.lookupIn(main.getClassLoader() == anchor.getClassLoader()
                    && main.getPackageName().equals(anchor.getPackageName()) ? anchor : main);
            MethodType type = MethodType.fromMethodDescriptorString(descriptor, main.getClassLoader());
            return CallAdapter.adapt(lookup.findStatic(main, spec.name(), type).asFixedArity(), spec);
        } catch (ReflectiveOperationException e) {
            throw new JitException(Messages.forMethod(spec.key(), "jit-java could not link the method it compiled"), e);
        }
    }
}
