package dev.jitjava.internal.method;

import dev.jitjava.Budget;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything known about a method to write: what the prompt says and what the answer is checked
 * against. Build one with {@link #builder(MethodKey, Owner)}.
 *
 * @param key              the method's identity
 * @param owner            where it belongs
 * @param typeParameters   its type parameters as source, e.g. {@code <T extends Comparable<T>>}, or ""
 * @param returnType       the erased return type, or null for a host's method (see {@code returnDescriptor})
 * @param returnSource     the return type as source, generics included
 * @param returnDescriptor the erased return type's descriptor, or null when any return type is accepted
 * @param flexibleReturn   true when the caller gave no return type, so any return type (void too) is accepted
 * @param parameters       the parameters, in order
 * @param exceptions       the declared exceptions, as source
 * @param exceptionTypes   the declared exceptions' classes
 * @param description      the method's {@code @Describe} text, or ""
 * @param examples         example calls, from {@code @Example}s, {@code JitObject} methods and {@code improve}
 * @param otherMethods     the owner's other methods, one prompt line each
 * @param imports          types the generated source imports so that the signature compiles as written
 * @param signatureTypes   user types used in the signature, whose shape the prompt shows
 * @param model            {@code provider:model} from {@code @Model} on the method or its interface, or ""
 * @param context          what the prompt shows about where the method is called (a host's call line), or ""
 * @param ownerMethods     the owner's methods that generated code may call by name, this one included (none
 *                         for a host, whose methods call each other by name already)
 */
public record MethodSpec(MethodKey key, Owner owner, String typeParameters, Class<?> returnType, String returnSource,
                         String returnDescriptor, boolean flexibleReturn, List<Parameter> parameters,
                         List<String> exceptions, List<Class<?>> exceptionTypes, String description,
                         List<ExampleSpec> examples, List<String> otherMethods, Set<String> imports,
                         Set<Class<?>> signatureTypes, String model, String context, List<OwnerMethod> ownerMethods) {

    public MethodSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        parameters = List.copyOf(parameters);
        exceptions = List.copyOf(exceptions);
        exceptionTypes = List.copyOf(exceptionTypes);
        examples = List.copyOf(examples);
        otherMethods = List.copyOf(otherMethods);
        imports = Set.copyOf(imports);
        signatureTypes = Set.copyOf(signatureTypes);
        ownerMethods = List.copyOf(ownerMethods);
    }

    public static Builder builder(MethodKey key, Owner owner) {
        return new Builder(key, owner);
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        return new Builder(key, owner).typeParameters(typeParameters).returns(returnType, returnSource, returnDescriptor,
                        flexibleReturn).parameters(parameters).exceptions(exceptions, exceptionTypes)
                .description(description).examples(examples).otherMethods(otherMethods).imports(imports)
                .signatureTypes(signatureTypes).model(model).context(context).ownerMethods(ownerMethods);
    }

    /** This spec with more examples: those given to {@code improve}, kept from then on. */
    public MethodSpec withExamples(List<ExampleSpec> more) {
        if (more.isEmpty()) {
            return this;
        }
        Set<ExampleSpec> all = new LinkedHashSet<>(examples);
        all.addAll(more);
        return toBuilder().examples(List.copyOf(all)).build();
    }

    /** Whether an interface or any of its methods carries {@code @Budget}: most do not, and then no method is looked up. */
    private static final ClassValue<Boolean> HAS_BUDGETS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            if (type.isAnnotationPresent(Budget.class)) {
                return true;
            }
            for (Method method : type.getMethods()) {
                if (method.isAnnotationPresent(Budget.class)) {
                    return true;
                }
            }
            return false;
        }
    };

    /** The {@code @Budget} on the method, else on its interface, else null. */
    public Budget budget() {
        if (!(owner instanceof Owner.Interface iface) || !HAS_BUDGETS.get(iface.type())) {
            return null;
        }
        Class<?> type = iface.type();
        try {
            Class<?>[] types = new Class<?>[parameters.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = parameters.get(i).type();
            }
            Budget budget = type.getMethod(key.name(), types).getAnnotation(Budget.class);
            return budget != null ? budget : type.getAnnotation(Budget.class);
        } catch (NoSuchMethodException e) {
            return type.getAnnotation(Budget.class);
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

    /** {@code (Ljava/lang/String;)}: the parameters' descriptors, {@code self}'s first when there is one. */
    public String parameterDescriptors() {
        StringBuilder descriptor = new StringBuilder("(");
        if (owner.selfType() != null) {
            descriptor.append(owner.selfType().descriptorString());
        }
        for (Parameter parameter : parameters) {
            descriptor.append(parameter.descriptor());
        }
        return descriptor.append(')').toString();
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

    /** Builds a {@link MethodSpec}; everything but the key and the owner has an empty default. */
    public static final class Builder {
        private final MethodKey key;
        private final Owner owner;
        private String typeParameters = "";
        private Class<?> returnType = Object.class;
        private String returnSource = "Object";
        private String returnDescriptor;
        private boolean flexibleReturn = true;
        private List<Parameter> parameters = List.of();
        private List<String> exceptions = List.of();
        private List<Class<?>> exceptionTypes = List.of();
        private String description = "";
        private List<ExampleSpec> examples = List.of();
        private List<String> otherMethods = List.of();
        private Set<String> imports = Set.of();
        private Set<Class<?>> signatureTypes = Set.of();
        private String model = "";
        private String context = "";
        private List<OwnerMethod> ownerMethods = List.of();

        private Builder(MethodKey key, Owner owner) {
            this.key = key;
            this.owner = owner;
        }

        public Builder typeParameters(String typeParameters) {
            this.typeParameters = typeParameters;
            return this;
        }

        /** An exact return type: a class. */
        public Builder returns(Class<?> type, String source) {
            return returns(type, source, type.descriptorString(), false);
        }

        /**
         * @param type       the erased type, or null where it cannot be loaded
         * @param descriptor its descriptor, or null when any return type is accepted
         * @param flexible   whether any return type (void too) is accepted
         */
        public Builder returns(Class<?> type, String source, String descriptor, boolean flexible) {
            this.returnType = type;
            this.returnSource = source;
            this.returnDescriptor = descriptor;
            this.flexibleReturn = flexible;
            return this;
        }

        public Builder parameters(List<Parameter> parameters) {
            this.parameters = parameters;
            return this;
        }

        public Builder exceptions(List<String> sources, List<Class<?>> types) {
            this.exceptions = sources;
            this.exceptionTypes = types;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder examples(List<ExampleSpec> examples) {
            this.examples = examples;
            return this;
        }

        public Builder otherMethods(List<String> otherMethods) {
            this.otherMethods = new ArrayList<>(otherMethods);
            return this;
        }

        public Builder imports(Set<String> imports) {
            this.imports = imports;
            return this;
        }

        public Builder signatureTypes(Set<Class<?>> signatureTypes) {
            this.signatureTypes = signatureTypes;
            return this;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder context(String context) {
            this.context = context;
            return this;
        }

        public Builder ownerMethods(List<OwnerMethod> ownerMethods) {
            this.ownerMethods = ownerMethods;
            return this;
        }

        public MethodSpec build() {
            return new MethodSpec(key, owner, typeParameters, returnType, returnSource, returnDescriptor, flexibleReturn,
                    parameters, exceptions, exceptionTypes, description, examples, otherMethods, imports,
                    signatureTypes, model, context, ownerMethods);
        }
    }
}
