package dev.jitjava.internal.bind;

import dev.jitjava.runtime.Linker;
import dev.jitjava.runtime.Links;
import dev.jitjava.JitException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The implementation class of one interface for one {@code Jit}, and a call site per abstract
 * method. Every instance shares the call sites, so rebinding a method changes it for all of them.
 */
public final class InterfaceBinding {
    private static final AtomicLong CLASSES = new AtomicLong();
    /** Part of the cache key of implementation classes: a change of their layout makes old entries misses. */
    private static final String FORMAT = "static sites 1";

    private final Class<?> iface;
    private final List<Method> methods;
    private final MethodHandle constructor;
    private final List<MutableCallSite> sites;

    private InterfaceBinding(Class<?> iface, List<Method> methods, MethodHandle constructor, List<MutableCallSite> sites) {
        this.iface = iface;
        this.methods = methods;
        this.constructor = constructor;
        this.sites = sites;
    }

    /**
     * Keeps implementation classes between processes: the store's {@code .cache}. The bytes of one
     * interface's class depend only on the interface's methods.
     */
    public interface ClassCache {
        /** The bytes kept under {@code key}, or null. */
        byte[] read(String key);

        void write(String key, byte[] bytes);
    }

    /**
     * Defines the implementation class, taken from {@code cache} when it has it, with a call site
     * per method whose first target links it.
     *
     * @param methods the abstract methods to implement
     * @param keys    the linker's key of each method, in the same order
     */
    public static InterfaceBinding create(Class<?> iface, List<Method> methods, List<?> keys, Linker linker,
                                          ClassCache cache) {
        MethodHandles.Lookup lookup = ClassDefiner.lookupIn(iface);
        Class<?> implementation = cachedImplementation(iface, methods, lookup, cache);
        if (implementation == null) { // the stable name is taken: a second Jit implementing the interface
            implementation = define(iface, methods, lookup, iface.getName() + "$Jit" + CLASSES.incrementAndGet());
        }
        List<MutableCallSite> sites = new ArrayList<>(methods.size());
        for (int i = 0; i < methods.size(); i++) {
            MethodType type = siteType(iface, methods.get(i));
            try {
                sites.add(new MutableCallSite(lookup.findStatic(implementation, ImplementationClass.STUB_PREFIX + i, type)));
            } catch (ReflectiveOperationException e) {
                throw new JitException("jit-java could not link the implementation of " + iface.getName(), e);
            }
        }
        Links.register(implementation, sites, linker, keys);
        return new InterfaceBinding(iface, List.copyOf(methods), constructorOf(lookup, implementation, iface),
                List.copyOf(sites));
    }

    /** {@code (Iface, params...)result}: the type of a method's call site. */
    private static MethodType siteType(Class<?> iface, Method method) {
        return MethodType.methodType(method.getReturnType(), method.getParameterTypes()).insertParameterTypes(0, iface);
    }

    /**
     * The implementation class under its stable name, {@code Iface$JitImpl}, from the cache (written
     * there first if missing): defining it needs no ASM. Null when that name is taken in the class
     * loader already.
     */
    private static Class<?> cachedImplementation(Class<?> iface, List<Method> methods, MethodHandles.Lookup lookup,
                                                 ClassCache cache) {
        String className = iface.getName() + "$JitImpl";
        StringBuilder shape = new StringBuilder(className);
        for (Method method : methods) {
            shape.append('\n').append(method.getName()).append(MethodType.methodType(method.getReturnType(),
                    method.getParameterTypes()).toMethodDescriptorString());
            for (Class<?> thrown : method.getExceptionTypes()) {
                shape.append(' ').append(thrown.getName());
            }
        }
        String key = Fingerprint.of(shape.append('\n').append(FORMAT));
        byte[] bytes = cache.read(key);
        if (bytes == null) {
            bytes = ImplementationClass.write(className.replace('.', '/'), iface, methods);
            cache.write(key, bytes);
        }
        try {
            return ClassDefiner.defineOne(lookup, bytes);
        } catch (LinkageError e) {
            return null;
        }
    }

    /**
     * An object on which the i-th method runs {@code candidate} and every other method runs as
     * bound: what examples and checks test before the candidate is bound for everyone.
     */
    public Object trial(int index, MethodHandle candidate) {
        List<MutableCallSite> trialSites = new ArrayList<>(sites);
        trialSites.set(index, new MutableCallSite(candidate.asType(sites.get(index).type())));
        MethodHandles.Lookup lookup = ClassDefiner.lookupIn(iface);
        Class<?> implementation = define(iface, methods, lookup, iface.getName() + "$Jit" + CLASSES.incrementAndGet());
        Links.register(implementation, trialSites, null, null);
        try {
            return constructorOf(lookup, implementation, iface).invoke();
        } catch (Throwable e) {
            throw new JitException("jit-java could not create a trial object of " + iface.getName(), e);
        }
    }

    private static Class<?> define(Class<?> iface, List<Method> methods, MethodHandles.Lookup lookup, String className) {
        return ClassDefiner.defineOne(lookup, ImplementationClass.write(className.replace('.', '/'), iface, methods));
    }

    private static MethodHandle constructorOf(MethodHandles.Lookup lookup, Class<?> implementation, Class<?> iface) {
        try {
            return lookup.findConstructor(implementation, MethodType.methodType(void.class));
        } catch (ReflectiveOperationException e) {
            throw new JitException("jit-java could not link the implementation of " + iface.getName(), e);
        }
    }

    /** The call site of the i-th method. */
    public MutableCallSite site(int index) {
        return sites.get(index);
    }

    /** A new instance of the implementation class. */
    public Object newInstance() {
        try {
            return constructor.invoke();
        } catch (Throwable e) {
            throw new JitException("jit-java could not create the implementation object", e);
        }
    }
}
