package dev.jitjava.internal.extract;

import dev.jitjava.internal.method.InterfaceMethods;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Specs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CodeExtractorTest {

    interface Text {
        int countVowels(String text);

        default boolean isVowel(char c) {
            return "aeiou".indexOf(c) >= 0;
        }
    }

    interface Lists {
        List<Integer> odds(List<Integer> numbers);

        List<Integer> odds(int[] numbers);
    }

    private static MethodSpec spec(Class<?> iface, String name, Class<?>... parameters) throws Exception {
        var method = iface.getMethod(name, parameters);
        var methods = InterfaceMethods.toGenerate(iface);
        return Specs.forInterface(dev.jitjava.internal.method.Owner.Interface.of(iface), methods).get(methods.indexOf(method));
    }

    private static Extraction.Found found(String answer) throws Exception {
        Extraction extraction = CodeExtractor.extract(answer, spec(Text.class, "countVowels", String.class));
        assertThat(extraction).isInstanceOf(Extraction.Found.class);
        return (Extraction.Found) extraction;
    }

    @Test
    void extract_javaFence_makesMethodStaticWithSelf() throws Exception {
        Extraction.Found found = found("""
                Sure! Here it is:

                ```java
                public int countVowels(String text) {
                    return text.length();
                }
                ```
                """);

        assertThat(found.imports()).isEmpty();
        assertThat(found.members()).containsExactly(member("""
                    public static int countVowels(CodeExtractorTest.Text self, String text) {
                        return text.length();
                    }"""));
    }

    @Test
    void extract_bareFenceAndImportsOnTop_keepsImports() throws Exception {
        Extraction.Found found = found("""
                ```
                import java.util.Set;
                import static java.util.Locale.ROOT;

                int countVowels(String text) {
                    return (int) text.toLowerCase(ROOT).chars().filter(c -> Set.of('a').contains((char) c)).count();
                }
                ```""");

        assertThat(found.imports()).containsExactly("import java.util.Set;", "import static java.util.Locale.ROOT;");
        assertThat(found.members().get(0)).startsWith("    public static int countVowels(CodeExtractorTest.Text self, String text) {");
    }

    @Test
    void extract_unfencedWithProseAround_findsTheCode() throws Exception {
        Extraction.Found found = found("""
                The method below counts vowels.

                public int countVowels(String text) {
                    return 0;
                }

                This runs in linear time.""");

        assertThat(found.members()).hasSize(1);
        assertThat(found.members().get(0)).contains("return 0;");
    }

    @Test
    void extract_wholeClassImplementingInterface_takesMethodAndHelpers() throws Exception {
        Extraction.Found found = found("""
                ```java
                import java.util.Set;

                public class TextImpl implements Text {
                    private static final Set<Character> VOWELS = Set.of('a', 'e', 'i', 'o', 'u');

                    public TextImpl() {
                    }

                    /** Counts vowels. */
                    @Override
                    public int countVowels(String text) {
                        int n = 0;
                        for (char c : text.toCharArray()) {
                            if (vowel(c)) n++;
                        }
                        return n;
                    }

                    private boolean vowel(char c) {
                        return VOWELS.contains(Character.toLowerCase(c));
                    }

                    public static void main(String[] args) {
                        System.out.println(new TextImpl().countVowels("hello"));
                    }
                }
                ```""");

        assertThat(found.members()).containsExactly(
                member("""
                            /** Counts vowels. */
                            public static int countVowels(CodeExtractorTest.Text self, String text) {
                                int n = 0;
                                for (char c : text.toCharArray()) {
                                    if (vowel(c)) n++;
                                }
                                return n;
                            }"""),
                "    private static final Set<Character> VOWELS = Set.of('a', 'e', 'i', 'o', 'u');",
                member("""
                            private static boolean vowel(char c) {
                                return VOWELS.contains(Character.toLowerCase(c));
                            }"""));
    }

    @Test
    void extract_differentModifiers_areReplaced() throws Exception {
        Extraction.Found found = found("""
                ```java
                @Override
                private static synchronized int countVowels(final String text) { return 1; }
                ```""");

        assertThat(found.members()).containsExactly(
                "    public static int countVowels(CodeExtractorTest.Text self, final String text) { return 1; }");
    }

    @Test
    void extract_modifierLayouts_becomePublicStaticWithSelf() throws Exception {
        String expected = "public static int countVowels(CodeExtractorTest.Text self, String t) { return 1; }";
        for (String declared : List.of(
                "@Override public int countVowels(String t) { return 1; }",
                "public @Override int countVowels(String t) { return 1; }",
                "@Override\npublic int countVowels(String t) { return 1; }",
                "@java.lang.Override\n    protected final int countVowels(String t) { return 1; }",
                "static int countVowels(String t) { return 1; }",
                "default int countVowels(String t) { return 1; }",
                "int countVowels(String t) { return 1; }")) {
            Extraction.Found found = found("```java\n" + declared + "\n```");

            assertThat(found.members()).as(declared).containsExactly("    " + (declared.contains("final")
                    ? expected.replace("public static int", "public static final int") : expected));
        }
    }

    @Test
    void extract_sketchThenFullAnswer_skipsTheSketch() throws Exception {
        Extraction.Found found = found("""
                The signature stays:

                ```java
                int countVowels(String text) { ... }
                ```

                And the full version:

                ```java
                int countVowels(String text) {
                    return 2;
                }
                ```""");

        assertThat(found.members()).hasSize(1);
        assertThat(found.members().get(0)).contains("return 2;");
    }

    @Test
    void extract_severalBlocks_importsFromAllAndLastCompleteMethod() throws Exception {
        Extraction.Found found = found("""
                First the imports:
                ```java
                import java.util.regex.Pattern;
                ```
                A first try:
                ```java
                int countVowels(String text) { return -1; }
                ```
                Better:
                ```java
                int countVowels(String text) { return (int) Pattern.compile("[aeiou]").matcher(text).results().count(); }
                ```""");

        assertThat(found.imports()).containsExactly("import java.util.regex.Pattern;");
        assertThat(found.members().get(0)).contains("Pattern.compile");
    }

    @Test
    void extract_helperNamedLikeDefaultMethod_isKeptAsStaticHelper() throws Exception {
        Extraction.Found found = found("""
                ```java
                int countVowels(String text) {
                    int n = 0;
                    for (char c : text.toCharArray()) if (isVowel(c)) n++;
                    return n;
                }

                private boolean isVowel(char c) {
                    return "aeiouAEIOU".indexOf(c) >= 0;
                }
                ```""");

        assertThat(found.members()).hasSize(2);
        assertThat(found.members().get(1)).startsWith("    private static boolean isVowel(char c) {");
    }

    @Test
    void extract_helperTypesBesideTheMethod_becomeStaticNestedTypes() throws Exception {
        Extraction.Found found = found("""
                ```java
                record Count(int vowels) {}

                int countVowels(String text) {
                    return new Count(text.length()).vowels();
                }
                ```""");

        assertThat(found.members()).containsExactly(
                member("""
                            public static int countVowels(CodeExtractorTest.Text self, String text) {
                                return new Count(text.length()).vowels();
                            }"""),
                "    static record Count(int vowels) {}");
    }

    @Test
    void extract_redeclaredInterface_isDropped() throws Exception {
        Extraction.Found found = found("""
                ```java
                interface Text {
                    int countVowels(String text);
                }

                class Impl implements Text {
                    public int countVowels(String text) { return 3; }
                }
                ```""");

        assertThat(found.members()).containsExactly(
                "    public static int countVowels(CodeExtractorTest.Text self, String text) { return 3; }");
    }

    @Test
    void extract_overloads_picksTheOneWithMatchingParameterTypes() throws Exception {
        MethodSpec spec = spec(Lists.class, "odds", int[].class);
        Extraction extraction = CodeExtractor.extract("""
                ```java
                List<Integer> odds(List<Integer> numbers) { return numbers; }
                List<Integer> odds(int... numbers) { return List.of(); }
                ```""", spec);

        assertThat(((Extraction.Found) extraction).members().get(0))
                .isEqualTo("    public static List<Integer> odds(CodeExtractorTest.Lists self, int... numbers) { return List.of(); }");
    }

    @Test
    void extract_noMethodInAnswer_isMissingWithReason() throws Exception {
        Extraction extraction = CodeExtractor.extract("I cannot help with that.", spec(Text.class, "countVowels", String.class));

        assertThat(extraction).isInstanceOf(Extraction.Missing.class);
        assertThat(((Extraction.Missing) extraction).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("jit.extract.missing");
            assertThat(problem.message()).isEqualTo("The answer holds no complete method `int countVowels(String text)` "
                    + "(with a body) in a ```java block.");
        });
    }

    @Test
    void extract_syntaxError_reportsJavacParseDiagnosticWithLine() throws Exception {
        Extraction extraction = CodeExtractor.extract("""
                ```java
                int countVowels(String text) {
                    return text.length()
                }
                ```""", spec(Text.class, "countVowels", String.class));

        assertThat(((Extraction.Missing) extraction).problems()).first().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("compiler.err.expected");
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).isEqualTo("';' expected");
            assertThat(problem.sourceLine()).isEqualTo("    return text.length()");
        });
    }

    @Test
    void extract_answerThatAlreadyHasSelf_doesNotAddItTwice() throws Exception {
        Extraction.Found found = found("""
                ```java
                final class Text_countVowels {
                    public static int countVowels(CodeExtractorTest.Text self, String text) {
                        return 4;
                    }
                }
                ```""");

        assertThat(found.members()).containsExactly(member("""
                    public static int countVowels(CodeExtractorTest.Text self, String text) {
                        return 4;
                    }"""));
    }

    @Test
    void extract_javadocWithoutLeadingStarsOnHelper_isKeptWhole() throws Exception {
        Extraction.Found found = found("""
                ```java
                public int countVowels(String text) {
                    return isPalindrome(text) ? 1 : 0;
                }

                /**
                 Test if a string is a palindrome
                 */
                private static boolean isPalindrome(String s) {
                    return new StringBuilder(s).reverse().toString().equals(s);
                }
                ```""");

        assertThat(found.members().get(1)).isEqualTo(member("""
                /**
                 Test if a string is a palindrome
                 */
                private static boolean isPalindrome(String s) {
                    return new StringBuilder(s).reverse().toString().equals(s);
                }"""));
    }

    @Test
    void extract_commentsBeforeBetweenAndInsideMembers_areKeptAsWritten() throws Exception {
        Extraction.Found found = found("""
                ```java
                class Impl implements Text {
                    // vowels, lower case
                    /* the set */ private static final String VOWELS = "aeiou"; // see below

                    /* ---- API ---- */
                    /** Counts. */
                    @Override // replaces the interface's
                    public /* visible */ int countVowels(String text) { // O(n)
                        int n = 0; /* start */
                        for (char c : text.toCharArray()) if (VOWELS.indexOf(c) >= 0) n++; // count
                        return n;
                    } // end
                }
                ```""");

        assertThat(found.members()).containsExactly(
                member("""
                        /* ---- API ---- */
                        /** Counts. */
                        // replaces the interface's
                        /* visible */ public static int countVowels(CodeExtractorTest.Text self, String text) { // O(n)
                            int n = 0; /* start */
                            for (char c : text.toCharArray()) if (VOWELS.indexOf(c) >= 0) n++; // count
                            return n;
                        } // end"""),
                member("""
                        // vowels, lower case
                        /* the set */ private static final String VOWELS = "aeiou"; // see below"""));
    }

    @Test
    void extract_stringsAndCommentsHoldingBracesBackticksAndMarkers_areKept() throws Exception {
        String method = """
                int countVowels(String text) {
                    String braces = "{[(}"; // a } in a comment
                    char close = '}';
                    String markdown = "```java"; /* a ``` fence, and a "*" "/" pair */
                    String marker = "*/ and /* and //";
                    return braces.length() + marker.length() + (close == '}' ? 0 : 1) + markdown.length();
                }""";
        Extraction.Found found = found("```java\n" + method + "\n```");

        assertThat(found.members().get(0)).isEqualTo(member(method.replace("int countVowels(String text)",
                "public static int countVowels(CodeExtractorTest.Text self, String text)")));
    }

    @Test
    void extract_textBlock_keepsEveryLineOfItsOwn() throws Exception {
        Extraction.Found found = found("""
                ```java
                class Impl {
                    private static final String TEMPLATE = \"""
                      <b>%s</b>
                    \""";

                    public int countVowels(String text) {
                        return TEMPLATE.formatted(text).length();
                    }
                }
                ```""");

        assertThat(found.members().get(1)).isEqualTo("    private static final String TEMPLATE = \"\"\"\n"
                + "      <b>%s</b>\n"
                + "    \"\"\";");
    }

    @Test
    void extract_unicodeIdentifiersAndFieldsDeclaredTogether_areKept() throws Exception {
        Extraction.Found found = found("""
                ```java
                private static final int ÄRGER = 1, ÜBEL = 2;

                int countVowels(String text) {
                    return zähle(text) + ÄRGER + ÜBEL;
                }

                private static int zähle(String t) { return t.length(); } // «zählen»
                ```""");

        assertThat(found.members()).containsExactly(
                "    public static int countVowels(CodeExtractorTest.Text self, String text) {\n"
                        + "        return zähle(text) + ÄRGER + ÜBEL;\n    }",
                "    private static final int ÄRGER = 1, ÜBEL = 2;",
                "    private static int zähle(String t) { return t.length(); } // «zählen»");
    }

    @Test
    void extract_usageExampleAndTestClass_stayBehind() throws Exception {
        Extraction.Found found = found("""
                ```java
                class Impl implements Text {
                    public int countVowels(String text) { return 1; }

                    private int unused() { return 2; }
                }

                public class Main {
                    public static void main(String[] args) {
                        System.out.println(new Impl().countVowels("a"));
                    }
                }
                ```

                ```java
                class ImplTest {
                    @Test void counts() { assertEquals(1, new Impl().countVowels("a")); }
                }
                ```""");

        assertThat(found.members()).containsExactly(
                "    public static int countVowels(CodeExtractorTest.Text self, String text) { return 1; }");
        assertThat(found.classNames()).containsExactly("Impl");
    }

    @Test
    void extract_importsOfATestBlock_stayBehindWithIt_importsOnlyBlocksCount() throws Exception {
        Extraction.Found found = found("""
                ```java
                import java.util.regex.Pattern;
                ```
                ```java
                import java.util.Set;

                int countVowels(String text) { return Set.of(text).size() + Pattern.quote(text).length(); }
                ```
                ```java
                import org.junit.jupiter.api.Test;
                import static org.junit.jupiter.api.Assertions.assertEquals;

                class VowelsTest {
                    @Test void counts() { assertEquals(1, new Impl().countVowels("a")); }
                }
                ```""");

        assertThat(found.imports()).containsExactly("import java.util.regex.Pattern;", "import java.util.Set;");
    }

    @Test
    void extract_importsNothingKeptUses_areLeftOut() throws Exception {
        Extraction.Found found = found("""
                ```java
                import java.util.*;
                import java.util.regex.Pattern;
                import org.junit.jupiter.api.Test;
                import static org.junit.jupiter.api.Assertions.assertEquals;
                import static java.lang.Math.max;

                class Impl {
                    public int countVowels(String text) { return max(0, Pattern.quote(text).length()); }
                }

                class ImplTest {
                    @Test void counts() { assertEquals(1, new Impl().countVowels("a")); }
                }
                ```""");

        assertThat(found.imports()).containsExactly("import java.util.*;", "import java.util.regex.Pattern;",
                "import static java.lang.Math.max;");
    }

    @Test
    void extract_onDemandImportOfAPackageNowhereToBeFound_isLeftOut() throws Exception {
        Extraction.Found found = found("""
                ```java
                import java.util.*;
                import java.lang.reflect.*;
                import org.javatuplez.*;
                import java.security.*;
                import dev.jitjava.internal.extract.*;
                import java.util.Map.*;

                class Problem {
                    public static int countVowels(String text) { return text.length(); }
                }
                ```""");

        assertThat(found.imports()).containsExactly("import java.util.*;", "import java.lang.reflect.*;",
                "import java.security.*;", "import dev.jitjava.internal.extract.*;", "import java.util.Map.*;");
    }

    @Test
    void extract_helperInAnotherBlock_comesAlong_butNotAnotherVersionOfTheMethod() throws Exception {
        Extraction.Found found = found("""
                A first try:
                ```java
                int countVowels(String text) { return -1; }
                ```
                The helper:
                ```java
                private static boolean vowel(char c) { return "aeiou".indexOf(c) >= 0; }
                ```
                The method:
                ```java
                int countVowels(String text) {
                    int n = 0;
                    for (char c : text.toCharArray()) if (vowel(c)) n++;
                    return countVowels(text, n);
                }

                private static int countVowels(String text, int n) { return n; }
                ```""");

        assertThat(found.members()).hasSize(3);
        assertThat(found.members().get(1)).contains("private static int countVowels(String text, int n)");
        assertThat(found.members().get(2)).contains("private static boolean vowel(char c)");
    }

    @Test
    void extract_classKeepingStateInInstanceFields_isKeptAndMadeForEachCall() throws Exception {
        Extraction.Found found = found("""
                ```java
                import java.util.*;

                public class Impl implements Text {
                    private final Map<String, Integer> memo;

                    public Impl() {
                        this.memo = new HashMap<>();
                    }

                    @Override
                    public int countVowels(String text) {
                        return memo.computeIfAbsent(text, t -> count(t) + (isVowel('a') ? 0 : 1));
                    }

                    private int count(String t) {
                        return t.isEmpty() ? 0 : (isVowel(t.charAt(0)) ? 1 : 0) + countVowels(t.substring(1));
                    }

                    public static void main(String[] args) {
                        System.out.println(new Impl().countVowels("hello"));
                    }
                }
                ```""");

        assertThat(found.members()).containsExactly(
                member("""
                        public static int countVowels(CodeExtractorTest.Text self, String text) {
                            Impl jit$instance = new Impl();
                            jit$instance.self = self;
                            return jit$instance.countVowels(text);
                        }"""),
                member("""
                        public static class Impl  {
                            private final Map<String, Integer> memo;

                            public Impl() {
                                this.memo = new HashMap<>();
                            }

                            public int countVowels(String text) {
                                return memo.computeIfAbsent(text, t -> count(t) + (isVowel('a') ? 0 : 1));
                            }

                            private int count(String t) {
                                return t.isEmpty() ? 0 : (isVowel(t.charAt(0)) ? 1 : 0) + countVowels(t.substring(1));
                            }

                            CodeExtractorTest.Text self;

                            public boolean isVowel(char c) {
                                return self.isVowel(c);
                            }
                        }"""));
        assertThat(found.classNames()).isEmpty();
    }

    /** A member as the extractor indents it for a class body. */
    private static String member(String text) {
        return text.indent(4).stripTrailing().lines().map(String::stripTrailing)
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
