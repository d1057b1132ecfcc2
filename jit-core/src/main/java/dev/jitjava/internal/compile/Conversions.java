package dev.jitjava.internal.compile;

import dev.jitjava.internal.method.ArgumentTypes;

import java.util.Map;
import java.util.Set;

/**
 * Java's method invocation conversions (JLS 5.3) between erased types: what a value of one type may
 * be passed as without a cast. {@code MethodHandle.asType} performs each of them.
 */
final class Conversions {
    /** Primitive widening conversions (JLS 5.1.2): each type to those it widens to. */
    private static final Map<Class<?>, Set<Class<?>>> WIDENING = Map.of(
            byte.class, Set.of(short.class, int.class, long.class, float.class, double.class),
            short.class, Set.of(int.class, long.class, float.class, double.class),
            char.class, Set.of(int.class, long.class, float.class, double.class),
            int.class, Set.of(long.class, float.class, double.class),
            long.class, Set.of(float.class, double.class),
            float.class, Set.of(double.class));

    private Conversions() {
    }

    /**
     * Whether a value of type {@code from} may be passed where {@code to} is expected: identity,
     * widening, boxing then widening a reference, or unboxing then widening a primitive.
     */
    static boolean invocable(Class<?> from, Class<?> to) {
        if (from == to) {
            return true;
        }
        if (from == void.class || to == void.class) {
            return false;
        }
        if (to.isPrimitive()) {
            Class<?> primitive = from.isPrimitive() ? from : ArgumentTypes.unboxed(from);
            return primitive.isPrimitive() && (primitive == to || WIDENING.getOrDefault(primitive, Set.of()).contains(to));
        }
        return to.isAssignableFrom(from.isPrimitive() ? ArgumentTypes.boxed(from) : from);
    }
}
