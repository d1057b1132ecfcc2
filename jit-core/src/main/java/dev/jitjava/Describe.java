package dev.jitjava;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a method should do, in words, for the model that writes it. On an interface it is context
 * for all of the interface's methods. The text reaches the prompt word for word.
 *
 * <pre>{@code
 * @Describe("Print each odd number of the list on its own line, in order")
 * void printOddNumbersInList(List<Integer> numbers);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Describe {
    /** {@return the description, in plain words} */
    String value();
}
