package dev.jitjava;

import dev.jitjava.internal.method.JavaLiterals;
import dev.jitjava.internal.method.ExampleSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link JitObject} method described before its first call. Immutable: each step returns a new
 * description.
 *
 * <pre>{@code
 * String word = o.method("fizzbuzz").describe("FizzBuzz word for n").returns(String.class).call(15);
 * }</pre>
 *
 * @param <R> what {@link #call} returns
 */
public final class JitMethod<R> {
    private final JitObject object;
    private final String name;
    private final String description;
    private final Class<R> returnType;
    private final boolean typed;
    private final List<ExampleSpec> examples;

    JitMethod(JitObject object, String name, String description, Class<R> returnType, boolean typed,
              List<ExampleSpec> examples) {
        this.object = object;
        this.name = name;
        this.description = description;
        this.returnType = returnType;
        this.typed = typed;
        this.examples = List.copyOf(examples);
    }

    /**
     * What the method does, for the model (used when the method is first written).
     *
     * @param description the description, in plain words
     * @return this method, described
     */
    public JitMethod<R> describe(String description) {
        return new JitMethod<>(object, name, Objects.requireNonNull(description, "description"), returnType, typed,
                examples);
    }

    /**
     * The return type ({@code Integer.class} asks for an {@code int} method).
     *
     * @param <T>  the return type
     * @param type its class
     * @return this method, returning {@code type}
     */
    public <T> JitMethod<T> returns(Class<T> type) {
        return new JitMethod<>(object, name, description, Objects.requireNonNull(type, "type"), true, examples);
    }

    /**
     * An example the method must pass: {@code example("\"jit\"", 1)} means {@code name("jit")} returns 1.
     *
     * @param arguments the arguments, as Java source
     * @param returns   the expected value (a string, number, character, boolean or null)
     * @return this method, with the example added
     */
    public JitMethod<R> example(String arguments, Object returns) {
        List<ExampleSpec> more = new ArrayList<>(examples);
        more.add(new ExampleSpec(name + "(" + arguments + ")", JavaLiterals.of(returns), ""));
        return new JitMethod<>(object, name, description, returnType, typed, more);
    }

    /**
     * Calls the method, writing it first if it does not exist.
     *
     * @param args the arguments, which also type the method on its first call
     * @return what the method returned ({@code null} for a {@code void} method)
     */
    @SuppressWarnings("unchecked")
    public R call(Object... args) {
        Object result = object.invoke(name, typed ? returnType : null, description, examples, args);
        return (R) result;
    }
}
