package dev.jitjava;

import dev.jitjava.bind.ClassDefiner;
import dev.jitjava.check.CheckPlan;
import dev.jitjava.check.Harness;
import dev.jitjava.compile.Compilation;
import dev.jitjava.compile.InMemoryCompiler;
import dev.jitjava.compile.SignatureCheck;
import dev.jitjava.compile.SourceUnit;
import dev.jitjava.prompt.MethodSpec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
    private final InMemoryCompiler compiler = new InMemoryCompiler();

    /**
     * Defined code.
     *
     * @param handle  the method, typed {@code (self, params...)return}
     * @param classes the method's classes, to store in the cache (never the harness)
     * @param harness the example harness, or null without a check plan
     */
    record Loaded(MethodHandle handle, Map<String, byte[]> classes, Class<?> harness) {
    }

    /** Either the loaded code or the problems that stopped it. */
    record Result(Loaded loaded, List<Diagnostic> problems) {
    }

    Result load(MethodSpec spec, SourceUnit unit, Optional<Map<String, byte[]>> compiled) {
        return load(spec, unit, compiled, null);
    }

    Result load(MethodSpec spec, SourceUnit unit, Optional<Map<String, byte[]>> compiled, CheckPlan plan) {
        Map<String, byte[]> classes;
        if (compiled.isPresent() && compiled.get().containsKey(unit.binaryName())) {
            classes = compiled.get();
        } else {
            Compilation compilation = compiler.compile(unit, visibleTypes(spec));
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
        Map<String, byte[]> all = classes;
        String harnessName = null;
        if (plan != null && !plan.isEmpty()) {
            SourceUnit harness = Harness.write(plan, unit, type.returnType());
            Compilation together = compiler.compile(List.of(unit, harness), visibleTypes(spec));
            if (together instanceof Compilation.Failed failed) {
                throw new JitException("The examples do not compile: " + failed.errors().get(0).describe()
                        + "\nCorrect the @Example (its call and returns are Java expressions), " + spec.key().forMethod());
            }
            all = ((Compilation.Classes) together).classes();
            harnessName = harness.binaryName();
        }
        MethodHandles.Lookup lookup = ClassDefiner.lookupIn(spec.owner().anchor());
        Map<String, Class<?>> defined = ClassDefiner.define(lookup, all, unit.binaryName());
        try {
            MethodHandle handle = lookup.findStatic(defined.get(unit.binaryName()), spec.name(), type).asFixedArity();
            Map<String, byte[]> own = new LinkedHashMap<>(all);
            if (harnessName != null) {
                String prefix = harnessName;
                own.keySet().removeIf(name -> name.equals(prefix) || name.startsWith(prefix + "$"));
            }
            return new Result(new Loaded(handle, own, harnessName == null ? null : defined.get(harnessName)), List.of());
        } catch (ReflectiveOperationException e) {
            throw new JitException("jit-java could not link the method it compiled, " + spec.key().forMethod(), e);
        }
    }

    private static Set<Class<?>> visibleTypes(MethodSpec spec) {
        Set<Class<?>> types = new HashSet<>(spec.signatureTypes());
        types.add(spec.owner().anchor());
        types.add(spec.owner().selfType());
        return types;
    }
}
