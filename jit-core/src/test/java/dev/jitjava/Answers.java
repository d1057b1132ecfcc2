package dev.jitjava;

/** Model answers as real models write them, for the scripted model. */
final class Answers {
    private Answers() {
    }

    static String fenced(String code) {
        return "Here is the implementation:\n\n```java\n" + code + "\n```\n\nIt handles the empty case too.";
    }

    static final String PRINT_ODD = fenced("""
            public void printOddNumbersInList(List<Integer> numbers) {
                for (int n : numbers) {
                    if (n % 2 != 0) {
                        System.out.println(n);
                    }
                }
            }""");

    static final String COUNT_VOWELS = fenced("""
            public int countVowels(String text) {
                int count = 0;
                for (char c : text.toLowerCase().toCharArray()) {
                    if ("aeiou".indexOf(c) >= 0) {
                        count++;
                    }
                }
                return count;
            }""");

    /** countVowels as models first write it sometimes: it does not compile ("cannot find symbol" at line 13 of its unit). */
    static final String COUNT_VOWELS_DOES_NOT_COMPILE = fenced("""
            int countVowels(String text) {
                return vowels;
            }""");
}
