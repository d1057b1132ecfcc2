package dev.jitjava.corpus;

import dev.jitjava.Describe;
import dev.jitjava.TypeToken;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tasks the answer corpus answers: for each, the interface of the typed form, the call both
 * forms make with its expected result, and what the dynamic form asks for. Methods the answer may
 * call (the interface's other methods) have a plain answer of their own, or a default body.
 */
final class Tasks {
    private Tasks() {
    }

    /** A sibling of the method under test: its answer, and the call that makes it exist on a JitObject first. */
    record Sibling(String method, String answer, Type returns, Object... args) {
    }

    /**
     * @param iface         the interface of the typed form; {@code method} is its only method of that name
     * @param args          the call's arguments
     * @param expected      its result
     * @param returns       what the dynamic form asks for ({@code returns(...)}); null when only the typed form fits
     * @param names         the parameters' names the dynamic form gives ({@code parameters(...)})
     * @param siblings      the other methods: generated from these answers (abstract ones, or all on a JitObject)
     */
    record Task(String id, Class<?> iface, String method, Object[] args, Object expected, Type returns, List<String> names,
                List<Sibling> siblings) {
    }

    private static final Map<String, Task> TASKS = new LinkedHashMap<>();

    private static void task(String id, Class<?> iface, String method, Object[] args, Object expected, Type returns,
                             List<String> names, Sibling... siblings) {
        TASKS.put(id, new Task(id, iface, method, args, expected, returns, names, List.of(siblings)));
    }

    static Task named(String id) {
        Task task = TASKS.get(id);
        if (task == null) {
            throw new IllegalArgumentException("no task " + id + "; known: " + TASKS.keySet());
        }
        return task;
    }

    private static Object[] args(Object... args) {
        return args;
    }

    private static String fenced(String code) {
        return "```java\n" + code + "\n```";
    }

    interface Fib {
        @Describe("The n-th Fibonacci number, fib(0) = 0, fib(1) = 1")
        long fib(int n);
    }

    interface Gcd {
        int gcd(int a, int b);
    }

    interface Factorial {
        long factorial(int n);
    }

    interface Palindrome {
        @Describe("Whether the text reads the same backwards, ignoring case and anything not a letter or digit")
        boolean isPalindrome(String text);
    }

    interface Vowels {
        @Describe("Number of vowels (a, e, i, o, u, either case)")
        int countVowels(String text);
    }

    interface Words {
        String reverseWords(String sentence);
    }

    interface Primes {
        boolean isPrime(int n);

        @Describe("The primes up to limit, inclusive, in increasing order")
        List<Integer> primesUpTo(int limit);
    }

    interface NotPrime {
        @Describe("Whether n is not a prime number")
        boolean isNotPrime(int n);
    }

    interface DigitSum {
        int digitSum(int n);
    }

    interface Power {
        double power(double base, int exponent);
    }

    interface Search {
        @Describe("The index of target in the sorted array, or -1")
        int binarySearch(int[] sorted, int target);
    }

    interface Flatten {
        List<Integer> flatten(List<List<Integer>> lists);
    }

    interface Frequencies {
        @Describe("How often each lower-cased word occurs; words are separated by spaces")
        Map<String, Integer> wordFrequencies(String text);
    }

    interface Merge {
        List<Integer> mergeSorted(List<Integer> first, List<Integer> second);
    }

    interface Sums {
        double sum(List<? extends Number> numbers);
    }

    interface MaxOf {
        int maxOf(int... values);
    }

    interface FizzBuzz {
        String fizzbuzz(int n);
    }

    interface Permutations {
        @Describe("Every permutation of the text's characters, in lexicographic order")
        List<String> permutations(String text);
    }

    interface Calculator {
        @Describe("Evaluates an integer expression with + - * / and parentheses")
        int evaluate(String expression);
    }

    interface Grid {
        @Describe("The number of paths from the top-left to the bottom-right cell, moving only right or down")
        long countPaths(int rows, int columns);
    }

    interface Config {
        @Describe("The port number in the text; an IOException if it is not a number from 1 to 65535")
        int parsePort(String text) throws IOException;
    }

    interface Cipher {
        String caesar(String text, int shift);
    }

    interface Roman {
        int romanToInt(String roman);
    }

    interface Ops {
        @Describe("Applies ADD, SUB or MUL to a and b")
        int calc(String op, int a, int b);
    }

    interface Geometry {
        double area(double radius);

        default double circumference(double radius) {
            return 2 * Math.PI * radius;
        }

        @Describe("The area of a circle divided by its circumference")
        double ratio(double radius);
    }

    interface Text {
        String reverse(String text);

        @Describe("Whether the word reads the same backwards, ignoring case")
        boolean isPalindromeWord(String word);
    }

    interface VowelStats {
        int countVowels(String text);

        int vowelsInAll(List<String> words);
    }

    interface Sorting {
        @Describe("The words sorted by length, shortest first; words of one length keep their order")
        List<String> sortByLength(List<String> words);
    }

    interface TwoSum {
        int[] twoSum(int[] numbers, int target);
    }

    interface Largest {
        <T extends Comparable<T>> T largest(List<T> items);
    }

    interface Prefix {
        String longestCommonPrefix(String[] words);
    }

    interface Substrings {
        int lengthOfLongestSubstring(String text);
    }

    interface Anagram {
        @Describe("Whether the two words are anagrams of each other, ignoring case")
        boolean isAnagram(String first, String second);
    }

    interface Subsets {
        @Describe("Every subset of the items, in the order a depth-first search that includes each item first finds them")
        List<List<Integer>> subsets(List<Integer> items);
    }

    interface Hanoi {
        @Describe("The moves that carry the disks from peg A to peg C, each as \"A->C\"")
        List<String> hanoi(int disks);
    }

    interface Ackermann {
        int ackermann(int m, int n);
    }

    interface Ranges {
        long sumRange(int from, int to);
    }

    interface Html {
        @Describe("An HTML unordered list: <ul>, then each item as \"  <li>item</li>\" on its own line, then </ul>, "
                + "each line ending with a newline")
        String htmlList(List<String> items);
    }

    interface Braces {
        boolean isBalanced(String text);
    }

    interface Comments {
        @Describe("The Java code without its // and /* */ comments")
        String stripComments(String code);
    }

    interface Counter {
        Map<Character, Integer> charCount(String text);
    }

    interface Duplicates {
        boolean containsDuplicate(List<Integer> values);
    }

    interface Lengths {
        int totalLength(HashMap<String, String> map);
    }

    interface Evens {
        List<Integer> evens(List<Integer> values);
    }

    interface Describer {
        String describe(Integer value);
    }

    interface Distinct {
        long countDistinct(List<String> words);
    }

    interface Umlaute {
        @Describe("Anzahl der Vokale (a, e, i, o, u, ä, ö, ü, groß oder klein)")
        int zähleVokale(String text);
    }

    interface Matrix {
        int[][] transpose(int[][] matrix);
    }

    interface Shapes {
        @Describe("The total area of shapes written as \"circle:r\" or \"square:side\" or \"rect:w:h\"")
        double totalArea(List<String> shapes);
    }

    interface Trees {
        @Describe("The height of the binary search tree built by inserting the values in order (one node: 1)")
        int treeHeight(List<Integer> values);
    }

    interface Unique {
        @Describe("The distinct values, sorted ascending")
        ArrayList<Long> uniqueSorted(ArrayList<Long> values);
    }

    interface Squares {
        @Describe("The sum of the squares of the odd values")
        long sumOddSquares(ArrayList<Long> values);
    }

    private static final String IS_PRIME = fenced("""
            boolean isPrime(int n) {
                if (n < 2) return false;
                for (int i = 2; (long) i * i <= n; i++) if (n % i == 0) return false;
                return true;
            }""");
    private static final String AREA = fenced("double area(double radius) { return Math.PI * radius * radius; }");
    private static final String CIRCUMFERENCE = fenced(
            "double circumference(double radius) { return 2 * Math.PI * radius; }");
    private static final String REVERSE = fenced(
            "String reverse(String text) { return new StringBuilder(text).reverse().toString(); }");
    private static final String COUNT_VOWELS = fenced("""
            int countVowels(String text) {
                int count = 0;
                for (char c : text.toLowerCase().toCharArray()) if ("aeiou".indexOf(c) >= 0) count++;
                return count;
            }""");

    private static final Type LIST_OF_INTEGERS = new TypeToken<List<Integer>>() { }.type();
    private static final Type LIST_OF_STRINGS = new TypeToken<List<String>>() { }.type();

    static {
        task("fib", Fib.class, "fib", args(10), 55L, Long.class, List.of("n"));
        task("gcd", Gcd.class, "gcd", args(84, 36), 12, Integer.class, List.of("a", "b"));
        task("factorial", Factorial.class, "factorial", args(10), 3628800L, Long.class, List.of("n"));
        task("palindrome", Palindrome.class, "isPalindrome", args("A man, a plan, a canal: Panama"), true,
                Boolean.class, List.of("text"));
        task("vowels", Vowels.class, "countVowels", args("Programming in Java"), 6, Integer.class, List.of("text"));
        task("reverseWords", Words.class, "reverseWords", args("the sky  is blue"), "blue is sky the", String.class,
                List.of("sentence"));
        task("primes", Primes.class, "primesUpTo", args(20), List.of(2, 3, 5, 7, 11, 13, 17, 19), LIST_OF_INTEGERS,
                List.of("limit"), new Sibling("isPrime", IS_PRIME, Boolean.class, 7));
        task("notPrime", NotPrime.class, "isNotPrime", args(9), true, Boolean.class, List.of("n"));
        task("digitSum", DigitSum.class, "digitSum", args(12345), 15, Integer.class, List.of("n"));
        task("power", Power.class, "power", args(2.0, -2), 0.25, Double.class, List.of("base", "exponent"));
        task("binarySearch", Search.class, "binarySearch", args(new int[]{1, 3, 5, 7, 9, 11}, 7), 3, Integer.class,
                List.of("sorted", "target"));
        task("flatten", Flatten.class, "flatten",
                args(List.of(List.of(1, 2), List.of(3), List.of(), List.of(4, 5))), List.of(1, 2, 3, 4, 5),
                LIST_OF_INTEGERS, List.of("lists"));
        task("frequencies", Frequencies.class, "wordFrequencies", args("the cat and the hat"),
                Map.of("the", 2, "cat", 1, "and", 1, "hat", 1), new TypeToken<Map<String, Integer>>() { }.type(),
                List.of("text"));
        task("merge", Merge.class, "mergeSorted", args(List.of(1, 4, 9), List.of(2, 3, 10)),
                List.of(1, 2, 3, 4, 9, 10), LIST_OF_INTEGERS, List.of("first", "second"));
        task("sum", Sums.class, "sum", args(List.of(1, 2.5, 3L)), 6.5, Double.class, List.of("numbers"));
        task("maxOf", MaxOf.class, "maxOf", args((Object) new int[]{3, 9, 2}), 9, Integer.class, List.of("values"));
        task("fizzbuzz", FizzBuzz.class, "fizzbuzz", args(15), "FizzBuzz", String.class, List.of("n"));
        task("permutations", Permutations.class, "permutations", args("abc"),
                List.of("abc", "acb", "bac", "bca", "cab", "cba"), LIST_OF_STRINGS, List.of("text"));
        task("evaluate", Calculator.class, "evaluate", args("2 + 3 * (4 - 1) / 3"), 5, Integer.class,
                List.of("expression"));
        task("countPaths", Grid.class, "countPaths", args(3, 7), 28L, Long.class, List.of("rows", "columns"));
        task("parsePort", Config.class, "parsePort", args("8080"), 8080, null, List.of("text"));
        task("caesar", Cipher.class, "caesar", args("Hello, World", 3), "Khoor, Zruog", String.class,
                List.of("text", "shift"));
        task("roman", Roman.class, "romanToInt", args("MCMXCIV"), 1994, Integer.class, List.of("roman"));
        task("calc", Ops.class, "calc", args("MUL", 6, 7), 42, Integer.class, List.of("op", "a", "b"));
        task("ratio", Geometry.class, "ratio", args(2.0), 1.0, Double.class, List.of("radius"),
                new Sibling("area", AREA, Double.class, 1.0),
                new Sibling("circumference", CIRCUMFERENCE, Double.class, 1.0));
        task("palindromeWord", Text.class, "isPalindromeWord", args("Level"), true, Boolean.class, List.of("word"),
                new Sibling("reverse", REVERSE, String.class, "ab"));
        task("vowelsInAll", VowelStats.class, "vowelsInAll", args(List.of("Apple", "EGG", "kiwi")), 3, Integer.class,
                List.of("words"), new Sibling("countVowels", COUNT_VOWELS, Integer.class, "ab"));
        task("vowelsInAllSibling", VowelStats.class, "vowelsInAll", args(List.of("Apple", "EGG", "kiwi")), 5,
                Integer.class, List.of("words"), new Sibling("countVowels", COUNT_VOWELS, Integer.class, "ab"));
        task("sortByLength", Sorting.class, "sortByLength", args(List.of("banana", "kiwi", "apple", "fig")),
                List.of("fig", "kiwi", "apple", "banana"), LIST_OF_STRINGS, List.of("words"));
        task("twoSum", TwoSum.class, "twoSum", args(new int[]{2, 7, 11, 15}, 9), new int[]{0, 1}, int[].class,
                List.of("numbers", "target"));
        task("largest", Largest.class, "largest", args(List.of(3, 9, 4)), 9, null, List.of("items"));
        task("prefix", Prefix.class, "longestCommonPrefix", args((Object) new String[]{"flower", "flow", "flight"}),
                "fl", String.class, List.of("words"));
        task("substring", Substrings.class, "lengthOfLongestSubstring", args("abcabcbb"), 3, Integer.class,
                List.of("text"));
        task("anagram", Anagram.class, "isAnagram", args("Listen", "Silent"), true, Boolean.class,
                List.of("first", "second"));
        task("subsets", Subsets.class, "subsets", args(List.of(1, 2, 3)),
                List.of(List.of(), List.of(1), List.of(1, 2), List.of(1, 2, 3), List.of(1, 3), List.of(2),
                        List.of(2, 3), List.of(3)),
                new TypeToken<List<List<Integer>>>() { }.type(), List.of("items"));
        task("hanoi", Hanoi.class, "hanoi", args(2), List.of("A->B", "A->C", "B->C"), LIST_OF_STRINGS,
                List.of("disks"));
        task("ackermann", Ackermann.class, "ackermann", args(2, 3), 9, Integer.class, List.of("m", "n"));
        task("sumRange", Ranges.class, "sumRange", args(1, 100), 5050L, Long.class, List.of("from", "to"));
        task("htmlList", Html.class, "htmlList", args(List.of("tea", "milk")),
                "<ul>\n  <li>tea</li>\n  <li>milk</li>\n</ul>\n", String.class, List.of("items"));
        task("balanced", Braces.class, "isBalanced", args("{[()()]}"), true, Boolean.class, List.of("text"));
        task("stripComments", Comments.class, "stripComments", args("int a = 1; // one\n/* two */int b;"),
                "int a = 1; \nint b;", String.class, List.of("code"));
        task("charCount", Counter.class, "charCount", args("hello"), Map.of('h', 1, 'e', 1, 'l', 2, 'o', 1),
                new TypeToken<Map<Character, Integer>>() { }.type(), List.of("text"));
        task("duplicates", Duplicates.class, "containsDuplicate", args(List.of(1, 2, 3, 1)), true, Boolean.class,
                List.of("values"));
        task("totalLength", Lengths.class, "totalLength", args(new HashMap<>(Map.of("a", "xy", "b", "z"))), 3,
                Integer.class, List.of("map"));
        task("evens", Evens.class, "evens", args(List.of(1, 2, 3, 4, 6)), List.of(2, 4, 6), LIST_OF_INTEGERS,
                List.of("values"));
        task("describe", Describer.class, "describe", args(7), "odd number 7", String.class, List.of("value"));
        task("countDistinct", Distinct.class, "countDistinct", args(List.of("a", "b", "a", "c")), 3L, Long.class,
                List.of("words"));
        task("umlaute", Umlaute.class, "zähleVokale", args("Äpfel und Öl"), 4, Integer.class, List.of("text"));
        task("transpose", Matrix.class, "transpose", args((Object) new int[][]{{1, 2, 3}, {4, 5, 6}}),
                new int[][]{{1, 4}, {2, 5}, {3, 6}}, int[][].class, List.of("matrix"));
        task("totalArea", Shapes.class, "totalArea", args(List.of("square:2", "rect:2:3", "circle:1")),
                10 + Math.PI, Double.class, List.of("shapes"));
        task("uniqueSorted", Unique.class, "uniqueSorted", args(new ArrayList<>(List.of(5L, 3L, 5L, 2L, 3L, 3L))),
                List.of(2L, 3L, 5L), new TypeToken<List<Long>>() { }.type(), List.of("values"));
        task("sumOddSquares", Squares.class, "sumOddSquares", args(new ArrayList<>(List.of(1L, 3L, 2L, 0L))), 10L,
                Long.class, List.of("values"));
        task("treeHeight", Trees.class, "treeHeight", args(List.of(5, 3, 8, 1, 4, 9, 10)), 4, Integer.class,
                List.of("values"));
    }

    /** The arguments as a readable list, for test names and messages. */
    static String describe(Object[] args) {
        return Arrays.deepToString(args);
    }
}
