package dev.example;

import java.util.Map;

/** What a good model would answer for each method of {@link SignaturesTest.Tools}, keyed by signature. */
final class Answers {
    private Answers() {
    }

    private static final Map<String, String> BY_SIGNATURE = Map.ofEntries(
            Map.entry("Map<String, List<Integer>> groupByParity(List<Integer> numbers)", """
                    public Map<String, List<Integer>> groupByParity(List<Integer> numbers) {
                        return numbers.stream().collect(Collectors.groupingBy(n -> n % 2 == 0 ? "even" : "odd"));
                    }"""),
            Map.entry("int[] reversed(int[] values)", """
                    int[] reversed(int[] values) {
                        int[] out = new int[values.length];
                        for (int i = 0; i < values.length; i++) out[i] = values[values.length - 1 - i];
                        return out;
                    }"""),
            Map.entry("long sum(int... values)", "long sum(int... values) { return IntStream.of(values).asLongStream().sum(); }"),
            Map.entry("Point farthest(List<Point> points)", """
                    Point farthest(List<Point> points) {
                        return points.stream().max(Comparator.comparingDouble(Point::length)).orElseThrow();
                    }"""),
            Map.entry("SignaturesTest.Direction opposite(SignaturesTest.Direction direction)", """
                    SignaturesTest.Direction opposite(SignaturesTest.Direction direction) {
                        return switch (direction) {
                            case NORTH -> SignaturesTest.Direction.SOUTH;
                            case SOUTH -> SignaturesTest.Direction.NORTH;
                        };
                    }"""),
            Map.entry("<T extends Comparable<T>> T largest(List<T> values)",
                    "<T extends Comparable<T>> T largest(List<T> values) { return Collections.max(values); }"),
            Map.entry("String readFirstLine(String path) throws IOException", """
                    import java.io.IOException;

                    String readFirstLine(String path) throws IOException {
                        throw new IOException("no file " + path);
                    }"""),
            Map.entry("BigInteger factorial(int n)", """
                    import java.math.BigInteger;

                    BigInteger factorial(int n) {
                        if (n < 0) throw new IllegalArgumentException("n must be >= 0: " + n);
                        BigInteger result = BigInteger.ONE;
                        for (int i = 2; i <= n; i++) result = result.multiply(BigInteger.valueOf(i));
                        return result;
                    }"""),
            Map.entry("int countMatching(int[] values, IntPredicate test)",
                    "int countMatching(int[] values, IntPredicate test) { return (int) IntStream.of(values).filter(test).count(); }"),
            Map.entry("int doubleLength(String text)", "int doubleLength(String text) { return 2 * self.length(text); }"),
            Map.entry("int length(String text)", "int length(String text) { return text.length(); }"),
            Map.entry("char firstChar(String text)", "char firstChar(String text) { return text.charAt(0); }"),
            Map.entry("boolean isEmpty(String text)", "boolean isEmpty(String text) { return text.isEmpty(); }"),
            Map.entry("double half(double x)", "double half(double x) { return x / 2; }"));

    static String forSignature(String signature) {
        String code = BY_SIGNATURE.get(signature);
        if (code == null) {
            throw new IllegalArgumentException("no scripted answer for " + signature);
        }
        return "```java\n" + code + "\n```";
    }
}
