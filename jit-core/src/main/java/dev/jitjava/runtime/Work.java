package dev.jitjava.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;

/**
 * Checks that run before JDK calls whose CPU time grows with their arguments and that never call
 * back into generated code on the way ({@code BigInteger.modPow}, prime searches, {@code BigDecimal}
 * scale changes, sorting): the work is estimated from the arguments, at an optimistic
 * {@link #NANOS_PER_OP} per basic step, and refused before the call when it cannot fit the CPU
 * budget; what does fit is measured as usual when control comes back. Big decimals whose digits
 * would not fit the memory budget are refused too. Public only because generated classes call it; not API.
 */
public final class Work {
    /** One word multiplication or comparison: optimistic, so that only work clearly past the budget is refused up front. */
    static final double NANOS_PER_OP = 1.0;

    private Work() {
    }

    public static void modPow(BigInteger base, BigInteger exponent, BigInteger modulus, long cpu, long bytes, long wall,
                              String method) {
        double words = modulus.bitLength() / 64.0 + 1;
        ops(1.5 * Math.abs((double) exponent.bitLength()) * words * words + base.bitLength() / 64.0 * words,
                "BigInteger.modPow", cpu, bytes, wall, method);
    }

    /** {@code BigInteger.probablePrime(bits, random)} and the constructor that searches for a prime. */
    public static void primeBits(int bits, long cpu, long bytes, long wall, String method) {
        double words = bits / 64.0 + 1;
        ops(Math.max(0, bits) * words * words * 20, "a prime search", cpu, bytes, wall, method);
    }

    public static void nextPrime(BigInteger from, long cpu, long bytes, long wall, String method) {
        primeBits(from.bitLength(), cpu, bytes, wall, method);
    }

    public static void primeTest(BigInteger candidate, int certainty, long cpu, long bytes, long wall, String method) {
        double words = candidate.bitLength() / 64.0 + 1;
        ops(Math.min(Math.max(certainty, 1) / 2.0 + 1, 100) * candidate.bitLength() * words * words,
                "a primality test", cpu, bytes, wall, method);
    }

    /** Sorting an array or a list: n log n comparisons. */
    public static void sort(Object elements, long cpu, long bytes, long wall, String method) {
        long n = elements instanceof Collection<?> c ? c.size() : elements instanceof Object[] a ? a.length
                : elements instanceof int[] i ? i.length : elements instanceof long[] l ? l.length
                : elements instanceof double[] d ? d.length : elements instanceof char[] ch ? ch.length
                : elements instanceof byte[] b ? b.length : elements instanceof short[] s ? s.length
                : elements instanceof float[] f ? f.length : 0;
        ops(n * (64 - Long.numberOfLeadingZeros(Math.max(1, n))), "sorting", cpu, bytes, wall, method);
    }

    /**
     * Work that grows faster than the number's size: writing a {@code BigInteger} out in decimal
     * ({@code toString}), its square root. Toom-Cook's exponent, rounded up: about words^1.6.
     */
    public static void bigDigits(BigInteger value, long cpu, long bytes, long wall, String method) {
        bigWords(value.bitLength() / 64.0, "a number of " + value.bitLength() + " bits", cpu, bytes, wall, method);
    }

    static void bigWords(double words, String what, long cpu, long bytes, long wall, String method) {
        if (words > 1_000) {
            ops(Math.pow(words, 1.6), what, cpu, bytes, wall, method);
        }
    }

    /** {@code new BigInteger(text)}: parsing decimal digits is quadratic in their number. */
    public static void bigParse(String text, long cpu, long bytes, long wall, String method) {
        double words = (text == null ? 0 : text.length()) / 19.0;
        Meter.charge(text == null ? 0 : text.length() / 2, cpu, bytes, wall, method);
        ops(words * words, "parsing " + (text == null ? 0 : text.length()) + " digits", cpu, bytes, wall, method);
    }

    /** {@code gcd}, {@code modInverse}: Euclid's steps, quadratic in the larger operand. */
    public static void gcd(BigInteger a, BigInteger b, long cpu, long bytes, long wall, String method) {
        double words = Math.max(a.bitLength(), b == null ? 0 : b.bitLength()) / 64.0 + 1;
        ops(words * words, "a gcd of " + (long) (words * 64) + " bits", cpu, bytes, wall, method);
    }

    /** A decimal computed to {@code context}'s precision ({@code sqrt}, {@code divide}): that many digits. */
    public static void decimalContext(java.math.MathContext context, long cpu, long bytes, long wall, String method) {
        if (context != null) {
            digits(context.getPrecision(), cpu, bytes, wall, method);
        }
    }

