package dev.jitjava.runtime;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checked stand-ins for JDK calls that do unbounded work inside one call, where loop counters in
 * generated code cannot see it: the instrumenter rewrites calls to these. Regular expressions run
 * over a {@link CharSequence} that counts every character read, so a catastrophic pattern meets
 * the CPU budget; sizes are checked against the memory budget before anything is built.
 * Public only because generated classes call it; not API.
 */
public final class Guards {
    private Guards() {
    }

    public static String repeat(String text, int count, long maxBytes, String method) {
        bytes((long) text.length() * count * 2, maxBytes, method);
        return text.repeat(count);
    }

    public static <T> List<T> nCopies(int count, T value, long maxBytes, String method) {
        bytes((long) count * 8, maxBytes, method);
        return Collections.nCopies(count, value);
    }

    public static BigInteger pow(BigInteger base, int exponent, long maxBytes, String method) {
        bytes((long) base.bitLength() * exponent / 8, maxBytes, method);
        return base.pow(exponent);
    }

    /** An initial capacity, for {@code new ArrayList<>(n)} and its kind. */
    public static int capacity(int capacity, long maxBytes, String method) {
        bytes((long) capacity * 8, maxBytes, method);
        return capacity;
    }

    public static Matcher matcher(Pattern pattern, CharSequence input, long cpuNanos, long maxBytes, String method) {
        return pattern.matcher(new Metered(input, cpuNanos, maxBytes, method));
    }

    public static boolean matches(String text, String regex, long cpuNanos, long maxBytes, String method) {
        return matcher(Pattern.compile(regex), text, cpuNanos, maxBytes, method).matches();
    }

    public static boolean patternMatches(String regex, CharSequence input, long cpuNanos, long maxBytes, String method) {
        return matcher(Pattern.compile(regex), input, cpuNanos, maxBytes, method).matches();
    }

    public static String replaceAll(String text, String regex, String replacement, long cpuNanos, long maxBytes,
                                    String method) {
        return matcher(Pattern.compile(regex), text, cpuNanos, maxBytes, method).replaceAll(replacement);
    }

    public static String replaceFirst(String text, String regex, String replacement, long cpuNanos, long maxBytes,
                                      String method) {
        return matcher(Pattern.compile(regex), text, cpuNanos, maxBytes, method).replaceFirst(replacement);
    }

    public static String[] split(String text, String regex, long cpuNanos, long maxBytes, String method) {
        return split(text, regex, 0, cpuNanos, maxBytes, method);
    }

    public static String[] split(String text, String regex, int limit, long cpuNanos, long maxBytes, String method) {
        if (regex.length() == 1 && ".$|()[{^?*+\\".indexOf(regex.charAt(0)) < 0) {
            return text.split(regex, limit); // the JDK's own fast path: no regular expression runs
        }
        return Pattern.compile(regex).split(new Metered(text, cpuNanos, maxBytes, method), limit);
    }

    private static void bytes(long bytes, long maxBytes, String method) {
        if (bytes > maxBytes || bytes < 0) {
            throw Meter.fail("would build " + (bytes < 0 ? "more than 8 EiB" : bytes / (1 << 20) + " MiB")
                    + " at once, past its memory budget of " + maxBytes / (1 << 20) + " MiB", method,
                    "@Budget(memoryMegabytes = ...)");
        }
    }

    /** Counts the characters a regular expression reads, and measures every {@link Meter#CHUNK} of them. */
    private static final class Metered implements CharSequence {
        private final CharSequence text;
        private final long cpuNanos;
        private final long maxBytes;
        private final String method;
        private int reads;

        public Metered(CharSequence text, long cpuNanos, long maxBytes, String method) {
            this.text = text;
            this.cpuNanos = cpuNanos;
            this.maxBytes = maxBytes;
            this.method = method;
        }

        @Override
        public char charAt(int index) {
            if (++reads >= Meter.CHUNK) {
                reads = 0;
                Meter.check(cpuNanos, maxBytes, method);
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Metered(text.subSequence(start, end), cpuNanos, maxBytes, method);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
