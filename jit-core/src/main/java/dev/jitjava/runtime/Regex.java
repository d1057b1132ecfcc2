package dev.jitjava.runtime;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stand-ins for every way into {@code java.util.regex} (the allowlist's {@code @guard=Regex.name}):
 * each runs the JDK's own matcher over a {@link CharSequence} that counts the characters read and
 * measures every {@link Meter#CHUNK} of them, so a backtracking pattern meets the CPU budget from
 * inside the JDK call. Each takes the call's operands, then {@code (cpuNanos, maxBytes, wallNanos,
 * method)}. Public only because generated classes call it; not API.
 */
public final class Regex {
    private Regex() {
    }

    public static Matcher matcher(Pattern pattern, CharSequence input, long cpu, long bytes, long wall, String method) {
        return pattern.matcher(metered(input, cpu, bytes, wall, method));
    }

    public static Matcher reset(Matcher matcher, CharSequence input, long cpu, long bytes, long wall, String method) {
        return matcher.reset(metered(input, cpu, bytes, wall, method));
    }

    public static boolean matches(String text, String regex, long cpu, long bytes, long wall, String method) {
        return matcher(Pattern.compile(regex), text, cpu, bytes, wall, method).matches();
    }

    public static boolean patternMatches(String regex, CharSequence input, long cpu, long bytes, long wall, String method) {
        return matcher(Pattern.compile(regex), input, cpu, bytes, wall, method).matches();
    }

    public static String replaceAll(String text, String regex, String replacement, long cpu, long bytes, long wall,
                                    String method) {
        return matcher(Pattern.compile(regex), text, cpu, bytes, wall, method).replaceAll(replacement);
    }

    public static String replaceFirst(String text, String regex, String replacement, long cpu, long bytes, long wall,
                                      String method) {
        return matcher(Pattern.compile(regex), text, cpu, bytes, wall, method).replaceFirst(replacement);
    }

    public static String[] split(String text, String regex, long cpu, long bytes, long wall, String method) {
        return split(text, regex, 0, cpu, bytes, wall, method);
    }

    public static String[] split(String text, String regex, int limit, long cpu, long bytes, long wall, String method) {
        if (regex.length() == 1 && ".$|()[{^?*+\\".indexOf(regex.charAt(0)) < 0) {
            return text.split(regex, limit); // the JDK's own fast path: no regular expression runs
        }
        return Pattern.compile(regex).split(metered(text, cpu, bytes, wall, method), limit);
    }

    public static String[] patternSplit(Pattern pattern, CharSequence input, long cpu, long bytes, long wall, String method) {
        return pattern.split(metered(input, cpu, bytes, wall, method));
    }

    public static String[] patternSplit(Pattern pattern, CharSequence input, int limit, long cpu, long bytes, long wall,
                                        String method) {
        return pattern.split(metered(input, cpu, bytes, wall, method), limit);
    }

    public static Stream<String> splitAsStream(Pattern pattern, CharSequence input, long cpu, long bytes, long wall,
                                               String method) {
        return pattern.splitAsStream(metered(input, cpu, bytes, wall, method));
    }

    public static Predicate<String> asPredicate(Pattern pattern, long cpu, long bytes, long wall, String method) {
        return text -> matcher(pattern, text, cpu, bytes, wall, method).find();
    }

    public static Predicate<String> asMatchPredicate(Pattern pattern, long cpu, long bytes, long wall, String method) {
        return text -> matcher(pattern, text, cpu, bytes, wall, method).matches();
    }

    private static CharSequence metered(CharSequence input, long cpu, long bytes, long wall, String method) {
        return input == null || input instanceof Metered ? input : new Metered(input, cpu, bytes, wall, method);
    }

    /** Counts the characters a regular expression reads, and measures every {@link Meter#CHUNK} of them. */
    private static final class Metered implements CharSequence {
        private final CharSequence text;
        private final long cpu;
        private final long bytes;
        private final long wall;
        private final String method;
        private int reads;

        Metered(CharSequence text, long cpu, long bytes, long wall, String method) {
            this.text = text;
            this.cpu = cpu;
            this.bytes = bytes;
            this.wall = wall;
            this.method = method;
        }

        @Override
        public char charAt(int index) {
            if (++reads >= Meter.CHUNK) {
                reads = 0;
                Meter.check(cpu, bytes, wall, method);
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Metered(text.subSequence(start, end), cpu, bytes, wall, method);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
