package dev.jitjava.internal.method;

import java.util.List;
import java.util.Set;

/**
 * Everything known about a method to write: what the prompt says and what the answer is checked
 * against.
 *
 * @param key            the method's identity
 * @param owner          where it belongs
 * @param typeParameters its type parameters as source, e.g. {@code <T extends Comparable<T>>}, or ""
 * @param returnType     the erased return type
 * @param returnSource   the return type as source, generics included
 * @param flexibleReturn true when the caller gave no return type, so any return type (void too) is accepted
 * @param parameters     the parameters, in order
 * @param exceptions     the declared exceptions, as source
 * @param exceptionTypes the declared exceptions' classes
 * @param description    the method's {@code @Describe} text, or ""
 * @param examples       example calls, from {@code @Example}s, {@code JitObject} methods and {@code improve}
 * @param otherMethods   the owner's other methods, one prompt line each
 * @param imports        types the generated source imports so that the signature compiles as written
 * @param signatureTypes user types used in the signature, whose shape the prompt shows
 * @param model          {@code provider:model} from {@code @Model} on the method or its interface, or ""
 */
public record MethodSpec(MethodKey key, Owner owner, String typeParameters, Class<?> returnType,
                         String returnSource, boolean flexibleReturn, List<Parameter> parameters,
                         List<String> exceptions, List<Class<?>> exceptionTypes, String description, List<ExampleSpec> examples,
                         List<String> otherMethods, Set<String> imports, Set<Class<?>> signatureTypes,
                         String model) {

    public MethodSpec {
        parameters = List.copyOf(parameters);
        exceptions = List.copyOf(exceptions);
        exceptionTypes = List.copyOf(exceptionTypes);
        examples = List.copyOf(examples);
        otherMethods = List.copyOf(otherMethods);
        imports = Set.copyOf(imports);
        signatureTypes = Set.copyOf(signatureTypes);
    }

    /** This spec with more examples: those given to {@code improve}, kept from then on. */
    public MethodSpec withExamples(List<ExampleSpec> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<ExampleSpec> all = new java.util.ArrayList<>(examples);
        more.stream().filter(e -> !all.contains(e)).forEach(all::add);
        return new MethodSpec(key, owner, typeParameters, returnType, returnSource, flexibleReturn, parameters,
                exceptions, exceptionTypes, description, all, otherMethods, imports, signatureTypes, model);
    }

    /** Whether an interface or any of its methods carries {@code @Budget}: most do not, and then no method is looked up. */
    private static final ClassValue<Boolean> HAS_BUDGETS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            if (type.isAnnotationPresent(dev.jitjava.Budget.class)) {
                return true;
            }
            for (java.lang.reflect.Method method : type.getMethods()) {
                if (method.isAnnotationPresent(dev.jitjava.Budget.class)) {
                    return true;
                }
            }
            return false;
        }
    };

    /** The {@code @Budget} on the method, else on its interface, else null. */
    public dev.jitjava.Budget budget() {
        Class<?> type = owner.selfType();
        if (!type.isInterface() || owner.anchor() != type || !HAS_BUDGETS.get(type)) {
            return null;
        }
        try {
            Class<?>[] types = new Class<?>[parameters.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = parameters.get(i).type();
            }
            java.lang.reflect.Method method = type.getMethod(key.name(), types);
            dev.jitjava.Budget budget = method.getAnnotation(dev.jitjava.Budget.class);
            return budget != null ? budget : type.getAnnotation(dev.jitjava.Budget.class);
        } catch (NoSuchMethodException e) {
            return type.getAnnotation(dev.jitjava.Budget.class);
        }
    }

    public String name() {
        return key.name();
    }

    /** The signature as the user would write it: {@code int countVowels(String text)}. */
    public String signature() {
        return signature(true);
    }

    /**
     * The signature without parameter names, {@code int countVowels(String)}: what identifies the spec,
     * since names depend on whether the interface was compiled with {@code -parameters}.
     */
    public String typeSignature() {
        return signature(false);
    }

    private String signature(boolean withNames) {
        StringBuilder params = new StringBuilder();
        for (Parameter p : parameters) {
            params.append(params.length() == 0 ? "" : ", ").append(p.source()).append(withNames ? " " + p.name() : "");
        }
        String throwsClause = exceptions.isEmpty() ? "" : " throws " + String.join(", ", exceptions);
        String typeParams = typeParameters.isEmpty() ? "" : typeParameters + " ";
        return typeParams + returnSource + " " + key.name() + "(" + params + ")" + throwsClause;
    }
}
