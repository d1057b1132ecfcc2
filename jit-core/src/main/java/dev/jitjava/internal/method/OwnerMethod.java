package dev.jitjava.internal.method;

import java.util.List;
import java.util.Set;

/**
 * A method of the owner that generated code may call by name, as code in a class of the owner's
 * would: one of an interface's abstract or default methods, or a method a {@code JitObject} has
 * already. The method being written is one of them too.
 *
 * @param name         its name
 * @param parameters   its parameters, in order
 * @param returnType   its erased return type (for a {@code JitObject} method, the one it was bound with)
 * @param returnSource its return type as source, generics included
 * @param varArgs      whether its last parameter is a variable-arity one
 * @param imports        the types its signature needs imported
 * @param typeParameters its type parameters as source ({@code <T extends Comparable<T>>}), or ""
 * @param exceptions     the checked exceptions it declares, as source
 */
public record OwnerMethod(String name, List<Parameter> parameters, Class<?> returnType, String returnSource,
                          boolean varArgs, Set<String> imports, String typeParameters, List<String> exceptions) {
    public OwnerMethod {
        parameters = List.copyOf(parameters);
        imports = Set.copyOf(imports);
        exceptions = List.copyOf(exceptions);
    }

    public OwnerMethod(String name, List<Parameter> parameters, Class<?> returnType, String returnSource,
                       boolean varArgs, Set<String> imports) {
        this(name, parameters, returnType, returnSource, varArgs, imports, "", List.of());
    }

    /** {@code int countVowels(String text)}. */
    public String signature() {
        StringBuilder text = new StringBuilder(returnSource).append(' ').append(name).append('(');
        for (int i = 0; i < parameters.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(parameters.get(i).source()).append(' ')
                    .append(parameters.get(i).name());
        }
        return text.append(')').toString();
    }

    /** Whether a call with {@code arguments} arguments may be a call of this method. */
    public boolean takes(int arguments) {
        int count = parameters.size();
        return arguments == count || varArgs && arguments >= count - 1;
    }

    /** Whether this is the method {@code spec} asks for. */
    public boolean isMethodOf(MethodSpec spec) {
        if (!name.equals(spec.name()) || parameters.size() != spec.parameters().size()) {
            return false;
        }
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).type() != spec.parameters().get(i).type()) {
                return false;
            }
        }
        return true;
    }

    /** A {@code JitObject} method as a sibling sees it: with the return type it was bound with, when it chose one. */
    public static OwnerMethod of(MethodSpec spec, Class<?> boundReturn) {
        if (spec.flexibleReturn() && boundReturn != null) {
            TypeText text = new TypeText(spec.owner().packageName());
            String source = text.render(boundReturn);
            java.util.Set<String> imports = new java.util.HashSet<>(spec.imports());
            imports.addAll(text.imports());
            return new OwnerMethod(spec.name(), spec.parameters(), boundReturn, source, false, imports);
        }
        return new OwnerMethod(spec.name(), spec.parameters(), spec.returnType(), spec.returnSource(), false,
                spec.imports());
    }
}
