package dev.jitjava;

import dev.jitjava.internal.method.JavaLiterals;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * One example call of a method and its expected result. The model sees it in the prompt, and
 * every new version must pass it before it is bound: the call is a Java expression compiled with
 * the generated code, its result compared with {@code returns} ({@code equals}, arrays by content,
 * numbers by value, floating point with a small tolerance), or expected to throw {@code thrown}.
 *
 * <pre>{@code
 * @Example(call = "countVowels(\"jit\")", returns = "1")
 * @Example(call = "countVowels(null)", thrown = NullPointerException.class)
 * int countVowels(String text);
 * }</pre>
 *
 * <p>On the class of a {@code jit run} program, an example belongs to the method its call names:
 * {@code @Example(call = "countVowels(\"jit\")", returns = "1")} checks the program's
 * {@code countVowels}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(Example.List.class)
public @interface Example {
    /** {@return the call, as a Java expression, e.g. {@code countVowels("jit")}} */
    String call();

    /** {@return the expected result, as a Java expression, e.g. {@code 1}; empty when only the absence of an exception counts} */
    String returns() default "";

    /** {@return the exception the call must throw (named {@code thrown}, since {@code throws} is a keyword); none by default} */
    Class<? extends Throwable> thrown() default None.class;

    /** The default of {@link #thrown()}: no exception is expected. */
    final class None extends RuntimeException {
        private None() {
        }
    }

    /** Holds repeated {@link Example}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface List {
        /** {@return the examples, in the order written} */
        Example[] value();
    }

    /**
     * An example given in code rather than as an annotation: to {@code improve}, or to a
     * {@code JitObject} method. (Annotations cannot have static methods, hence the nested type.)
     *
     * @param call    the call, a Java expression
     * @param returns the expected result as a Java expression, or "" for none
     * @param thrown  the expected exception, or null for none
     */
    record Case(String call, String returns, Class<? extends Throwable> thrown) {
        /**
         * Checks that {@code call} and {@code returns} are given.
         *
         * @param call    the call, a Java expression
         * @param returns the expected result as a Java expression, or "" for none
         * @param thrown  the expected exception, or null for none
         */
        public Case {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(returns, "returns");
        }

        /**
         * {@code Example.Case.of("countVowels(\"y\")", 0)}: the call must return this value.
         *
         * @param call    the call, a Java expression
         * @param returns the value it must return: a string, a number, a boolean, a character, null, or an
         *                array or list of these
         * @return the example
         */
        public static Case of(String call, Object returns) {
            return new Case(call, JavaLiterals.of(returns), null);
        }

        /**
         * The call must throw {@code thrown} (or a subclass).
         *
         * @param call   the call, a Java expression
         * @param thrown the exception it must throw
         * @return the example
         */
        public static Case throwing(String call, Class<? extends Throwable> thrown) {
            return new Case(call, "", Objects.requireNonNull(thrown, "thrown"));
        }
    }
}
