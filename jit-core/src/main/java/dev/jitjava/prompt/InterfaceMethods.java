package dev.jitjava.prompt;

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
        Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        for (Method method : methods) {
            if (!Modifier.isAbstract(method.getModifiers()) || isObjectMethod(method)) {
                continue;
            }
            String key = method.getName() + Arrays.toString(method.getParameterTypes());
            byParameters.merge(key, method, (a, b) ->
                    a.getReturnType().isAssignableFrom(b.getReturnType()) ? b : a);
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
        defaults.sort(Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        return defaults;
    }

    static boolean isObjectMethod(Method method) {
        try {
            Method onObject = Object.class.getMethod(method.getName(), method.getParameterTypes());
            return Modifier.isPublic(onObject.getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
