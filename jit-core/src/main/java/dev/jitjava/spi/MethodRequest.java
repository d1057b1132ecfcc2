package dev.jitjava.spi;

import dev.jitjava.Example;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A static method a host needs, as its call site (or its user) describes it: what the engine
 * looks up in the store and, when it is missing or stale, has the model write.
 *
 * <p>The method is identified by its name and its erased parameter types ({@link #signature()}); its
 * return type, description and examples are what the current call asks for. Build one with
 * {@link #builder(String)}.
 *
 * @param name        the method's name
 * @param parameters  its parameters, in order
 * @param returns     its return type as source ({@code int}, {@code List<String>}), or {@code Object}
 *                    with {@code anyReturn}
 * @param returnDescriptor the return type's descriptor ({@code I}), or null with {@code anyReturn}
 * @param anyReturn   true when the call does not say what it returns: the model chooses (void too)
 * @param description what the method should do, in words, or ""
 * @param examples    calls it must pass, each a Java expression calling it by its simple name
 * @param context     what the prompt shows about where it is called (a line of code), or ""
 */
public record MethodRequest(String name, List<Parameter> parameters, String returns, String returnDescriptor,
                            boolean anyReturn, String description, List<Example.Case> examples, String context) {
    /**
     * Checks the names and copies the lists; a null description or context is "".
     *
     * @param name the method's name
     * @param parameters its parameters, in order
     * @param returns its return type as source ({@code int}, {@code List<String>}), or {@code Object} with {@code anyReturn}
     * @param returnDescriptor the return type's descriptor ({@code I}), or null with {@code anyReturn}
     * @param anyReturn true when the call does not say what it returns: the model chooses (void too)
     * @param description what the method should do, in words, or ""
     * @param examples calls it must pass, each a Java expression calling it by its simple name
     * @param context what the prompt shows about where it is called (a line of code), or ""
     */
    public MethodRequest {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(returns, "returns");
        description = description == null ? "" : description;
        examples = List.copyOf(examples);
        context = context == null ? "" : context;
    }

    /**
     * One parameter.
     *
     * @param name       its name, as the prompt shows it
     * @param source     its type as source, generics included ({@code List<Integer>})
     * @param descriptor its erased type's descriptor ({@code Ljava/util/List;}, {@code I}, {@code [I})
     */
    public record Parameter(String name, String source, String descriptor) {
        /**
         * Checks that all three are given.
         *
         * @param name its name, as the prompt shows it
         * @param source its type as source, generics included ({@code List<Integer>})
         * @param descriptor its erased type's descriptor ({@code Ljava/util/List;}, {@code I}, {@code [I})
         */
        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(descriptor, "descriptor");
        }

        /**
         * The erased type's name.
         *
         * @return the name as {@link Class#getTypeName()} spells it: {@code java.lang.String}, {@code int[]}
         */
        public String typeName() {
            return dev.jitjava.internal.method.Descriptors.typeName(descriptor);
        }
    }

    /**
     * The method's identity in the store.
     *
     * @return {@code countVowels(java.lang.String)}
     */
    public String signature() {
        StringBuilder text = new StringBuilder(name).append('(');
        for (int i = 0; i < parameters.size(); i++) {
            text.append(i == 0 ? "" : ",").append(parameters.get(i).typeName());
        }
        return text.append(')').toString();
    }

    /**
     * A builder for a method, with no parameters and any return type until told otherwise.
     *
     * @param name the method's name
     * @return a new builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a {@link MethodRequest}. */
    public static final class Builder {
        private final String name;
        private final List<Parameter> parameters = new ArrayList<>();
        private String returns = "Object";
        private String returnDescriptor;
        private boolean anyReturn = true;
        private String description = "";
        private final List<Example.Case> examples = new ArrayList<>();
        private String context = "";

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Adds a parameter.
         *
         * @param name       its name
         * @param source     its type as source
         * @param descriptor its erased type's descriptor
         * @return this builder
         */
        public Builder parameter(String name, String source, String descriptor) {
            parameters.add(new Parameter(name, source, descriptor));
            return this;
        }

        /**
         * The return type the call needs.
         *
         * @param source     as source
         * @param descriptor as a descriptor ({@code V} for void)
         * @return this builder
         */
        public Builder returns(String source, String descriptor) {
            this.returns = Objects.requireNonNull(source, "source");
            this.returnDescriptor = Objects.requireNonNull(descriptor, "descriptor");
            this.anyReturn = false;
            return this;
        }

        /**
         * Whatever the model chooses to return (the default).
         *
         * @return this builder
         */
        public Builder anyReturn() {
            this.returns = "Object";
            this.returnDescriptor = null;
            this.anyReturn = true;
            return this;
        }

        /**
         * What the method should do.
         *
         * @param description in words
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Adds an example the method must pass.
         *
         * @param example a call by the method's simple name, and what it returns or throws
         * @return this builder
         */
        public Builder example(Example.Case example) {
            examples.add(Objects.requireNonNull(example, "example"));
            return this;
        }

        /**
         * Adds examples the method must pass.
         *
         * @param more the examples
         * @return this builder
         */
        public Builder examples(List<Example.Case> more) {
            examples.addAll(more);
            return this;
        }

        /**
         * What the prompt shows about where the method is called.
         *
         * @param context a line of code, say
         * @return this builder
         */
        public Builder context(String context) {
            this.context = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * The request.
         *
         * @return the request
         */
        public MethodRequest build() {
            return new MethodRequest(name, parameters, returns, returnDescriptor, anyReturn, description, examples,
                    context);
        }
    }
}
