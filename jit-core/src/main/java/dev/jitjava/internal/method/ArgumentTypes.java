package dev.jitjava.internal.method;

import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The parameter type a person would write for a runtime argument: {@code Integer} becomes
 * {@code int}, an {@code ArrayList} of {@code Integer}s becomes {@code List<Integer>}, a
 * package-private implementation class becomes its public supertype.
 */
public final class ArgumentTypes {
    private static final Map<Class<?>, Class<?>> PRIMITIVES = Map.of(
            Integer.class, int.class, Long.class, long.class, Double.class, double.class,
            Boolean.class, boolean.class, Character.class, char.class, Byte.class, byte.class,
            Short.class, short.class, Float.class, float.class, Void.class, void.class);

    private ArgumentTypes() {
    }

    /** The type to declare for this argument (never called with {@code null}). */
    public static Type parameterType(Object arg) {
        Class<?> unboxed = unboxed(arg.getClass());
        return unboxed.isPrimitive() ? unboxed : elementType(arg);
    }

    /** {@code int} for {@code Integer} and so on; any other class as it is. */
    public static Class<?> unboxed(Class<?> type) {
        return PRIMITIVES.getOrDefault(type, type);
    }

    /** {@code Integer} for {@code int} and so on; any other class as it is. */
    public static Class<?> boxed(Class<?> type) {
        for (Map.Entry<Class<?>, Class<?>> entry : PRIMITIVES.entrySet()) {
            if (entry.getValue() == type) {
                return entry.getKey();
            }
        }
        return type;
    }

    public static Class<?> erase(Type type) {
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof java.lang.reflect.GenericArrayType array) {
            return erase(array.getGenericComponentType()).arrayType();
        }
        if (type instanceof java.lang.reflect.WildcardType wildcard) {
            return erase(wildcard.getUpperBounds()[0]);
        }
        if (type instanceof java.lang.reflect.TypeVariable<?> variable) {
            return erase(variable.getBounds()[0]);
        }
        return (Class<?>) type;
    }

    /** The type as a generic argument: boxed, with collections' own elements typed. */
    private static Type elementType(Object value) {
        if (value instanceof List<?> list) {
            return parameterized(List.class, common(list));
        }
        if (value instanceof Set<?> set) {
            return parameterized(Set.class, common(set));
        }
        if (value instanceof Map<?, ?> map) {
            return parameterized(Map.class, common(map.keySet()), common(map.values()));
        }
        if (value instanceof Collection<?> collection) {
            return parameterized(Collection.class, common(collection));
        }
        return publicType(value.getClass());
    }

    private static Type common(Collection<?> values) {
        Type common = null;
        for (Object value : values) {
            Type type = value == null ? Object.class : elementType(value);
            if (common != null && !common.equals(type)) {
                return Object.class;
            }
            common = type;
        }
        return common == null ? Object.class : common;
    }

    private static Class<?> publicType(Class<?> type) {
        if (type.isArray()) {
            return publicType(type.getComponentType()).arrayType();
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (isPublic(c)) {
                return c;
            }
            for (Class<?> implemented : c.getInterfaces()) {
                if (isPublic(implemented)) {
                    return implemented;
                }
            }
        }
        return Object.class;
    }

    private static boolean isPublic(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static ParameterizedType parameterized(Class<?> raw, Type... arguments) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return arguments.clone();
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }

            @Override
            public boolean equals(Object other) {
                return other instanceof ParameterizedType p && raw.equals(p.getRawType())
                        && java.util.Arrays.equals(arguments, p.getActualTypeArguments())
                        && p.getOwnerType() == null;
            }

            @Override
            public int hashCode() {
                return Objects.hash(raw, java.util.Arrays.hashCode(arguments));
            }
        };
    }
}
