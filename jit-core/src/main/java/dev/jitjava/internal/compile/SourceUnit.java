package dev.jitjava.internal.compile;

import dev.jitjava.internal.extract.Extraction;
import dev.jitjava.internal.extract.SelfCalls;
import dev.jitjava.internal.extract.UndeclaredExceptions;
import dev.jitjava.internal.method.MethodSpec;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The compilation unit a generated method lives in: a class of its own, in the owner's package,
 * holding the method (with {@code self} first) and its helpers, the calls the answer made as code of
 * the owner's own class would made on {@code self} (see {@link SelfCalls}), and checked exceptions
 * the interface does not declare wrapped (see {@link UndeclaredExceptions}). Its text is stable for
 * the same answer: no time, no counter, nothing that would make a stored copy differ from run to run.
 *
 * @param packageName the package ("" for the unnamed one)
 * @param className   the simple class name, e.g. {@code Numbers_countVowels}
 * @param source      the whole text, exactly what is compiled
 */
public record SourceUnit(String packageName, String className, String source) {

    public String binaryName() {
        return packageName.isEmpty() ? className : packageName + "." + className;
    }

    /** The unit of a stored source, which holds the class as {@link #of} named it. */
    public static SourceUnit stored(MethodSpec spec, String source) {
        return new SourceUnit(spec.owner().packageName(), className(spec), source);
    }

    private static String className(MethodSpec spec) {
        return spec.owner().classPrefix() + "_" + spec.name();
    }

    public static SourceUnit of(MethodSpec spec, Extraction.Found found) {
        String packageName = spec.owner().packageName();
        String className = className(spec);
        Set<String> imports = new LinkedHashSet<>();
        imports.add("import java.util.*;");
        imports.add("import java.util.function.*;");
        imports.add("import java.util.stream.*;");
        spec.owner().memberImports().forEach(type -> imports.add("import " + type + ";"));
        spec.imports().stream().sorted().forEach(type -> imports.add("import " + type + ";"));
        imports.addAll(found.imports());
        StringBuilder source = new StringBuilder();
        source.append("// Written by jit-java for ").append(spec.owner().id()).append(' ')
                .append(spec.key().signature()).append(".\n");
        if (!packageName.isEmpty()) {
            source.append("package ").append(packageName).append(";\n");
        }
        source.append('\n');
        imports.forEach(line -> source.append(line).append('\n'));
        source.append("\nfinal class ").append(className).append(" {\n");
        for (String member : found.members()) {
            source.append('\n').append(member).append('\n');
        }
        source.append("}\n");
        String calls = SelfCalls.rewrite(source.toString(), className, spec, found.classNames());
        return new SourceUnit(packageName, className, UndeclaredExceptions.rewrite(calls, className, spec));
    }
}
