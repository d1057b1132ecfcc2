package dev.jitjava.internal.method;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Parameter names for methods whose real names are unknown: derived from the type, as a person would. */
public final class Names {
    private final Set<String> taken = new HashSet<>();

    public String next(Class<?> type) {
        String base = base(type);
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + n;
        }
        return name;
    }

    private static String base(Class<?> type) {
        if (type.isArray()) {
            Class<?> component = type.getComponentType();
            return component.isPrimitive() || component.isArray() ? "values" : base(component) + "s";
        }
        return switch (type.getName()) {
            case "int", "long", "short", "byte", "java.lang.Integer", "java.lang.Long" -> "n";
            case "double", "float", "java.lang.Double", "java.lang.Float" -> "x";
            case "boolean", "java.lang.Boolean" -> "flag";
            case "char", "java.lang.Character" -> "c";
            case "java.lang.String", "java.lang.CharSequence" -> "text";
            default -> {
                String simple = type.getSimpleName();
                String name = simple.substring(0, 1).toLowerCase(Locale.ROOT) + simple.substring(1);
                yield javax.lang.model.SourceVersion.isKeyword(name) ? name + "Value" : name;
            }
        };
    }
}
