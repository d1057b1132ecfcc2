package dev.jitjava.runtime;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Checks that run before JDK calls whose allocation grows with their arguments (the allowlist's
 * {@code @check=Guards.name(operands)}): each charges the size the call is about to build against
 * the call's memory budget, from the arguments alone, and throws before anything is built when it
 * is past the budget. Every check ends with the call's limits: {@code (cpuNanos, maxBytes,
 * wallNanos, method)}. Public only because generated classes call it; not API.
 */
public final class Guards {
    private Guards() {
    }

    /** Wrapping or closing the JVM's own streams: never, whatever the grants. */
    public static void notSystemStream(Object stream, long cpu, long bytes, long wall, String method) {
        if (stream != null && (stream == System.out || stream == System.err || stream == System.in)) {
            throw Meter.fail("would close or wrap the JVM's own System.out, System.err or System.in, which every "
                    + "caller shares: print with System.out directly and never close it", method, "nothing (never allowed)");
        }
    }

    /** A buffered stream's or writer's buffer of {@code size}, around anything but the JVM's own streams. */
    public static void streamBuffer(Object stream, int size, long cpu, long bytes, long wall, String method) {
        notSystemStream(stream, cpu, bytes, wall, method);
        Meter.charge(Math.max(0, (long) size) * 2, cpu, bytes, wall, method);
    }

    /** The thread the call runs in is the caller's: renaming, reprioritising or interrupting it outlives the call. */
    public static void notCallingThread(Thread thread, long cpu, long bytes, long wall, String method) {
        if (thread == Thread.currentThread()) {
            throw Meter.fail("would change the calling thread, which belongs to the caller and outlives the call: change "
                    + "only threads the code started itself", method, "nothing (never allowed)");
        }
    }

    /** {@code StreamSupport.stream(spliterator, parallel)}: a parallel stream runs on the common pool's threads. */
    public static void sequential(boolean parallel, long cpu, long bytes, long wall, String method) {
        if (parallel) {
            throw Meter.fail("would run a parallel stream on the common pool's threads, where no budget of the call "
                    + "sees it: pass false", method, "nothing (with THREADS granted, call .parallel() on the stream)");
        }
    }

    /** {@code SecureRandom.getInstance(name)}: a blocking algorithm waits for the system's entropy, burning no CPU. */
    public static void nonBlockingRandom(String algorithm, long cpu, long bytes, long wall, String method) {
        if (algorithm != null && algorithm.toLowerCase(java.util.Locale.ROOT).contains("blocking")) {
            throw Meter.fail("would wait for the system's entropy with SecureRandom algorithm " + algorithm
                    + ", where no CPU budget sees it: use new SecureRandom()", method, "nothing (never allowed)");
        }
    }

    /** {@code n} references or slots: capacities, {@code Collections.nCopies}. */
    public static void elements(int n, long cpu, long bytes, long wall, String method) {
        Meter.charge(Math.max(0, (long) n) * 8, cpu, bytes, wall, method);
    }

    public static void chars(int n, long cpu, long bytes, long wall, String method) {
        Meter.charge(Math.max(0, (long) n) * 2, cpu, bytes, wall, method);
    }

    public static void bytes(int n, long cpu, long bytes, long wall, String method) {
        Meter.charge(Math.max(0, (long) n), cpu, bytes, wall, method);
    }

    /** A bit index (a BitSet grows to hold it; a BigInteger's setBit too). */
    public static void bits(int index, long cpu, long bytes, long wall, String method) {
        Meter.charge(Math.max(0, (long) index) / 8, cpu, bytes, wall, method);
    }

    /** What is appended or inserted: as many characters again. */
    public static void charSequence(CharSequence text, long cpu, long bytes, long wall, String method) {
        if (text != null) {
            Meter.charge(2L * text.length(), cpu, bytes, wall, method);
        }
    }

    public static void repeat(CharSequence text, int count, long cpu, long bytes, long wall, String method) {
        Meter.charge(text == null ? 0 : Math.max(0, count) * (long) text.length() * 2, cpu, bytes, wall, method);
    }

    /** {@code StringBuilder.repeat(int codePoint, int count)}. */
    public static void repeat(int codePoint, int count, long cpu, long bytes, long wall, String method) {
        Meter.charge(Math.max(0, count) * 4L, cpu, bytes, wall, method);
    }

    public static void copyOf(Object array, int length, long cpu, long bytes, long wall, String method) {
        Meter.charge(16 + Math.max(0, (long) length) * elementBytes(array), cpu, bytes, wall, method);
    }

