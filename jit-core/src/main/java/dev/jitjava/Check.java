package dev.jitjava;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method of an interface taking the interface ({@code static void check(Text t)}),
 * or a default method taking nothing, as a check that every new version of the generated methods
 * it calls must pass before it is bound. A check fails by throwing, e.g. through {@link Jit#check}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Check {
}
