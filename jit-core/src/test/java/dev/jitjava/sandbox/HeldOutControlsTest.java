package dev.jitjava.sandbox;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.jitjava.sandbox.Sandbox.control;

/**
 * More ordinary code real models write, beside {@link ControlsTest}: text, collections, math, dates
 * without the clock, records, sealed interfaces, switches, streams, regular expressions, formats,
 * DP tables, graph searches, sensible recursion, and the shapes the sandbox must not mistake for
 * attacks (static final formatters, comparators and tables read by every call, method references
 * to guarded members in ordinary sizes). Each must pass on its first request with its result, call
 * after call. The expected results were computed by running the same bodies as plain Java.
 */
class HeldOutControlsTest {
    @TempDir
    static Path dir;

    /** After a body that declares helpers: the empty method that the answer's closing brace ends. */
    private static final String END = "\nstatic void unused() {";

    static Stream<Arguments> controls() {
        return Stream.of(
                control("word frequencies in a TreeMap", """
                    java.util.Map<String, Integer> freq = new java.util.TreeMap<>();
                    for (String w : "the cat and the hat and the bat".split("\\\\s+")) freq.merge(w, 1, Integer::sum);
                    return freq.toString();
                    """,
                        "{and=2, bat=1, cat=1, hat=1, the=3}"),
                control("a palindrome check", """
                    String s = "A man, a plan, a canal: Panama".toLowerCase().replaceAll("[^a-z0-9]", "");
                    return String.valueOf(new StringBuilder(s).reverse().toString().equals(s));
                    """,
                        "true"),
                control("a Caesar cipher", """
                    StringBuilder out = new StringBuilder();
                    for (char c : "Hello, World".toCharArray()) {
                        if (Character.isUpperCase(c)) out.append((char) ('A' + (c - 'A' + 3) % 26));
                        else if (Character.isLowerCase(c)) out.append((char) ('a' + (c - 'a' + 3) % 26));
                        else out.append(c);
                    }
                    return out.toString();
                    """,
                        "Khoor, Zruog"),
                control("an anagram check with sorted arrays", """
                    char[] a = "listen".toCharArray(); char[] b = "silent".toCharArray();
                    java.util.Arrays.sort(a); java.util.Arrays.sort(b);
                    return String.valueOf(java.util.Arrays.equals(a, b));
                    """,
                        "true"),
                control("a DP table for Fibonacci", """
                    long[] dp = new long[91]; dp[1] = 1;
                    for (int i = 2; i <= 90; i++) dp[i] = dp[i - 1] + dp[i - 2];
                    return String.valueOf(dp[90]);
                    """,
                        "2880067194370816120"),
                control("a longest common subsequence table", """
                    String x = "AGGTAB", y = "GXTXAYB";
                    int[][] t = new int[x.length() + 1][y.length() + 1];
                    for (int i = 1; i <= x.length(); i++)
                        for (int j = 1; j <= y.length(); j++)
                            t[i][j] = x.charAt(i - 1) == y.charAt(j - 1) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
                    return String.valueOf(t[x.length()][y.length()]);
                    """,
                        "4"),
                control("binary search, by hand and by Arrays", """
                    int[] a = {1, 3, 5, 7, 9, 11};
                    int lo = 0, hi = a.length - 1, target = 7, found = -1;
                    while (lo <= hi) { int mid = (lo + hi) >>> 1; if (a[mid] == target) { found = mid; break; } if (a[mid] < target) lo = mid + 1; else hi = mid - 1; }
                    return found + "," + java.util.Arrays.binarySearch(a, 11);
                    """,
                        "3,5"),
                control("top-k with a PriorityQueue", """
                    java.util.PriorityQueue<Integer> q = new java.util.PriorityQueue<>();
                    for (int n : new int[] {5, 1, 9, 3, 7, 8}) { q.offer(n); if (q.size() > 3) q.poll(); }
                    java.util.List<Integer> top = new java.util.ArrayList<>(q); java.util.Collections.sort(top, java.util.Collections.reverseOrder());
                    return top.toString();
                    """,
                        "[9, 8, 7]"),
                control("balanced brackets with an ArrayDeque", """
                    java.util.Deque<Character> st = new java.util.ArrayDeque<>();
                    String s = "{[()()]}"; boolean ok = true;
                    for (char c : s.toCharArray()) {
                        if ("([{".indexOf(c) >= 0) st.push(c);
                        else { if (st.isEmpty()) { ok = false; break; } char o = st.pop(); if ("([{".indexOf(o) != ")]}".indexOf(c)) { ok = false; break; } }
                    }
                    return String.valueOf(ok && st.isEmpty());
                    """,
                        "true"),
                control("a BigInteger factorial in a loop", """
                    java.math.BigInteger f = java.math.BigInteger.ONE;
                    for (int i = 2; i <= 50; i++) f = f.multiply(java.math.BigInteger.valueOf(i));
                    return f.toString();
                    """,
                        "30414093201713378043612608166064768844377641568960512000000000000"),
                control("BigDecimal division with a MathContext", """
                    return java.math.BigDecimal.ONE.divide(java.math.BigDecimal.valueOf(3), new java.math.MathContext(10)).toString();
                    """,
                        "0.3333333333"),
                control("prices summed with BigDecimal", """
                    java.math.BigDecimal total = java.math.BigDecimal.ZERO;
                    for (String p : new String[] {"19.99", "5.01", "0.10"}) total = total.add(new java.math.BigDecimal(p));
                    return total.multiply(new java.math.BigDecimal("1.2")).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
                    """,
                        "30.12"),
                control("String.format with widths and precision", """
                    return String.format("%05d|%.3f|%-5s|%x", 42, Math.PI, "ab", 255);
                    """,
                        "00042|3.142|ab   |ff"),
                control("a text block formatted", """
                    String t = \"""
                        Name: %s
                        Size: %d
                        \""";
                    return t.formatted(input, input.length()).strip();
                    """,
                        "Name: abc\nSize: 3"),
                control("a record with a compact constructor", """
                    record Range(int lo, int hi) { Range { if (lo > hi) throw new IllegalArgumentException("lo > hi"); } int length() { return hi - lo; } }
                    Range r = new Range(2, 9);
                    String bad; try { new Range(5, 1); bad = "no"; } catch (IllegalArgumentException e) { bad = e.getMessage(); }
                    return r + " " + r.length() + " " + r.equals(new Range(2, 9)) + " " + bad;
                    """,
                        "Range[lo=2, hi=9] 7 true lo > hi"),
                control("a sealed interface of records", """
                    return String.valueOf(area(new Circle(1)) + area(new Square(2)));
                    }
                    sealed interface Shape permits Circle, Square { }
                    record Circle(double r) implements Shape { }
                    record Square(double side) implements Shape { }
                    static double area(Shape s) {
                        if (s instanceof Circle c) return Math.round(Math.PI * c.r() * c.r() * 100) / 100.0;
                        if (s instanceof Square q) return q.side() * q.side();
                        throw new IllegalStateException();
                    }
                    """ + END,
                        "7.140000000000001"),
                control("a switch expression over a local enum", """
                    enum Day { MON, TUE, SAT, SUN }
                    StringBuilder sb = new StringBuilder();
                    for (Day d : Day.values()) {
                        sb.append(switch (d) { case SAT, SUN -> "weekend"; default -> { String w = "work"; yield w + d.ordinal(); } }).append(' ');
                    }
                    return sb.toString().trim();
                    """,
                        "work0 work1 weekend weekend"),
                control("a local enum whose constants have bodies", """
                    enum Op {
                        UP { String apply(String s) { return s.toUpperCase(); } },
                        REV { String apply(String s) { return new StringBuilder(s).reverse().toString(); } };
                        abstract String apply(String s);
                    }
                    return Op.UP.apply(input) + Op.REV.apply(input) + Op.valueOf("REV").ordinal();
                    """,
                        "ABCcba1"),
                control("Optional chaining", """
                    java.util.Optional<String> o = java.util.Optional.of("  value ").map(String::strip).filter(s -> !s.isEmpty());
                    return o.map(String::length).orElse(-1) + java.util.Optional.<String>empty().orElseGet(() -> "!");
                    """,
                        "5!"),
                control("comparators on records", """
                    record P(String name, int age) { }
                    java.util.List<P> ps = new java.util.ArrayList<>(java.util.List.of(new P("bo", 30), new P("al", 30), new P("cy", 25)));
                    ps.sort(java.util.Comparator.comparingInt(P::age).reversed().thenComparing(P::name));
                    return ps.stream().map(P::name).collect(java.util.stream.Collectors.joining(","));
                    """,
                        "al,bo,cy"),
                control("an explicit iterator removing elements", """
                    java.util.List<Integer> l = new java.util.ArrayList<>(java.util.List.of(1, 2, 3, 4, 5, 6));
                    for (java.util.Iterator<Integer> it = l.iterator(); it.hasNext(); ) if (it.next() % 2 == 0) it.remove();
                    java.util.ListIterator<Integer> li = l.listIterator(); while (li.hasNext()) li.set(li.next() * 10);
                    return l.toString();
                    """,
                        "[10, 30, 50]"),
                control("partitioningBy and mapping collectors", """
                    return java.util.stream.IntStream.rangeClosed(1, 8).boxed()
                        .collect(java.util.stream.Collectors.partitioningBy(i -> i % 2 == 0, java.util.stream.Collectors.mapping(String::valueOf, java.util.stream.Collectors.joining("")))).toString();
                    """,
                        "{false=1357, true=2468}"),
                control("summary statistics", """
                    java.util.IntSummaryStatistics s = java.util.stream.IntStream.of(4, 8, 15, 16, 23, 42).summaryStatistics();
                    return s.getMin() + " " + s.getMax() + " " + s.getAverage() + " " + s.getSum();
                    """,
                        "4 42 18.0 108"),
                control("named regex groups in a find loop", """
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<key>\\\\w+)=(?<val>\\\\d+)").matcher("a=1, b=22, c=333");
                    int sum = 0; StringBuilder keys = new StringBuilder();
                    while (m.find()) { keys.append(m.group("key")); sum += Integer.parseInt(m.group("val")); }
                    return keys + ":" + sum;
                    """,
                        "abc:356"),
                control("split, trim and filter", """
                    return java.util.Arrays.stream(" a, b ,, c ,".split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(java.util.stream.Collectors.toList()).toString();
                    """,
                        "[a, b, c]"),
                control("dates with java.time, without the clock", """
                    java.time.LocalDate d = java.time.LocalDate.of(2024, 1, 31).plusMonths(1);
                    long days = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.of(2024, 1, 1), d);
                    java.time.Period p = java.time.Period.between(java.time.LocalDate.of(2000, 5, 20), java.time.LocalDate.of(2024, 3, 1));
                    return d + " " + d.getDayOfWeek() + " " + days + " " + p.getYears();
                    """,
                        "2024-02-29 THURSDAY 59 23"),
                control("durations and times", """
                    java.time.Duration d = java.time.Duration.ofMinutes(135).plusSeconds(30);
                    java.time.LocalTime t = java.time.LocalTime.parse("09:15").plus(d);
                    return d.toHours() + "h" + d.toMinutesPart() + "m " + t;
                    """,
                        "2h15m 11:30:30"),
                control("a DateTimeFormatter in a static final field", """
                    java.time.LocalDate d = java.time.LocalDate.parse("27/02/2026", FMT);
                    return FMT.format(d.plusDays(2)) + " " + d.format(ISO);
                    }
                    private static final java.time.format.DateTimeFormatter FMT = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy", java.util.Locale.ROOT);
                    private static final java.time.format.DateTimeFormatter ISO = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE;
                    """ + END,
                        "01/03/2026 2026-02-27"),
                control("a static final comparator used to sort", """
                    java.util.List<String> l = new java.util.ArrayList<>(java.util.List.of("pear", "fig", "banana"));
                    l.sort(BY_LENGTH);
                    java.util.Collections.sort(l, BY_LENGTH.reversed());
                    return l.toString();
                    }
                    private static final java.util.Comparator<String> BY_LENGTH = java.util.Comparator.comparingInt(String::length);
                    """ + END,
                        "[banana, pear, fig]"),
                control("a for-each over a static final list", """
                    int n = 0;
                    for (String w : STOP_WORDS) if (("the cat and a dog").contains(w)) n++;
                    for (java.util.Map.Entry<String, Integer> e : PRIORITY.entrySet()) n += e.getValue();
                    return String.valueOf(n);
                    }
                    private static final java.util.List<String> STOP_WORDS = java.util.List.of("the", "and", "or");
                    private static final java.util.Map<String, Integer> PRIORITY = new java.util.TreeMap<>(java.util.Map.of("low", 1, "high", 3));
                    """ + END,
                        "6"),
                control("a static final table copied, then changed", """
                    int[] copy = SCORES.clone();
                    copy[0] = 100;
                    int[] longer = java.util.Arrays.copyOf(SCORES, 5);
                    longer[4] = 7;
                    return copy[0] + SCORES[0] + longer[4] + "";
                    }
                    private static final int[] SCORES = {1, 2, 3};
                    """ + END,
                        "108"),
                control("a static final list streamed into a new list", """
                    java.util.List<String> out = NAMES.stream().filter(s -> s.length() > 2).collect(java.util.stream.Collectors.toList());
                    out.add(input);
                    java.util.List<String> sorted = new java.util.ArrayList<>(NAMES);
                    java.util.Collections.sort(sorted);
                    return out + " " + sorted;
                    }
                    private static final java.util.List<String> NAMES = java.util.List.of("bob", "al", "cyd");
                    """ + END,
                        "[bob, cyd, abc] [al, bob, cyd]"),
                control("a static final set of keywords", """
                    return String.valueOf(java.util.Arrays.stream("if x then return y".split(" ")).filter(KEYWORDS::contains).count());
                    }
                    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("if", "return", "while");
                    """ + END,
                        "2"),
                control("letter counts in an int array", """
                    int[] counts = new int[26];
                    for (char c : "hello world".toCharArray()) if (Character.isLetter(c)) counts[c - 'a']++;
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < 26; i++) if (counts[i] > 1) sb.append((char) ('a' + i)).append(counts[i]);
                    return sb.toString();
                    """,
                        "l3o2"),
                control("StringBuilder edits", """
                    StringBuilder sb = new StringBuilder("hello world");
                    sb.insert(0, '[').append(']').setCharAt(1, 'H');
                    sb.deleteCharAt(sb.indexOf(" ")).replace(0, 1, "<");
                    return sb.toString();
                    """,
                        "<Helloworld]"),
                control("gcd, floorMod and powers", """
                    return gcd(84, 36) + " " + Math.floorMod(-7, 3) + " " + (long) Math.pow(2, 20) + " " + Math.sqrt(144) + " " + Math.abs(-5) + " " + Math.max(3, 9);
                    }
                    static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }
                    """ + END,
                        "12 2 1048576 12.0 5 9"),
                control("recursion a thousand deep", """
                    java.util.List<Integer> l = new java.util.ArrayList<>();
                    for (int i = 1; i <= 1000; i++) l.add(i);
                    return String.valueOf(sum(l, 0));
                    }
                    static long sum(java.util.List<Integer> l, int i) { return i == l.size() ? 0 : l.get(i) + sum(l, i + 1); }
                    """ + END,
                        "500500"),
                control("an EnumMap over a local enum", """
                    enum Suit { CLUBS, HEARTS }
                    java.util.EnumMap<Suit, Integer> m = new java.util.EnumMap<>(Suit.class);
                    m.put(Suit.HEARTS, 2); m.merge(Suit.HEARTS, 3, Integer::sum); m.put(Suit.CLUBS, 1);
                    return m.toString();
                    """,
                        "{CLUBS=1, HEARTS=5}"),
                control("an LRU cache with access order", """
                    java.util.Map<Integer, String> cache = new java.util.LinkedHashMap<>(8, 0.75f, true) {
                        @Override protected boolean removeEldestEntry(java.util.Map.Entry<Integer, String> eldest) { return size() > 3; }
                    };
                    for (int i = 1; i <= 5; i++) { cache.put(i, "v" + i); cache.get(i - 1 > 0 ? i - 1 : i); }
                    return cache.keySet().toString() + cache.getOrDefault(1, "gone");
                    """,
                        "[3, 5, 4]gone"),
                control("Stream.iterate with a predicate", """
                    return java.util.stream.Stream.iterate(1, n -> n < 200, n -> n * 3).map(String::valueOf).collect(java.util.stream.Collectors.joining("->"));
                    """,
                        "1->3->9->27->81"),
                control("characters grouped by kind", """
                    return "a1b2c3!".chars().mapToObj(c -> (char) c)
                        .collect(java.util.stream.Collectors.groupingBy(c -> Character.isDigit(c) ? "digit" : Character.isLetter(c) ? "letter" : "other", java.util.TreeMap::new, java.util.stream.Collectors.counting())).toString();
                    """,
                        "{digit=3, letter=3, other=1}"),
                control("unmodifiable copies", """
                    java.util.List<String> src = new java.util.ArrayList<>(java.util.List.of("x"));
                    java.util.List<String> copy = java.util.List.copyOf(src);
                    java.util.List<String> view = java.util.Collections.unmodifiableList(src);
                    src.add("y");
                    String failed; try { copy.add("z"); failed = "no"; } catch (UnsupportedOperationException e) { failed = "yes"; }
                    return copy.size() + "" + view.size() + failed;
                    """,
                        "12yes"),
                control("a tokenizer by hand", """
                    String expr = "12+345-6"; java.util.List<String> tokens = new java.util.ArrayList<>(); int i = 0;
                    while (i < expr.length()) {
                        char c = expr.charAt(i);
                        if (Character.isDigit(c)) { int j = i; while (j < expr.length() && Character.isDigit(expr.charAt(j))) j++; tokens.add(expr.substring(i, j)); i = j; }
                        else { tokens.add(String.valueOf(c)); i++; }
                    }
                    return tokens.toString();
                    """,
                        "[12, +, 345, -, 6]"),
                control("bits and radixes", """
                    return Integer.parseInt("ff", 16) + " " + Integer.toBinaryString(10) + " " + Integer.bitCount(255) + " " + Long.toHexString(4096L) + " " + Integer.reverse(1);
                    """,
                        "255 1010 8 1000 -2147483648"),
                control("overflow caught with Math.addExact", """
                    try { return String.valueOf(Math.addExact(Integer.MAX_VALUE, 1)); } catch (ArithmeticException e) { return "overflow"; }
                    """,
                        "overflow"),
                control("a NumberFormatException handled", """
                    int total = 0;
                    for (String s : new String[] {"1", "x", "3"}) { try { total += Integer.parseInt(s); } catch (NumberFormatException e) { total += 100; } }
                    return String.valueOf(total);
                    """,
                        "104"),
                control("join and small nCopies", """
                    return String.join("-", java.util.Collections.nCopies(3, "ab")) + "|" + "=".repeat(5);
                    """,
                        "ab-ab-ab|====="),
                control("breadth-first search on a grid", """
                    String[] grid = {"..#", ".#.", "..."};
                    int n = grid.length, m = grid[0].length(); int[][] dist = new int[n][m];
                    for (int[] row : dist) java.util.Arrays.fill(row, -1);
                    java.util.ArrayDeque<int[]> q = new java.util.ArrayDeque<>(); q.add(new int[] {0, 0}); dist[0][0] = 0;
                    int[][] dirs = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
                    while (!q.isEmpty()) {
                        int[] cur = q.poll();
                        for (int[] d : dirs) {
                            int r = cur[0] + d[0], c = cur[1] + d[1];
                            if (r >= 0 && r < n && c >= 0 && c < m && grid[r].charAt(c) == '.' && dist[r][c] < 0) { dist[r][c] = dist[cur[0]][cur[1]] + 1; q.add(new int[] {r, c}); }
                        }
                    }
                    return String.valueOf(dist[n - 1][m - 1]) + dist[1][2];
                    """,
                        "45"),
                control("Dijkstra with a PriorityQueue", """
                    int[][] edges = {{0, 1, 4}, {0, 2, 1}, {2, 1, 2}, {1, 3, 1}, {2, 3, 5}};
                    java.util.List<java.util.List<int[]>> adj = new java.util.ArrayList<>();
                    for (int i = 0; i < 4; i++) adj.add(new java.util.ArrayList<>());
                    for (int[] e : edges) adj.get(e[0]).add(new int[] {e[1], e[2]});
                    int[] dist = new int[4]; java.util.Arrays.fill(dist, Integer.MAX_VALUE); dist[0] = 0;
                    java.util.PriorityQueue<int[]> pq = new java.util.PriorityQueue<>(java.util.Comparator.comparingInt(a -> a[1]));
                    pq.add(new int[] {0, 0});
                    while (!pq.isEmpty()) {
                        int[] cur = pq.poll();
                        if (cur[1] > dist[cur[0]]) continue;
                        for (int[] e : adj.get(cur[0])) if (dist[cur[0]] + e[1] < dist[e[0]]) { dist[e[0]] = dist[cur[0]] + e[1]; pq.add(new int[] {e[0], dist[e[0]]}); }
                    }
                    return java.util.Arrays.toString(dist);
                    """,
                        "[0, 3, 1, 4]"),
                control("lines stripped", """
                    return "  one \\n two\\n\\nthree  ".lines().map(String::strip).filter(s -> !s.isBlank()).collect(java.util.stream.Collectors.joining("|"));
                    """,
                        "one|two|three"),
                control("method references to metered JDK members, in ordinary sizes", """
                    String a = java.util.stream.Stream.of(1, 2, 3).map(String::valueOf).collect(java.util.stream.Collectors.joining());
                    java.util.function.BiFunction<String, Integer, String> rep = String::repeat;
                    java.util.function.BinaryOperator<java.math.BigInteger> mul = java.math.BigInteger::multiply;
                    java.util.List<String> l = java.util.stream.Stream.of("b", "a").collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
                    java.util.function.Function<Integer, java.util.ArrayList<String>> make = java.util.ArrayList::new;
                    String up = java.util.stream.Stream.of("x", "y").map(String::toUpperCase).reduce("", String::concat);
                    java.util.function.IntFunction<char[]> chars = char[]::new;
                    return a + rep.apply("ab", 2) + mul.apply(java.math.BigInteger.TEN, java.math.BigInteger.TWO) + l + make.apply(4).size() + up + chars.apply(3).length;
                    """,
                        "123abab20[b, a]0XY3"),
                control("String.format with Locale.ROOT", """
                    return String.format(java.util.Locale.ROOT, "%,d %.2f %e", 1234567, 2.5, 12345.678);
                    """,
                        "1,234,567 2.50 1.234568e+04"),
                control("Objects helpers", """
                    return java.util.Objects.hash(1, "a") + " " + java.util.Objects.equals(null, null) + " " + java.util.Objects.requireNonNullElse(null, "dflt") + " " + java.util.Objects.toString(null, "nil");
                    """,
                        "1089 true dflt nil"),
                control("a local record implementing Comparable", """
                    record V(int major, int minor) implements Comparable<V> { public int compareTo(V o) { return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor); } }
                    java.util.List<V> vs = new java.util.ArrayList<>(java.util.List.of(new V(1, 10), new V(1, 2), new V(0, 9)));
                    java.util.Collections.sort(vs);
                    return vs.toString() + java.util.Collections.max(vs);
                    """,
                        "[V[major=0, minor=9], V[major=1, minor=2], V[major=1, minor=10]]V[major=1, minor=10]"),
                control("a local interface with static and default methods", """
                    interface Greeter { String name(); default String greet() { return prefix() + name(); } static String prefix() { return "hi "; } }
                    Greeter g = () -> input;
                    return g.greet();
                    """,
                        "hi abc"),
                control("a bounded generic helper with varargs", """
                    return max(java.util.List.of(3, 9, 4)) + max(java.util.List.of("pear", "apple")) + count("a", "b", "c");
                    }
                    static <T extends Comparable<T>> T max(java.util.List<T> items) { T best = items.get(0); for (T t : items) if (t.compareTo(best) > 0) best = t; return best; }
                    static int count(String... parts) { return parts.length; }
                    """ + END,
                        "9pear3"),
                control("list searches with Collections helpers", """
                    java.util.List<String> l = java.util.Arrays.asList("a", "b", "a", "c");
                    return l.indexOf("c") + " " + java.util.Collections.frequency(l, "a") + " " + java.util.Collections.max(l) + " " + l.lastIndexOf("a");
                    """,
                        "3 2 c 2"),
                control("strings from char arrays", """
                    char[] cs = {'h', 'e', 'l', 'l', 'o'};
                    return String.valueOf(cs) + new String(cs, 1, 3) + String.copyValueOf(cs, 0, 2) + new String(Character.toChars(0x1F600)).length();
                    """,
                        "helloellhe2"),
                control("a sieve with a BitSet", """
                    java.util.BitSet composite = new java.util.BitSet(1000);
                    for (int i = 2; i * i < 1000; i++) if (!composite.get(i)) for (int j = i * i; j < 1000; j += i) composite.set(j);
                    int count = 0; for (int i = 2; i < 1000; i++) if (!composite.get(i)) count++;
                    return String.valueOf(count);
                    """,
                        "168"),
                control("today in UTC with an explicit zone", """
                    return String.valueOf(java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear() >= 2024) + java.time.Instant.ofEpochSecond(0);
                    """,
                        "true1970-01-01T00:00:00Z"),
                control("UUIDs from bytes and case-insensitive order", """
                    java.util.List<String> l = new java.util.ArrayList<>(java.util.List.of("b", "A", "c"));
                    l.sort(String.CASE_INSENSITIVE_ORDER);
                    return java.util.UUID.nameUUIDFromBytes("x".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + " " + l;
                    """,
                        "9dd4e461-268c-3034-b5c8-564e155c67a6 [A, b, c]"),
                control("Base64 round trip", """
                    String enc = java.util.Base64.getEncoder().encodeToString("jit-java".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    return enc + " " + new String(java.util.Base64.getDecoder().decode(enc), java.nio.charset.StandardCharsets.UTF_8);
                    """,
                        "aml0LWphdmE= jit-java"),
                control("a SHA-256 digest in hex", """
                    try {
                        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        StringBuilder sb = new StringBuilder(); for (byte b : d) sb.append(String.format("%02x", b));
                        return sb.substring(0, 16);
                    } catch (java.security.NoSuchAlgorithmException e) { throw new IllegalStateException(e); }
                    """,
                        "ba7816bf8f01cfea"),
                control("a CRC32 checksum", """
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32(); crc.update(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    return Long.toHexString(crc.getValue());
                    """,
                        "352441c2"),
                control("a small StringBuilder loop of joined numbers", """
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < 2000; i++) { if (sb.length() > 0) sb.append(','); sb.append(i * i); }
                    return sb.length() + ":" + sb.substring(0, 12);
                    """,
                        "14536:0,1,4,9,16,2"),
                control("memoization in a HashMap passed down", """
                    return String.valueOf(ways(50, new java.util.HashMap<>()));
                    }
                    static long ways(int n, java.util.Map<Integer, Long> memo) {
                        if (n <= 1) return 1;
                        Long known = memo.get(n); if (known != null) return known;
                        long v = ways(n - 1, memo) + ways(n - 2, memo);
                        memo.put(n, v); return v;
                    }
                    """ + END,
                        "20365011074"),
                control("a lookup table filled by a static initializer and read in a loop", """
                    StringBuilder sb = new StringBuilder();
                    for (char c : input.toCharArray()) sb.append(MORSE.getOrDefault(c, "?")).append(' ');
                    return sb.toString().trim();
                    }
                    private static final java.util.Map<Character, String> MORSE = new java.util.HashMap<>();
                    static { MORSE.put('a', ".-"); MORSE.put('b', "-..."); MORSE.put('c', "-.-."); }
                    """ + END,
                        ".- -... -.-."),
                control("an immutable record in a static final constant", """
                    return ORIGIN.x() + "," + ORIGIN.y() + " " + ORIGIN.moved(2, 3);
                    }
                    record Point(int x, int y) { Point moved(int dx, int dy) { return new Point(x + dx, y + dy); } }
                    private static final Point ORIGIN = new Point(0, 0);
                    """ + END,
                        "0,0 Point[x=2, y=3]"),
                control("an iterator over a custom Iterable", """
                    class Countdown implements Iterable<Integer> {
                        public java.util.Iterator<Integer> iterator() {
                            return new java.util.Iterator<>() { int n = 3; public boolean hasNext() { return n > 0; } public Integer next() { return n--; } };
                        }
                    }
                    StringBuilder sb = new StringBuilder(); for (int i : new Countdown()) sb.append(i);
                    return sb.toString();
                    """,
                        "321"),
                control("a two-pointer scan", """
                    int[] a = {1, 2, 4, 7, 11, 15}; int lo = 0, hi = a.length - 1;
                    while (lo < hi) { int s = a[lo] + a[hi]; if (s == 15) break; if (s < 15) lo++; else hi--; }
                    return a[lo] + "+" + a[hi];
                    """,
                        "4+11"));
    }

    @ParameterizedTest(name = "control: {0}")
    @MethodSource("controls")
    void control_ordinaryCode_keepsWorking(Sandbox.Case control) {
        Sandbox.control(dir, control);
    }
}
