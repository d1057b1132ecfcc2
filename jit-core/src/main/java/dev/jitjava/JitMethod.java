package dev.jitjava;

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

    JitMethod(JitObject object, String name, String description, Class<R> returnType, boolean typed) {
        this.object = object;
        this.name = name;
        this.description = description;
        this.returnType = returnType;
        this.typed = typed;
    }

    /** What the method does, for the model (used when the method is first written). */
    public JitMethod<R> describe(String description) {
        return new JitMethod<>(object, name, Objects.requireNonNull(description, "description"), returnType, typed);
    }

    /** The return type ({@code Integer.class} asks for an {@code int} method). */
    public <T> JitMethod<T> returns(Class<T> type) {
        return new JitMethod<>(object, name, description, Objects.requireNonNull(type, "type"), true);
    }

    /** Calls the method, writing it first if it does not exist. */
    @SuppressWarnings("unchecked")
    public R call(Object... args) {
        Object result = object.invoke(name, typed ? returnType : null, description, args);
        return (R) result;
    }
}
