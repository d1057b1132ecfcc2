package dev.jitjava;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * A generic type, captured by subclassing, where a class literal cannot say it:
 * {@code o.method("evens").returns(new TypeToken<List<Integer>>() {}).call(numbers)} asks for a
 * method returning {@code List<Integer>}, not a raw {@code List}.
 *
 * @param <T> the type
 */
public abstract class TypeToken<T> {
    private final Type type;

    /**
     * Captures the type argument of the anonymous subclass being created.
     *
     * @throws IllegalStateException when the subclass gives no type argument
     */
    protected TypeToken() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType parameterized) || getClass().getSuperclass() != TypeToken.class) {
            throw new IllegalStateException("A TypeToken is made with its type argument, as an anonymous class: "
                    + "new TypeToken<List<Integer>>() {}");
        }
        this.type = parameterized.getActualTypeArguments()[0];
    }

    /**
     * The type captured.
     *
     * @return the type, e.g. {@code java.util.List<java.lang.Integer>}
     */
    public final Type type() {
        return type;
    }

    @Override
    public String toString() {
        return type.getTypeName();
    }
}