    public static void copyOfRange(Object array, int from, int to, long cpu, long bytes, long wall, String method) {
        Meter.charge(16 + Math.max(0, (long) to - from) * elementBytes(array), cpu, bytes, wall, method);
    }

    /** A collection or map copied in: {@code addAll}, {@code putAll}, copy constructors. */
    public static void collection(Object source, long cpu, long bytes, long wall, String method) {
        long size = source instanceof Collection<?> c ? c.size() : source instanceof Map<?, ?> m ? 4L * m.size() : 0;
        Meter.charge(8 * size, cpu, bytes, wall, method);
    }

    /** {@code String.join}: the delimiter once between every two elements. */
    public static void join(CharSequence delimiter, Object elements, long cpu, long bytes, long wall, String method) {
        long count = elements instanceof Object[] array ? array.length : elements instanceof Collection<?> c ? c.size() : 0;
        Meter.charge(count * (delimiter == null ? 0 : delimiter.length()) * 2, cpu, bytes, wall, method);
    }

    /** A format string's widths and precisions ({@code %999999999d}): each may become that many characters. */
    public static void format(String format, long cpu, long bytes, long wall, String method) {
        if (format == null) {
            return;
        }
        long total = 0;
        for (int i = format.indexOf('%'); i >= 0 && i < format.length(); i = format.indexOf('%', i + 1)) {
            long number = 0;
            for (int j = i + 1; j < format.length(); j++) {
                char c = format.charAt(j);
                if (c >= '0' && c <= '9') {
                    number = Math.min(number * 10 + (c - '0'), Integer.MAX_VALUE);
                } else {
                    total += number;
                    number = 0;
                    if ((c == 't' || c == 'T') && j + 1 < format.length() && "Zzc".indexOf(format.charAt(j + 1)) >= 0) {
                        throw Meter.fail("would write the JVM's default time zone (%" + c + format.charAt(j + 1)
                                + "), which belongs to the environment: format a ZonedDateTime with its own zone",
                                method, "nothing (format java.time values)");
                    }
                    if (Character.isLetter(c) || c == '%') {
                        i = j;
                        break;
                    }
                }
            }
            total += number;
        }
        Meter.charge(total * 2, cpu, bytes, wall, method);
    }

    /** A format with its arguments: the widths, and the digits of every big number written out. */
    public static void format(String format, Object[] arguments, long cpu, long bytes, long wall, String method) {
        format(format, cpu, bytes, wall, method);
        if (arguments != null) {
            for (Object argument : arguments) {
                if (argument instanceof BigInteger number) {
                    Work.bigDigits(number, cpu, bytes, wall, method);
                } else if (argument instanceof java.math.BigDecimal number) {
                    Work.decimalDigits(number, cpu, bytes, wall, method);
                }
            }
        }
    }

    /** {@code Pattern.compile(regex, flags)}: CANON_EQ expands every permutation of combining marks. */
    public static void regexFlags(int flags, long cpu, long bytes, long wall, String method) {
        if ((flags & java.util.regex.Pattern.CANON_EQ) != 0) {
            throw Meter.fail("would compile a CANON_EQ pattern, whose time grows factorially with its combining marks, "
                    + "inside one JDK call: normalize the text with java.text.Normalizer instead", method,
                    "nothing (never allowed)");
        }
    }

    public static void pow(BigInteger base, int exponent, long cpu, long bytes, long wall, String method) {
        long bits = (long) base.bitLength() * Math.max(0, exponent);
        Meter.charge(bits / 8, cpu, bytes, wall, method);
        // the last squarings multiply numbers of half the result's size: about words^1.6 each
        Work.bigWords(bits / 64.0, "a power of " + bits + " bits", cpu, bytes, wall, method);
    }

    /** {@code shiftLeft(n)} (or {@code shiftRight} of a negative n): n more bits. */
    public static void shift(BigInteger value, int n, long cpu, long bytes, long wall, String method) {
        Meter.charge(Math.abs((long) n) / 8 + value.bitLength() / 8, cpu, bytes, wall, method);
    }

    public static void multiply(BigInteger a, BigInteger b, long cpu, long bytes, long wall, String method) {
        Meter.charge(((long) a.bitLength() + b.bitLength()) / 8, cpu, bytes, wall, method);
    }

    private static long elementBytes(Object array) {
        if (array instanceof byte[] || array instanceof boolean[]) {
            return 1;
        }
        if (array instanceof char[] || array instanceof short[]) {
            return 2;
        }
        if (array instanceof int[] || array instanceof float[]) {
            return 4;
        }
        return 8;
    }
}
