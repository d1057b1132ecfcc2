package dev.jitjava;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One example call of a method and its expected result, shown to the model in the prompt.
 *
 * <pre>{@code
 * @Example(call = "countVowels(\"jit\")", returns = "1")
 * int countVowels(String text);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Example.List.class)
public @interface Example {
    /** The call, as a Java expression, e.g. {@code countVowels("jit")}. */
    String call();

    /** The expected result, as a Java expression, e.g. {@code 1}; empty for a {@code void} method. */
    String returns() default "";

    /** Holds repeated {@link Example}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        Example[] value();
    }
}
