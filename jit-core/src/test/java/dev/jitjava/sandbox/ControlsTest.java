package dev.jitjava.sandbox;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.jitjava.sandbox.Sandbox.control;

/** Ordinary code real models write: each must pass the verifier and the budgets, with its result, call after call. */
class ControlsTest {
    @TempDir
    static Path dir;

    static Stream<Arguments> controls() {
        return Stream.of(
                control("memoization inside the call", "java.util.Map<Integer, Long> memo = new java.util.HashMap<>(); return String.valueOf(fib(60, memo));\n}\nstatic long fib(int n, java.util.Map<Integer, Long> memo) { if (n < 2) return n; Long known = memo.get(n); if (known != null) return known; long v = fib(n - 1, memo) + fib(n - 2, memo); memo.put(n, v); return v; }\nstatic void unused() {", "1548008755920"),
                control("a lookup table filled at class initialization", "return String.valueOf(NAMES.get(input.length()));\n}\nprivate static final java.util.Map<Integer, String> NAMES = new java.util.HashMap<>();\nstatic { NAMES.put(3, \"three\"); NAMES.put(4, \"four\"); }\nstatic void unused() {", "three"),
                control("a static final array table", "int sum = 0; for (char c : input.toCharArray()) sum += SCORES[c - 'a']; return String.valueOf(sum);\n}\nprivate static final int[] SCORES = new int[26];\nstatic { for (int i = 0; i < 26; i++) SCORES[i] = i + 1; }\nstatic void unused() {", "6"),
                control("a static final compiled pattern", "return String.valueOf(WORD.matcher(input + \" de\").results().count());\n}\nprivate static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile(\"\\\\w+\");\nstatic void unused() {", "2"),
                control("constants from List.of", "return String.join(\",\", VOWELS) + VOWELS.size();\n}\nprivate static final java.util.List<String> VOWELS = java.util.List.of(\"a\", \"e\");\nstatic void unused() {", "a,e2"),
                control("an LRU as an anonymous LinkedHashMap subclass", "java.util.Map<String, Integer> lru = new java.util.LinkedHashMap<>(16, 0.75f, true) { protected boolean removeEldestEntry(java.util.Map.Entry<String, Integer> e) { return size() > 2; } }; lru.put(\"a\", 1); lru.put(\"b\", 2); lru.get(\"a\"); lru.put(\"c\", 3); return lru.keySet().toString();", "[a, c]"),
                control("a local enum whose constants have bodies", "enum Op { UP { String apply(String s) { return s.toUpperCase(); } }, REV { String apply(String s) { return new StringBuilder(s).reverse().toString(); } }; abstract String apply(String s); } return Op.UP.apply(input) + Op.REV.apply(input);", "ABCcba"),
                control("a member enum whose constants have bodies and a field", "return Level.HIGH.label(input) + Level.LOW.label(input);\n}\nenum Level { LOW(1) { String label(String s) { return s + weight; } }, HIGH(9) { String label(String s) { return s.toUpperCase() + weight; } }; final int weight; Level(int w) { weight = w; } abstract String label(String s); }\nstatic void unused() {", "ABC9abc1"),
                control("a record", "record Pair(String a, int b) { } Pair p = new Pair(input, input.length()); return p.a() + p.b() + p.equals(new Pair(input, 3));", "abc3true"),
                control("streams", "return java.util.stream.IntStream.rangeClosed(1, 10).filter(i -> i % 2 == 0).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(\"+\"));", "2+4+6+8+10"),
                control("Stream.iterate with a limit", "return java.util.stream.Stream.iterate(1, x -> x * 2).limit(5).map(String::valueOf).collect(java.util.stream.Collectors.joining(\",\"));", "1,2,4,8,16"),
                control("a sum over a range", "return String.valueOf(java.util.stream.LongStream.rangeClosed(1, 1_000_000).sum());", "500000500000"),
                control("regex replaceAll and split", "return String.join(\"|\", \"a1b22c333\".replaceAll(\"[0-9]+\", \"-\").split(\"-\"));", "a|b|c"),
                control("String.format with a width", "return String.format(\"%05d\", input.length());", "00003"),
                control("formatted", "return \"%s=%.2f\".formatted(input, 1.5);", "abc=1.50"),
                control("BigDecimal arithmetic", "return new java.math.BigDecimal(\"10.25\").multiply(new java.math.BigDecimal(\"3\")).setScale(1, java.math.RoundingMode.HALF_UP).add(java.math.BigDecimal.ONE).toPlainString();", "31.8"),
                control("BigInteger factorial with reduce", "return java.util.stream.IntStream.rangeClosed(1, 25).mapToObj(java.math.BigInteger::valueOf).reduce(java.math.BigInteger.ONE, (a, b) -> a.multiply(b)).toString();", "15511210043330985984000000"),
                control("BigInteger modPow of a modest size", "return java.math.BigInteger.valueOf(4).modPow(java.math.BigInteger.valueOf(13), java.math.BigInteger.valueOf(497)).toString();", "445"),
                control("a StringBuilder", "StringBuilder sb = new StringBuilder(16); for (int i = 0; i < 3; i++) sb.append(input).append(i); sb.insert(0, '['); sb.setLength(sb.length() - 1); return sb.toString();", "[abc0abc1abc"),
                control("sorting", "java.util.List<String> l = new java.util.ArrayList<>(java.util.List.of(\"pear\", \"fig\", \"apple\")); java.util.Collections.sort(l); l.sort(java.util.Comparator.comparing(String::length)); return l.toString();", "[fig, pear, apple]"),
                control("word counts in a TreeMap", "java.util.Map<String, Integer> m = new java.util.TreeMap<>(); for (String w : \"b a b\".split(\" \")) m.merge(w, 1, Integer::sum); return m.toString();", "{a=1, b=2}"),
                control("arrays copied and sorted", "int[] a = {3, 1, 2}; int[] b = java.util.Arrays.copyOf(a, 5); java.util.Arrays.sort(b, 0, 3); return java.util.Arrays.toString(b);", "[1, 2, 3, 0, 0]"),
                control("a small two-dimensional array", "int[][] grid = new int[3][4]; grid[2][3] = 7; return String.valueOf(grid[2][3] + grid.length * grid[0].length);", "19"),
                control("a seeded Random", "return String.valueOf(new java.util.Random(42).nextInt(100));", String.valueOf(new java.util.Random(42).nextInt(100))),
                control("dates", "return java.time.LocalDate.parse(\"2026-02-27\").plusDays(3).format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE);", "2026-03-02"),
                control("Optional", "return java.util.Optional.ofNullable(input).map(String::toUpperCase).orElse(\"none\");", "ABC"),
                control("a switch expression", "return switch (input.length()) { case 3 -> \"three\"; default -> \"other\"; };", "three"),
                control("nested lambdas", "java.util.function.Function<Integer, java.util.function.Function<Integer, Integer>> add = x -> y -> x + y; return String.valueOf(add.apply(2).apply(input.length()));", "5"),
                control("a local interface with a default method", "interface Greeter { default String greet(String n) { return \"hi \" + n; } } return new Greeter() { }.greet(input);", "hi abc"),
                control("a Formatter over a StringBuilder, closed", "StringBuilder sb = new StringBuilder(); try (java.util.Formatter f = new java.util.Formatter(sb)) { f.format(\"%3s|\", input); } return sb.toString();", "abc|"),
                control("a PrintWriter over a StringWriter", "java.io.StringWriter w = new java.io.StringWriter(); try (java.io.PrintWriter p = new java.io.PrintWriter(w)) { p.print(input.length()); } return w.toString();", "3"),
                control("reading lines from a string", "try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.StringReader(\"x\\ny\"))) { return String.valueOf(r.lines().count()); } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }", "2"),
                control("printing to System.out", "System.out.print(\"\"); return input;", "abc"),
                control("groupingBy", "return String.valueOf(java.util.stream.Stream.of(\"a\", \"bb\", \"cc\").collect(java.util.stream.Collectors.groupingBy(String::length, java.util.TreeMap::new, java.util.stream.Collectors.counting())));", "{1=1, 2=2}"),
                control("a deque and a priority queue", "java.util.Deque<Integer> d = new java.util.ArrayDeque<>(); d.push(1); d.push(2); java.util.PriorityQueue<Integer> q = new java.util.PriorityQueue<>(java.util.List.of(5, 1, 3)); return d.peek() + \"\" + q.poll();", "21"),
                control("characters and code points", "return String.valueOf(input.chars().filter(Character::isLetter).map(Character::toUpperCase).sum());", String.valueOf('A' + 'B' + 'C')),
                control("enum values of a local enum", "enum Color { RED, GREEN } return java.util.Arrays.toString(Color.values()) + Color.valueOf(\"GREEN\").ordinal();", "[RED, GREEN]1"),
                control("a list in a local object", "class Bag { final java.util.List<String> items = new java.util.ArrayList<>(); } Bag b = new Bag(); b.items.add(input); b.items.add(input); return String.valueOf(b.items.size());", "2"),
                control("a BitSet", "java.util.BitSet b = new java.util.BitSet(); b.set(1); b.set(5); return b.toString();", "{1, 5}"),
                control("an AtomicInteger inside the call", "java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger(); input.chars().forEach(c -> n.incrementAndGet()); return String.valueOf(n.get());", "3"));
    }

    @ParameterizedTest(name = "control: {0}")
    @MethodSource("controls")
    void control_ordinaryCode_keepsWorking(Sandbox.Case control) {
        Sandbox.control(dir, control);
    }
}
