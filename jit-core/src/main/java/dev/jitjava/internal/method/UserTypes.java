package dev.jitjava.internal.method;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The user's own types a method can reach from its signature: those named by the public API of
 * the signature's types (record components, fields, methods, constructors, supertypes, nested
 * types), and so on, as long as they come from the same jar or classes directory as one of the
 * signature's types. A value passed in lets generated code reach them anyway; the verifier trusts
 * them like the signature's own types, and describe_type can show them.
 *
 * <p>JDK types, jit-java's own and other libraries' types are never included: a library reached
 * this way keeps to the allowlist.
 */
public final class UserTypes {
    /** More than any domain model a single method sees; the walk stops there. */
    static final int LIMIT = 200;
    private static final URL JIT = locationOf(UserTypes.class);
    private static final ClassValue<Set<Class<?>>> NEIGHBOURS = new ClassValue<>() {
        @Override
        protected Set<Class<?>> computeValue(Class<?> type) {
            return neighbours(type);
        }
    };

    private UserTypes() {
    }

    /** The roots and the user types reachable from them, roots first. */
    public static Set<Class<?>> reachable(Collection<Class<?>> roots) {
        Set<URL> sources = new HashSet<>();
        for (Class<?> root : roots) {
            URL location = locationOf(root);
            if (location != null && !location.equals(JIT)) {
                sources.add(location);
            }
        }
        Set<Class<?>> found = new LinkedHashSet<>(roots);
        if (sources.isEmpty()) {
            return found;
        }
        Deque<Class<?>> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty() && found.size() < LIMIT) {
            Class<?> type = pending.poll();
            if (!sources.contains(locationOf(type))) {
                continue;
            }
            for (Class<?> next : NEIGHBOURS.get(type)) {
                if (sources.contains(locationOf(next)) && found.add(next)) {
                    pending.add(next);
                }
            }
        }
        return found;
    }

    /**
     * Whether the types of {@code type}'s package are the user's own code, usable by generated code like the
     * signature's: a named package of an application class loader, not the JDK's and not jit-java's.
     */
    public static boolean isUsersOwnPackage(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        String name = type.getPackageName();
        if (name.isEmpty() || loader == null || loader == ClassLoader.getPlatformClassLoader()
                || name.equals("dev.jitjava") || name.startsWith("dev.jitjava.")) {
            return false;
        }
        URL location = locationOf(type);
        return location != null && !location.equals(JIT);
    }

    /**
     * Checks that a package granted by name can be the application's: a valid name, not a JDK package
     * (the allowlist governs those) and not jit-java's.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static String checkPackage(String name) {
        boolean valid = name.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
        if (!valid || isJdkPackage(name) || name.equals("dev.jitjava") || name.startsWith("dev.jitjava.")) {
            throw new IllegalArgumentException("\"" + name + "\" is not a package of the application: give one like "
                    + "\"com.acme.billing\" (the JDK's packages are governed by the allowlist, which capabilities open)");
        }
        return name;
    }

    /**
     * Checks that a type granted to generated code is the application's: not the JDK's (the allowlist
     * governs those), not jit-java's, not a primitive or an array.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static Class<?> checkType(Class<?> type) {
        if (type.isPrimitive() || type.isArray() || TypeText.isJdk(type) || locationOf(type) != null
                && locationOf(type).equals(JIT)) {
            throw new IllegalArgumentException(type.getName() + " is not the application's type: the JDK's types "
                    + "are governed by the allowlist, which capabilities open (allow(Capability...))");
        }
        return type;
    }

    private static boolean isJdkPackage(String name) {
        for (String prefix : new String[] {"java.", "javax.", "jdk.", "sun.", "com.sun."}) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return ModuleLayer.boot().modules().stream().anyMatch(module -> module.getPackages().contains(name)
                && TypeText.isJdk(module.getClassLoader()));
    }

    private static Set<Class<?>> neighbours(Class<?> type) {
        Set<Type> types = new LinkedHashSet<>();
        try {
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    types.add(component.getGenericType());
                }
            }
            for (Field field : type.getFields()) {
                types.add(field.getGenericType());
            }
            for (Method method : type.getMethods()) {
                types.add(method.getGenericReturnType());
                types.addAll(java.util.List.of(method.getGenericParameterTypes()));
            }
            for (Constructor<?> constructor : type.getConstructors()) {
                types.addAll(java.util.List.of(constructor.getGenericParameterTypes()));
            }
            types.add(type.getGenericSuperclass());
            types.addAll(java.util.List.of(type.getGenericInterfaces()));
            types.addAll(java.util.List.of(type.getClasses()));
        } catch (LinkageError e) {
            // a type whose API does not resolve shows nothing more
        }
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (Type found : types) {
            if (found != null) {
                collect(found, classes);
            }
        }
        return Set.copyOf(classes);
    }

    private static void collect(Type type, Set<Class<?>> into) {
        if (type instanceof Class<?> c) {
            Class<?> element = c;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            if (!element.isPrimitive() && !TypeText.isJdk(element)) {
                into.add(element);
            }
        } else if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), into);
            for (Type argument : p.getActualTypeArguments()) {
                collect(argument, into);
            }
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                collect(bound, into);
            }
            for (Type bound : w.getLowerBounds()) {
                collect(bound, into);
            }
        } else if (type instanceof GenericArrayType g) {
            collect(g.getGenericComponentType(), into);
        }
    }

    private static URL locationOf(Class<?> type) {
        if (TypeText.isJdk(type)) {
            return null;
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }
}
