package dev.jitjava.internal.bind;

import dev.jitjava.JitException;

import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.function.Function;

/**
 * Defines compiled classes next to an anchor class: in its package and class loader, so that
 * generated code may use package-private interfaces and types exactly as hand-written code in that
 * package could.
 *
 * <p>Every definition gets fresh class names (the unit's own name plus {@code $jitN}), so a later
 * version, or the same method in another {@code Jit}, never collides with an earlier one; the
 * source keeps its stable name. Classes defined this way stay loaded while their class loader
 * lives, so each {@code improve} costs one small class for the life of the application.
 */
public final class ClassDefiner {

    private ClassDefiner() {
    }

    /**
     * Lookups by anchor: a start-up defines a class per stored method next to a few interfaces.
     * A failure (a package not opened) is thrown each time, never kept.
     */
    private static final ClassValue<MethodHandles.Lookup> LOOKUPS = new ClassValue<>() {
        @Override
        protected MethodHandles.Lookup computeValue(Class<?> anchor) {
            try {
                return MethodHandles.privateLookupIn(anchor, MethodHandles.lookup());
            } catch (IllegalAccessException e) {
                throw new JitException("jit-java cannot define classes in package " + anchor.getPackageName()
                        + " of " + anchor.getModule() + ": open the package to jit-java (`opens "
                        + anchor.getPackageName() + ";` in module-info.java)", e);
            }
        }
    };

    /** A full-privilege lookup into the anchor's package, or an error that says how to open it. */
    public static MethodHandles.Lookup lookupIn(Class<?> anchor) {
        return LOOKUPS.get(anchor);
    }

    /**
     * Renames and defines the classes of one compilation unit, each with {@code definer}.
     *
     * @param classes  classes by binary name, the unit's own class and its nested ones
     * @param mainName the binary name of the unit's class
     * @return the defined classes, by their names before renaming
     */
    public static Map<String, Class<?>> define(Function<byte[], Class<?>> definer, Map<String, byte[]> classes,
                                               String mainName) {
        return ClassRenamer.define(definer, classes, mainName);
    }

    /** The suffix of the classes the store's .cache keeps for {@link #defineAsCompiled}. */
    public static final String CACHED_SUFFIX = "$jitc";

    /**
     * The classes renamed for the store's {@code .cache} ({@code Unit$jitc}, nested ones alike) and
     * in an order they can be defined in, supertypes first, so that {@link #defineAsCompiled} needs
     * no class-file parsing at start-up.
     */
    public static Map<String, byte[]> forCache(Map<String, byte[]> classes, String mainName) {
        return ClassRenamer.forCache(classes, mainName);
    }

    /**
     * Defines classes as {@link #forCache} left them, in the order given (supertypes first), or
     * returns null when one of those names is taken in the class loader already (the same method
     * loaded twice in one process): the caller then defines them renamed, with {@link #define}.
     */
    public static Map<String, Class<?>> defineAsCompiled(Function<byte[], Class<?>> definer,
                                                         Map<String, byte[]> classesInOrder) {
        java.util.List<String> names = new java.util.ArrayList<>(classesInOrder.keySet());
        java.util.List<byte[]> bytes = new java.util.ArrayList<>(classesInOrder.values());
        java.util.List<Class<?>> classes;
        try {
            classes = defineInOrder(definer, names, bytes);
        } catch (LinkageError e) {
            return null;
        }
        Map<String, Class<?>> defined = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            defined.put(names.get(i), classes.get(i));
        }
        return defined;
    }

    /**
     * Defines the classes of one unit in the order given (supertypes first), each under its binary
     * name in {@code names}. {@code Lookup.defineClass} links a class at once, and the verifier may
     * then load another class of the unit to check an assignment: an enum's initializer storing its
     * constant-body subclasses, a method passing a subclass where its superclass is expected. When
     * that class is not defined yet, the class just defined stays loaded but unlinked; the JVM links
     * it at its first use, by which time every class of the unit is there. Any other failure is thrown.
     *
     * @return the classes, in the order of {@code names}
     */
    static java.util.List<Class<?>> defineInOrder(Function<byte[], Class<?>> definer, java.util.List<String> names,
                                                  java.util.List<byte[]> bytes) {
        Class<?>[] classes = new Class<?>[names.size()];
        LinkageError[] unlinked = new LinkageError[names.size()];
        ClassLoader loader = null;
        for (int i = 0; i < classes.length; i++) {
            try {
                classes[i] = definer.apply(bytes.get(i));
                loader = classes[i].getClassLoader();
            } catch (NoClassDefFoundError e) {
                if (!namesLaterClass(e, names, i)) {
                    throw e;
                }
                unlinked[i] = e;
            }
        }
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] == null) {
                classes[i] = loaded(names.get(i), loader, unlinked[i]);
            }
        }
        return java.util.Arrays.asList(classes);
    }

    /** Whether the class missing is one of the unit's, defined after the {@code index}-th. */
    private static boolean namesLaterClass(NoClassDefFoundError e, java.util.List<String> names, int index) {
        String missing = String.valueOf(e.getMessage()).replace('/', '.');
        for (int j = index + 1; j < names.size(); j++) {
            if (names.get(j).equals(missing)) {
                return true;
            }
        }
        return false;
    }

    /** A class defined but not linked yet, as its class loader knows it. */
    private static Class<?> loaded(String name, ClassLoader loader, LinkageError failure) {
        if (loader == null) {
            throw failure;
        }
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw failure;
        }
    }

    /** Defines one class with the lookup (used for generated method classes and implementation classes). */
    public static Class<?> defineOne(MethodHandles.Lookup lookup, byte[] bytes) {
        try {
            return lookup.defineClass(bytes);
        } catch (IllegalAccessException e) {
            throw new JitException("jit-java cannot define classes in package " + lookup.lookupClass().getPackageName()
                    + ": " + e.getMessage(), e);
        }
    }

}
