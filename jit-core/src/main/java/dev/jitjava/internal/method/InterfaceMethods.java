package dev.jitjava.internal.method;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The methods of an interface that jit-java writes, and the ones it leaves alone. */
public final class InterfaceMethods {
    private static final Comparator<Method> BY_NAME_THEN_SIGNATURE = Comparator.comparing(Method::getName)
            .thenComparing(Method::toGenericString);

    private InterfaceMethods() {
    }

    /**
     * The abstract methods to generate, one per name and parameter list (the most specific return
     * type wins where superinterfaces disagree), in a stable order. Methods that {@code Object}
     * already implements ({@code toString}, {@code equals}, {@code hashCode}) are left out.
     */
    public static List<Method> toGenerate(Class<?> iface) {
        Map<String, Method> byParameters = new LinkedHashMap<>();
        Method[] methods = iface.getMethods();
        Arrays.sort(methods, BY_NAME_THEN_SIGNATURE);
        for (Method method : methods) {
            if (!Modifier.isAbstract(method.getModifiers()) || isObjectMethod(method)) {
                continue;
            }
            String key = method.getName() + Arrays.toString(method.getParameterTypes());
            Method earlier = byParameters.get(key);
            if (earlier == null || earlier.getReturnType().isAssignableFrom(method.getReturnType())) {
                byParameters.put(key, method); // the most specific return type wins
            }
        }
        return List.copyOf(byParameters.values());
    }

    /** The default methods, kept as written: context for the prompt, never generated. */
    public static List<Method> defaults(Class<?> iface) {
        List<Method> defaults = new ArrayList<>();
        for (Method method : iface.getMethods()) {
            if (method.isDefault()) {
                defaults.add(method);
            }
        }
        defaults.sort(BY_NAME_THEN_SIGNATURE);
        return defaults;
    }

    /** Compared by hand: a missed Class.getMethod builds its exception message with streams, at start-up. */
    public static boolean isObjectMethod(Method method) {
        for (Method onObject : OBJECT_METHODS) {
            if (onObject.getName().equals(method.getName())
                    && java.util.Arrays.equals(onObject.getParameterTypes(), method.getParameterTypes())) {
                return true;
            }
        }
        return false;
    }

    private static final Method[] OBJECT_METHODS = Object.class.getMethods();
}
