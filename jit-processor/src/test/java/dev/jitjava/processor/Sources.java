package dev.jitjava.processor;

import javax.tools.JavaFileObject;
import java.util.List;
import java.util.Map;

/** Interfaces the tests compile, and the answers a scripted model gives for their methods. */
final class Sources {
    private Sources() {
    }

    static final JavaFileObject SHAPES = Fixture.source("fx.Shapes", """
            package fx;

            import dev.jitjava.Describe;
            import dev.jitjava.JitInterface;
            import java.util.List;
            import java.util.Map;

            @JitInterface
            @Describe("Small helpers about points and words")
            public interface Shapes {
                record Point(int x, int y) {
                }

                @Describe("Manhattan distance between two points")
                int distance(Point a, Point b);

                <T extends Comparable<T>> T largest(List<T> items);

                String joinAll(String separator, String... parts);

                int[] doubled(int[] values);

                Map<Character, List<String>> byFirstLetter(List<String> words);

                default int twice(Point a, Point b) {
                    return 2 * distance(a, b);
                }
            }
            """);

    static final JavaFileObject HIDDEN = Fixture.source("fx.Hidden", """
            package fx;

            import dev.jitjava.JitInterface;

            @JitInterface
            interface Hidden {
                int triple(int x);
            }
            """);

    static final JavaFileObject OUTER = Fixture.source("fx.Outer", """
            package fx;

            import dev.jitjava.JitInterface;
            import java.io.IOException;

            public class Outer {
                @JitInterface
                public interface Inner {
                    String shout(String text) throws IOException;
                }
            }
            """);

    static final List<JavaFileObject> ALL = List.of(SHAPES, HIDDEN, OUTER);
    static final String[] INTERFACES = {"fx.Shapes", "fx.Hidden", "fx.Outer$Inner"};

    static final Map<String, String> ANSWERS = Map.of(
            "distance", """
                    public int distance(Point a, Point b) {
                        return abs(a.x() - b.x()) + abs(a.y() - b.y());
                    }

                    private static int abs(int v) {
                        return v < 0 ? -v : v;
                    }""",
            "largest", """
                    public <T extends Comparable<T>> T largest(List<T> items) {
                        T best = null;
                        for (T item : items) {
                            if (best == null || item.compareTo(best) > 0) {
                                best = item;
                            }
                        }
                        return best;
                    }""",
            "joinAll", """
                    public String joinAll(String separator, String... parts) {
                        return String.join(separator, parts);
                    }""",
            "doubled", """
                    public int[] doubled(int[] values) {
                        return Arrays.stream(values).map(v -> v * 2).toArray();
                    }""",
            "byFirstLetter", """
                    public Map<Character, List<String>> byFirstLetter(List<String> words) {
                        Map<Character, List<String>> groups = new TreeMap<>();
                        for (String word : words) {
                            Bucket bucket = new Bucket(word.charAt(0), word);
                            groups.computeIfAbsent(bucket.letter(), k -> new ArrayList<>()).add(bucket.word());
                        }
                        return groups;
                    }

                    private record Bucket(char letter, String word) {
                    }""",
            "triple", """
                    public int triple(int x) {
                        return 3 * x;
                    }""",
            "shout", """
                    public String shout(String text) throws java.io.IOException {
                        if (text.isEmpty()) {
                            throw new java.io.IOException("nothing to shout");
                        }
                        return text.toUpperCase() + "!";
                    }""");
}
