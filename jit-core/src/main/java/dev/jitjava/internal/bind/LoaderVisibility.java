package dev.jitjava.internal.bind;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which class loader generated code must live below to see both jit-java's classes and the types it
 * works with. A {@code JitObject}'s methods live next to jit-java's anchor; an argument whose class
 * comes from a loader the anchor's cannot see (a plugin's, a test's, an application server's) needs
 * code defined below that loader instead, as long as it sees jit-java too.
 */
public final class LoaderVisibility {
    private LoaderVisibility() {
    }

    /**
     * The anchor's loader when it sees every type, else the first of the types' own loaders that sees
     * them all and the anchor, else null (no loader sees everything: the anchor's then, and linking
     * says which type it could not find).
     */
    public static ClassLoader seeing(Class<?> anchor, Collection<Class<?>> types) {
        ClassLoader base = anchor.getClassLoader();
        Set<Class<?>> elements = new LinkedHashSet<>();
        for (Class<?> type : types) {
            Class<?> element = type;
            while (element != null && element.isArray()) {
                element = element.getComponentType();
            }
            if (element != null && !element.isPrimitive() && element.getClassLoader() != null) {
                elements.add(element);
            }
        }
        if (seesAll(base, elements)) {
            return base;
        }
        for (Class<?> type : elements) {
            ClassLoader candidate = type.getClassLoader();
            if (sees(candidate, anchor) && seesAll(candidate, elements)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean seesAll(ClassLoader loader, Collection<Class<?>> types) {
        for (Class<?> type : types) {
            if (!sees(loader, type)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sees(ClassLoader loader, Class<?> type) {
        if (type.getClassLoader() == loader) {
            return true;
        }
        try {
            return Class.forName(type.getName(), false, loader) == type;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
