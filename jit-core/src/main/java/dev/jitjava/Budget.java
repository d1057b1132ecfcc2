package dev.jitjava;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits for one call of a generated method (or of every method of an interface), instead of the
 * {@code Jit}'s: past them, the call fails with {@link BudgetExceededException}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Budget {
    /** @return CPU time, in milliseconds */
    long cpuMillis() default 1000;

    /** @return the largest single array the code may allocate, in MiB (also caps what guarded JDK calls may build) */
    long memoryMegabytes() default 256;
}
