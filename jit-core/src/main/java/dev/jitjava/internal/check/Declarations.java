package dev.jitjava.internal.check;

import dev.jitjava.internal.method.TypeText;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * Method declarations as source, with parameters named {@code p0, p1, ...}: for code jit-java
 * writes around generated methods (example harnesses), not for the model.
 */
public final class Declarations {
    private final TypeText text;

    public Declarations(String ownerPackage) {
        this.text = new TypeText(ownerPackage);
    }

    /** {@code <T extends Comparable<T>> T largest(List<T> p0)}. */
    public String declaration(Method method) {
        StringBuilder out = new StringBuilder();
        String typeParameters = text.typeParameters(method.getTypeParameters());
        if (!typeParameters.isEmpty()) {
            out.append(typeParameters).append(' ');
        }
        out.append(text.render(method.getGenericReturnType())).append(' ').append(method.getName()).append('(');
        Type[] types = method.getGenericParameterTypes();
        for (int i = 0; i < types.length; i++) {
            String type = text.render(types[i]);
            if (method.isVarArgs() && i == types.length - 1) {
                type = type.substring(0, type.length() - 2) + "...";
            }
            out.append(i == 0 ? "" : ", ").append(type).append(" p").append(i);
        }
        return out.append(')').toString();
    }

    /** {@code p0, p1}. */
    public static String arguments(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : ", ").append('p').append(i);
        }
        return out.toString();
    }

    /** Types the declarations written so far need imported. */
    public Set<String> imports() {
        return text.imports();
    }
}
