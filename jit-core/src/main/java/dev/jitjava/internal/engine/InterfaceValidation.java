package dev.jitjava.internal.engine;

import dev.jitjava.Allow;
import dev.jitjava.Jit;
import dev.jitjava.internal.method.UserTypes;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Stream;

/** What {@link Jit#implement} refuses, said up front rather than at the first call. */
public final class InterfaceValidation {
    private InterfaceValidation() {
    }

    /** Checks up front what would otherwise fail at the first call, the way Retrofit checks its service interfaces. */
    public static void validate(Class<?> iface) {
        String name = iface.getName();
        if (!iface.isInterface() || iface.isAnnotation()) {
            throw new IllegalArgumentException("jit.implement needs an interface, and " + name + " is not one");
        }
        if (iface.isHidden() || iface.getCanonicalName() == null) {
            throw new IllegalArgumentException(name + " is a local or hidden interface: declare it as a top-level "
                    + "or member interface so that generated code can name it");
        }
        for (Class<?> c = iface; c != null; c = c.getEnclosingClass()) {
            if (Modifier.isPrivate(c.getModifiers())) {
                throw new IllegalArgumentException(c.getName() + " is private: make it package-private or public so "
                        + "that generated code can use " + iface.getSimpleName());
            }
        }
        if (iface.isSealed()) {
            throw new IllegalArgumentException(name + " is sealed, so jit-java cannot implement it");
        }
        ClassLoader loader = iface.getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            throw new IllegalArgumentException(name + " belongs to the JDK: declare an interface of your own "
                    + "(it may extend " + iface.getSimpleName() + ")");
        }
        Deque<Class<?>> candidates = new ArrayDeque<>();
        candidates.add(iface);
        while (!candidates.isEmpty()) {
            Class<?> candidate = candidates.removeFirst();
            if (candidate.getTypeParameters().length != 0) {
                throw new IllegalArgumentException("Type parameters are unsupported on " + candidate.getName()
                        + (candidate == iface ? "" : " which is an interface of " + name));
            }
            for (Type superinterface : candidate.getGenericInterfaces()) {
                if (!(superinterface instanceof Class<?> c)) {
                    throw new IllegalArgumentException("Type parameters are unsupported on " + superinterface
                            + " which is an interface of " + name);
                }
                candidates.add(c);
            }
        }
        Allow allow = iface.getAnnotation(Allow.class);
        if (allow != null) {
            try {
                Stream.of(allow.types()).forEach(UserTypes::checkType);
                Stream.of(allow.packages()).forEach(UserTypes::checkPackage);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("@Allow on " + name + ": " + e.getMessage(), e);
            }
        }
    }
}
