package dev.jitjava;

import dev.jitjava.internal.method.ArgumentTypes;
import dev.jitjava.internal.method.JavaLiterals;
import dev.jitjava.internal.method.ExampleSpec;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link JitObject} method described before its first call. Immutable: each step returns a new
 * description.
 *
 * <pre>{@code
 * String word = o.method("fizzbuzz").describe("FizzBuzz word for n").returns(String.class).call(15);
 * int a = o.method("ackermann").parameters("m", "n").returns(Integer.class).call(2, 3);
 * List<Integer> evens = o.method("evens").returns(new TypeToken<List<Integer>>() {}).call(numbers);
 * }</pre>
 *
 * @param <R> what {@link #call} returns
 */
public final class JitMethod<R> {
    private final JitObject object;
    private final String name;
    private final String description;
    private final Class<R> returnType;
    private final Type genericReturn;
    private final boolean typed;
    private final List<ExampleSpec> examples;
    private final List<String> parameterNames;

    JitMethod(JitObject object, String name, String description, Class<R> returnType, boolean typed,
              List<ExampleSpec> examples) {
        this(object, name, description, returnType, returnType, typed, examples, List.of());
    }

    private JitMethod(JitObject object, String name, String description, Class<R> returnType, Type genericReturn,
                      boolean typed, List<ExampleSpec> examples, List<String> parameterNames) {
        this.object = object;
        this.name = name;
        this.description = description;
        this.returnType = returnType;
        this.genericReturn = genericReturn;
        this.typed = typed;
        this.examples = List.copyOf(examples);
        this.parameterNames = List.copyOf(parameterNames);
    }

    /**
     * What the method does, for the model (used when the method is first written).
     *
     * @param description the description, in plain words
     * @return this method, described
     */
    public JitMethod<R> describe(String description) {
        return new JitMethod<>(object, name, Objects.requireNonNull(description, "description"), returnType,
                genericReturn, typed, examples, parameterNames);
    }

    /**
     * The return type ({@code Integer.class} asks for an {@code int} method).
     *
     * @param <T>  the return type
     * @param type its class
     * @return this method, returning {@code type}
     */
    public <T> JitMethod<T> returns(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return new JitMethod<>(object, name, description, type, type, true, examples, parameterNames);
    }

    /**
     * A generic return type: {@code returns(new TypeToken<List<Integer>>() {})} asks for a
     * {@code List<Integer>}, where {@code returns(List.class)} could only say {@code List}.
     *
     * @param <T>  the return type
     * @param type the return type, captured by a {@link TypeToken}
     * @return this method, returning {@code type}
     */
    public <T> JitMethod<T> returns(TypeToken<T> type) {
        Objects.requireNonNull(type, "type");
        @SuppressWarnings("unchecked")
        Class<T> erased = (Class<T>) ArgumentTypes.erase(type.type());
        return new JitMethod<>(object, name, description, erased, type.type(), true, examples, parameterNames);
    }

    /**
     * A return type given as a reflected type, generics included ({@code Method.getGenericReturnType()},
     * say).
     *
     * @param type the return type; its erasure is what {@link #call} returns
     * @return this method, returning {@code type}
     */
    public JitMethod<Object> returns(Type type) {
        Objects.requireNonNull(type, "type");
        @SuppressWarnings("unchecked")
        Class<Object> erased = (Class<Object>) ArgumentTypes.erase(type);
        return new JitMethod<>(object, name, description, erased, type, true, examples, parameterNames);
    }

    /**
     * The parameters' names, as the prompt shows them ({@code ackermann(int m, int n)}), one per
     * argument of the call; without them, names are made up from the types.
     *
     * @param names the names, in order
     * @return this method, with its parameters named
     * @throws IllegalArgumentException for a name that is not a Java identifier, a repeated one, or {@code self}
     */
    public JitMethod<R> parameters(String... names) {
        Set<String> seen = new HashSet<>();
        for (String parameter : names) {
            Objects.requireNonNull(parameter, "parameter name");
            if (!javax.lang.model.SourceVersion.isName(parameter) || parameter.contains(".") || parameter.equals("self")
                    || !seen.add(parameter)) {
                throw new IllegalArgumentException("\"" + parameter + "\" cannot name a parameter (a Java identifier, "
                        + "each once, not self), for method " + object.namespace() + "." + name);
            }
        }
        return new JitMethod<>(object, name, description, returnType, genericReturn, typed, examples, List.of(names));
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
        return new JitMethod<>(object, name, description, returnType, genericReturn, typed, more, parameterNames);
    }

    /**
     * Calls the method, writing it first if it does not exist.
     *
     * @param args the arguments, which also type the method on its first call
     * @return what the method returned ({@code null} for a {@code void} method)
     */
    @SuppressWarnings("unchecked")
    public R call(Object... args) {
        return (R) invoke(args);
    }

    /**
     * Calls the method without arguments, as {@link #call(Object...)} does, without an array: once the
     * method exists this allocates nothing (when its result is a reference or a small boxed value).
     *
     * @return what the method returned ({@code null} for a {@code void} method)
     */
    public R call() {
        return dispatch(0, null, null, null);
    }

    /**
     * Calls the method with one argument, as {@link #call(Object...)} does, without an array: once the
     * method exists this allocates nothing (when its argument and result are references or small boxed
     * values). Hold the {@code JitMethod} in a field and call it in a loop as a method of your own.
     *
     * @param arg the argument, which types the method on its first call
     * @return what the method returned ({@code null} for a {@code void} method)
     */
    public R call(Object arg) {
        return dispatch(1, arg, null, null);
    }

    /**
     * Calls the method with two arguments, as {@link #call(Object...)} does, without an array.
     *
     * @param arg1 the first argument
     * @param arg2 the second argument
     * @return what the method returned ({@code null} for a {@code void} method)
     */
    public R call(Object arg1, Object arg2) {
        return dispatch(2, arg1, arg2, null);
    }

    /**
     * Calls the method with three arguments, as {@link #call(Object...)} does, without an array.
     *
     * @param arg1 the first argument
     * @param arg2 the second argument
     * @param arg3 the third argument
     * @return what the method returned ({@code null} for a {@code void} method)
     */
    public R call(Object arg1, Object arg2, Object arg3) {
        return dispatch(3, arg1, arg2, arg3);
    }

    @SuppressWarnings("unchecked")
    private R dispatch(int count, Object first, Object second, Object third) {
        return (R) object.dispatch(name, typed ? returnType : null, this, count, first, second, third);
    }

    /** The call with everything this description says, for the way that finds or writes the method. */
    Object invoke(Object[] args) {
        return object.invoke(name, typed ? returnType : null, typed ? genericReturn : null, parameterNames, description,
                examples, args);
    }
}
