package dev.jitjava.internal.bind;

import dev.jitjava.internal.prompt.Prompts;
import dev.jitjava.internal.store.SpecFingerprint;
import dev.jitjava.runtime.BuildTimeImplementation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes jit-java's annotation processor compiled into the application: {@code Jit_Numbers}
 * for {@code Numbers}, in the interface's package. One is used only when the fingerprint it was
 * built from matches the interface as loaded; then implementing the interface reads no store, runs
 * no javac or ASM and defines no class. Per {@code Jit}, an interface whose method was improved is
 * handed over to the run-time engine, which serves the new version until the next build.
 */
public final class BuildTimeClasses {
    /** Marks an interface without a usable class. */
    private static final Object NONE = new Object();

    /**
     * Per interface: its class's prototype, or {@link #NONE}. Per {@code Jit} rather than in a
     * {@code ClassValue}: that would load five classes and one of its own, where checking an
     * interface again for another {@code Jit} costs less.
     */
    private final ConcurrentHashMap<Class<?>, Object> prototypes = new ConcurrentHashMap<>();
    private final Set<Class<?>> handedOver = ConcurrentHashMap.newKeySet();

    /**
     * The name of the class generated for an interface: {@code dev.example.Jit_Numbers}, and for a
     * nested one the simple names from the outermost class joined with {@code _}:
     * {@code dev.example.Jit_Outer_Inner}.
     *
     * @param simpleNames the simple names, outermost first
     */
    public static String className(String packageName, List<String> simpleNames) {
        String simple = "Jit_" + String.join("_", simpleNames);
        return packageName.isEmpty() ? simple : packageName + "." + simple;
    }

    /** As {@link #className(String, List)}, for a loaded interface. */
    public static String className(Class<?> iface) {
        List<String> names = new ArrayList<>();
        for (Class<?> c = iface; c != null; c = c.getEnclosingClass()) {
            names.add(0, c.getSimpleName());
        }
        return className(iface.getPackageName(), names);
    }

    /** A new instance of the class compiled in for {@code iface}, or null when there is none to use. */
    public <T> T instance(Class<T> iface) {
        if (!handedOver.isEmpty() && handedOver.contains(iface)) {
            return null;
        }
        Object prototype = prototype(iface);
        return prototype == NONE ? null : iface.cast(((BuildTimeImplementation) prototype).jit$newInstance());
    }

    /** Whether {@code iface} has a class compiled in that matches it (handed over or not). */
    public boolean compiledIn(Class<?> iface) {
        return prototype(iface) != NONE;
    }

    private Object prototype(Class<?> iface) {
        Object known = prototypes.get(iface);
        if (known != null) {
            return known;
        }
        Object found = find(iface); // not computeIfAbsent: its lambda would spin a class at start-up
        Object raced = prototypes.putIfAbsent(iface, found);
        return raced != null ? raced : found;
    }

    /** From now on, this {@code Jit}'s {@link #instance} answers null for {@code iface}: the engine serves it. */
    public void handOver(Class<?> iface) {
        handedOver.add(iface);
    }

    /**
     * Whether the class was built from the interface as loaded. Its declarations, read from the
     * class files, are compared first: when they are the same, so are the specs. When they are not
     * (or a class file cannot be read), the specs decide, as the store would: a default method added
     * or another compiler's way of writing signatures changes no spec.
     */
    private static boolean builtFrom(Class<?> iface, BuildTimeImplementation prototype) {
        String declared = DeclarationFingerprint.of(iface, Prompts.VERSION);
        if (declared != null && declared.equals(prototype.jit$declarationFingerprint())) {
            return true;
        }
        return SpecFingerprint.of(iface).equals(prototype.jit$specFingerprint());
    }

    private static Object find(Class<?> iface) {
        if (!iface.isInterface()) {
            return NONE;
        }
        Class<?> found;
        try {
            found = Class.forName(className(iface), false, iface.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return NONE;
        }
        if (!iface.isAssignableFrom(found) || !BuildTimeImplementation.class.isAssignableFrom(found)) {
            return NONE;
        }
        BuildTimeImplementation prototype;
        try {
            prototype = (BuildTimeImplementation) found.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return NONE;
        }
        if (!builtFrom(iface, prototype)) {
            org.slf4j.LoggerFactory.getLogger(BuildTimeClasses.class).warn("{} was compiled in at build time from "
                    + "another spec of {} (a signature or @Describe changed since): the run-time engine serves it "
                    + "until the next build with jit-processor", found.getName(), iface.getName());
            return NONE;
        }
        return prototype;
    }
}