    /** {@code a.divide(b, context)}: the operands aligned, then as many digits as the context asks. */
    public static void decimalDivide(BigDecimal a, BigDecimal b, java.math.MathContext context, long cpu, long bytes,
                                     long wall, String method) {
        decimalAlign(a, b, cpu, bytes, wall, method);
        decimalContext(context, cpu, bytes, wall, method);
    }

    /** {@code a.divide(b, scale, rounding)}: the operands aligned, then digits down to that scale. */
    public static void decimalDivide(BigDecimal a, BigDecimal b, int scale, long cpu, long bytes, long wall,
                                     String method) {
        decimalAlign(a, b, cpu, bytes, wall, method);
        digits(a.precision() + Math.max(0.0, (double) scale - a.scale() + (b == null ? 0 : b.scale())), cpu, bytes,
                wall, method);
    }

    /**
     * {@code removeAll}, {@code retainAll}: each element of the receiver is looked up in the argument,
     * which costs the argument's size unless it is a set.
     */
    public static void bulk(Object receiver, Object argument, long cpu, long bytes, long wall, String method) {
        long n = receiver instanceof Collection<?> c ? c.size() : 0;
        long m = argument instanceof java.util.Set<?> ? 1 : argument instanceof Collection<?> c ? c.size() : 0;
        ops((double) n * m, "comparing " + n + " elements with " + m, cpu, bytes, wall, method);
    }

    /** A search for a sequence in a sequence ({@code indexOf}, {@code indexOfSubList}): each start compared. */
    public static void search(Object haystack, Object needle, long cpu, long bytes, long wall, String method) {
        long n = length(haystack);
        long m = length(needle);
        ops((double) Math.max(0, n - m + 1) * m, "searching " + n + " elements for " + m, cpu, bytes, wall, method);
    }

    private static long length(Object sequence) {
        return sequence instanceof CharSequence text ? text.length() : sequence instanceof Collection<?> c ? c.size() : 0;
    }

    public static void decimalPow(BigDecimal base, int n, long cpu, long bytes, long wall, String method) {
        digits((double) base.precision() * Math.abs(n), cpu, bytes, wall, method);
    }

    /** {@code setScale(newScale)}: as many more digits as the scale grows. */
    public static void decimalScale(BigDecimal value, int newScale, long cpu, long bytes, long wall, String method) {
        digits(value.precision() + Math.max(0.0, (double) newScale - value.scale()), cpu, bytes, wall, method);
    }

    /** {@code movePointRight(n)} and its kind: a negative scale becomes that many digits. */
    public static void decimalMove(BigDecimal value, int n, long cpu, long bytes, long wall, String method) {
        double scale = Math.abs((double) value.scale()) + Math.abs((double) n);
        digits(value.precision() + scale, cpu, bytes, wall, method);
    }

    /** Conversions that write every digit out: {@code toPlainString}, {@code toBigInteger}, {@code longValue}. */
    public static void decimalDigits(BigDecimal value, long cpu, long bytes, long wall, String method) {
        digits(value.precision() + Math.abs((double) value.scale()), cpu, bytes, wall, method);
    }

    /** Arithmetic on two decimals: the smaller scale is raised to the larger first. */
    public static void decimalAlign(BigDecimal a, BigDecimal b, long cpu, long bytes, long wall, String method) {
        if (b == null) {
            return;
        }
        digits(Math.max(a.precision(), b.precision()) + Math.abs((double) a.scale() - b.scale()), cpu, bytes, wall, method);
    }

    private static void digits(double digits, long cpu, long bytes, long wall, String method) {
        if (digits > 10_000) {
            Meter.charge((long) Math.min(digits / 2, Long.MAX_VALUE / 2), cpu, bytes, wall, method);
            ops(Math.pow(digits / 19, 1.6), "a decimal of " + (long) digits + " digits", cpu, bytes, wall, method);
        }
    }

    private static void ops(double ops, String what, long cpu, long bytes, long wall, String method) {
        double nanos = ops * NANOS_PER_OP;
        if (nanos > cpu) {
            throw Meter.fail("would spend about " + (nanos >= 1e12 ? "more than 1000 s" : (long) (nanos / 1e6) + " ms")
                    + " of CPU inside one JDK call (" + what + "), past its CPU budget of " + cpu / 1_000_000 + " ms",
                    method, "@Budget(cpuMillis = ...)");
        }
    }
}
