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
    /** {@return CPU time, in milliseconds} */
    long cpuMillis() default 1000;

    /** {@return what one call may allocate in all, in MiB: arrays, guarded JDK calls and what the thread allocated} */
    long memoryMegabytes() default 256;

    /**
     * Wall-clock time: what CPU time does not see (a call that waits).
     *
     * @return milliseconds; 0 keeps the {@code Jit}'s ({@link Jit.Builder#wallClock}, default 5 times the CPU
     *         budget, at least 3 s)
     */
    long wallMillis() default 0;
}
