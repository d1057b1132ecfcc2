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
