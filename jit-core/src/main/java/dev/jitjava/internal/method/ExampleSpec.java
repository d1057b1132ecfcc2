package dev.jitjava.internal.method;

import java.util.Objects;

/**
 * One example of a method to write.
 *
 * @param call    the call, a Java expression
 * @param returns the expected result as a Java expression, or ""
 * @param thrown  the binary name of the exception it must throw, or "" for none
 */
public record ExampleSpec(String call, String returns, String thrown) {
    public ExampleSpec {
        Objects.requireNonNull(call, "call");
        returns = returns == null ? "" : returns;
        thrown = thrown == null ? "" : thrown;
    }

    /** {@code countVowels("jit") returns 1}, as the prompt and the metadata write it. */
    public String describe() {
        if (!thrown.isEmpty()) {
            return call + " throws " + thrown.substring(thrown.lastIndexOf('.') + 1).replace('$', '.');
        }
        return returns.isEmpty() ? call : call + " returns " + returns;
    }
}
