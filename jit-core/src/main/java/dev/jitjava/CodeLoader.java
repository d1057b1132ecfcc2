package dev.jitjava;

import dev.jitjava.bind.ClassDefiner;
import dev.jitjava.compile.Compilation;
import dev.jitjava.compile.InMemoryCompiler;
import dev.jitjava.compile.SignatureCheck;
import dev.jitjava.compile.SourceUnit;
import dev.jitjava.prompt.MethodSpec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a source unit into a bound method handle: compile (unless compiled classes are given),
 * check the signature, define. Used alike for a model's answer and for stored code.
 */
final class CodeLoader {
    private final InMemoryCompiler compiler = new InMemoryCompiler();

    /** Defined code: its handle, typed {@code (self, params...)return}, and the classes it came from. */
    record Loaded(MethodHandle handle, Map<String, byte[]> classes) {
    }

    /** Either the loaded code or the problems that stopped it. */
    record Result(Loaded loaded, List<Diagnostic> problems) {
    }

    Result load(MethodSpec spec, SourceUnit unit, Optional<Map<String, byte[]>> compiled) {
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
        MethodHandles.Lookup lookup = ClassDefiner.lookupIn(spec.owner().anchor());
        Class<?> defined = ClassDefiner.define(lookup, classes, unit.binaryName());
        try {
            MethodType type = MethodType.fromMethodDescriptorString(signature.descriptor(), defined.getClassLoader());
            MethodHandle handle = lookup.findStatic(defined, spec.name(), type).asFixedArity();
            return new Result(new Loaded(handle, classes), List.of());
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
