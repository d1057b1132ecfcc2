package dev.jitjava.cli;

import dev.jitjava.spi.Configuration;
import dev.jitjava.test.ScriptedChatModel;
import dev.langchain4j.model.chat.ChatModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jit run} on jit-java's engine, as the library has it: stale methods written again, hand
 * edits recorded, modes, examples, grants and budgets from the program's class, the cache.
 */
class RunLifecycleTest {
    @TempDir
    Path work;

    private JitCommand command;
    private Map<String, String> environment;
    private String out;
    private String input = "";

    @BeforeEach
    void command() {
        command = new JitCommand(work);
        environment = command.environment;
    }

    private static final String WORDS = """
            public class Words {
                public static void main(String[] args) {
                    int n = countVowels("education");
                    System.out.println(n);
                }
            }
            """;

    static final String COUNT_VOWELS = """
            ```java
            static int countVowels(String text) {
                int n = 0;
                for (char c : text.toCharArray()) if ("aeiou".indexOf(c) >= 0) n++;
                return n;
            }
            ```""";

    private int jit(ScriptedChatModel model, String... args) {
        return jit(() -> model, args);
    }

    private int jit(Supplier<ChatModel> model, String... args) {
        int exit = command.run(model, input, args);
        out = command.out();
        return exit;
    }

    private String err() {
        return command.err();
    }

    private Path write(String source) throws Exception {
        return Files.writeString(work.resolve("Words.java"), source);
    }

    private Path stored(String signature) {
        return work.resolve(".jit/file/Words/" + signature + ".java");
    }

    private static Supplier<ChatModel> noModel() {
        return JitCommand.noModel();
    }

    @Test
    void run_callSiteNowNeedsAnotherReturnType_writesTheStoredMethodAgain() throws Exception {
        write(WORDS);
        assertThat(jit(ScriptedChatModel.answering(COUNT_VOWELS), "run", "Words.java")).as(err()).isZero();
        write(WORDS.replace("int n = countVowels", "String n = countVowels"));
        ScriptedChatModel model = ScriptedChatModel.answering("""
                ```java
                static String countVowels(String text) {
                    return text.replaceAll("[^aeiou]", "").length() + " vowels";
                }
                ```""");

        assertThat(jit(model, "run", "Words.java")).as(err()).isZero();

        assertThat(out).isEqualTo("5 vowels\n");
        assertThat(model.requestCount()).isEqualTo(1);
        assertThat(model.lastUserMessage()).contains("static java.lang.String countVowels(java.lang.String text)");
        assertThat(jit(noModel(), "history", "countVowels")).isZero();
        assertThat(out).contains("v2").contains("regenerated: the call at Words.java:3 needs java.lang.String");
    }

    @Test
    void run_handEdit_isRecordedAndRuns_andJitLsSaysEdited() throws Exception {
        write(WORDS);
        assertThat(jit(ScriptedChatModel.answering(COUNT_VOWELS), "run", "Words.java")).isZero();
        Path source = stored("countVowels(java.lang.String)");
        Files.writeString(source, Files.readString(source).replace("\"aeiou\"", "\"aeiouy\""));

        assertThat(jit(noModel(), "run", "Words.java")).as(err()).isZero();
        assertThat(out).isEqualTo("5\n");
        Files.writeString(work.resolve("Words.java"), WORDS.replace("education", "yearly"));
        assertThat(jit(noModel(), "run", "Words.java")).as(err()).isZero();

        assertThat(out).isEqualTo("4\n");
        assertThat(jit(noModel(), "ls")).isZero();
        assertThat(out).contains("Words.countVowels(java.lang.String)").contains("edited");
        assertThat(jit(noModel(), "history", "countVowels")).isZero();
        assertThat(out).contains("v2").contains("hand edit").contains("edited by hand");
    }

    @Test
    void run_handEditThatNoLongerCompiles_namesTheStoredFileAndItsOwnLine() throws Exception {
        write(WORDS);
        assertThat(jit(ScriptedChatModel.answering(COUNT_VOWELS), "run", "Words.java")).isZero();
        Path source = stored("countVowels(java.lang.String)");
        Files.writeString(source, Files.readString(source).replace("return n;", "return m;"));

        assertThat(jit(noModel(), "run", "Words.java")).isEqualTo(ExitCodes.FAILURE);

        assertThat(err()).contains("The stored source does not compile: " + source + ":4: cannot find symbol")
                .contains("    return m;\nFix the file, or have the model change it (jit improve), for method "
                        + "Words.countVowels(String)");
    }

    @Test
    void run_approvedMethodEditedByHand_isNoLongerApproved() throws Exception {
        write(WORDS);
        assertThat(jit(ScriptedChatModel.answering(COUNT_VOWELS), "run", "Words.java")).isZero();
        assertThat(jit(noModel(), "approve", "countVowels")).isZero();
        Path source = stored("countVowels(java.lang.String)");
        Files.writeString(source, Files.readString(source).replace("\"aeiou\"", "\"aeiouy\""));

        assertThat(jit(noModel(), "run", "Words.java")).as(err()).isZero();

        assertThat(jit(noModel(), "ls")).isZero();
        assertThat(out).contains("edited").doesNotContain("approved");
    }

    @Test
    void run_locked_runsTheStoreWithoutAModel_andSaysWhatIsMissing() throws Exception {
        write(WORDS);
        environment.put("JIT_MODE", "locked");

        assertThat(jit(noModel(), "run", "Words.java")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("jit: error: Not in the store (" + stored("countVowels(java.lang.String)")
                + "), and LOCKED mode never calls the model");
        assertThat(work.resolve(".jit/file")).doesNotExist();

        environment.remove("JIT_MODE");
        assertThat(jit(ScriptedChatModel.answering(COUNT_VOWELS), "run", "Words.java")).isZero();
        environment.put("JIT_MODE", "locked");
        Files.writeString(work.resolve("Words.java"), WORDS.replace("education", "queue"));
        assertThat(jit(noModel(), "run", "Words.java")).as(err()).isZero();
        assertThat(out).isEqualTo("4\n");
    }

    @Test
    void run_review_theApprovedVersionRuns_andIsStoredApproved() throws Exception {
        write(WORDS);
        environment.put("JIT_MODE", "review");
        input = "y\n";

        assertThat(jit(ScriptedChatModel.answering(COUNT_VOWELS), "run", "Words.java")).as(err()).isZero();

        assertThat(out).isEqualTo("5\n");
        assertThat(err()).contains("jit: review Words.countVowels(String):").contains("approve Words.countVowels(String)?");
        assertThat(jit(noModel(), "ls")).isZero();
        assertThat(out).contains("approved");
    }

    @Test
    void run_review_aRejectedVersionIsNeitherRunNorStored() throws Exception {
        write(WORDS);
        environment.put("JIT_MODE", "review");
        input = "n\n";

        assertThat(jit(ScriptedChatModel.answering(COUNT_VOWELS), "run", "Words.java")).isEqualTo(ExitCodes.FAILURE);

        assertThat(err()).contains("The reviewer rejected the new version (rejected at the terminal); nothing was stored");
        assertThat(out).isEmpty();
        assertThat(stored("countVowels(java.lang.String)")).doesNotExist();
    }

    @Test
    void run_exampleOnTheProgramsClass_aFailingAnswerGoesBackToTheModel_andTheRepairRuns() throws Exception {
        write("""
                import dev.jitjava.Example;

                @Example(call = "countVowels(\\"yay\\")", returns = "3")
                public class Words {
                    public static void main(String[] args) {
                        int n = countVowels("yearly");
                        System.out.println(n);
                    }
                }
                """);
        ScriptedChatModel model = ScriptedChatModel.answering(COUNT_VOWELS, COUNT_VOWELS.replace("\"aeiou\"", "\"aeiouy\""));

        assertThat(jit(model, "run", "Words.java")).as(err()).isZero();

        assertThat(out).isEqualTo("4\n");
        assertThat(model.requestCount()).isEqualTo(2);
        assertThat(model.requests().get(0).messages().toString()).contains("countVowels(\"yay\") returns 3");
        assertThat(model.lastUserMessage()).contains("Example countVowels(\"yay\"): expected 3, but got 1");
    }

    @Test
    void run_grantsAndBudgetsFromTheProgramsClass() throws Exception {
        Files.writeString(work.resolve("data.txt"), "hello");
        write("""
                import dev.jitjava.Allow;
                import dev.jitjava.Budget;
                import dev.jitjava.Capability;

                @Allow(Capability.FILES_READ)
                @Budget(cpuMillis = 200)
                public class Words {
                    public static void main(String[] args) throws Exception {
                        System.out.println(firstLine(java.nio.file.Path.of(args[0])));
                        spin(3);
                    }
                }
                """);
        ScriptedChatModel model = ScriptedChatModel.answering("""
                ```java
                static String firstLine(java.nio.file.Path file) throws java.io.IOException {
                    return java.nio.file.Files.readAllLines(file).get(0);
                }
                ```""", """
                ```java
                static void spin(int n) {
                    long x = 0;
                    while (true) { x += n; }
                }
                ```""");

        assertThat(jit(model, "run", "Words.java", work.resolve("data.txt").toString())).isEqualTo(ExitCodes.FAILURE);

        assertThat(out).isEqualTo("hello\n");
        assertThat(err()).contains("BudgetExceededException: The call ran past its CPU budget of 200 ms");
    }

    @Test
    void run_withoutTheGrant_theRefusalSaysHowToGrantIt() throws Exception {
        write("""
                public class Words {
                    public static void main(String[] args) throws Exception {
                        System.out.println(firstLine(java.nio.file.Path.of("data.txt")));
                    }
                }
                """);
        String reads = """
                ```java
                static String firstLine(java.nio.file.Path file) throws java.io.IOException {
                    return java.nio.file.Files.readAllLines(file).get(0);
                }
                ```""";

        assertThat(jit(ScriptedChatModel.answering(reads, reads, reads), "run", "Words.java"))
                .isEqualTo(ExitCodes.FAILURE);

        assertThat(err()).contains("needs the FILES_READ capability: grant it with @Allow(Capability.FILES_READ) on "
                + "class Words");
    }

    @Test
    void run_recursionAndCallsToTheProgramsOwnMembers_byTheirSimpleNames() throws Exception {
        write("""
                public class Words {
                    static final int BASE = 10;

                    static int twice(int n) {
                        return 2 * n;
                    }

                    public static void main(String[] args) {
                        System.out.println(fib(10) + " " + digits(1234));
                    }
                }
                """);
        ScriptedChatModel model = ScriptedChatModel.answering("""
                ```java
                static int fib(int n) {
                    return n < 2 ? n : fib(n - 1) + fib(n - 2);
                }
                ```""", """
                Here it is, reusing the program's constant and helper:
                ```java
                static int digits(int n) {
                    return n < BASE ? 1 : 1 + digits(n / BASE) + twice(0);
                }
                ```""");

        assertThat(jit(model, "run", "Words.java")).as(err()).isZero();

        assertThat(out).isEqualTo("55 4\n");
        assertThat(model.requestCount()).isEqualTo(2);
    }

    @Test
    void run_aSecondRunOfTheSameProgram_comesFromTheCache_evenWhenAStoredFileWasJustWritten() throws Exception {
        write(WORDS);
        assertThat(jit(ScriptedChatModel.answering(COUNT_VOWELS), "run", "Words.java")).isZero();
        try (var files = Files.walk(work.resolve(".jit/.cache"))) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).anyMatch(n -> n.startsWith("build-"));
        }

        assertThat(jit(noModel(), "run", "Words.java")).as(err()).isZero();
        assertThat(out).isEqualTo("5\n");

        Path source = stored("countVowels(java.lang.String)");
        Files.writeString(source, Files.readString(source).replace("n++", "n += 2"));
        assertThat(jit(noModel(), "run", "Words.java")).as(err()).isZero();
        assertThat(out).as("a stored method changed: the cached build is not used").isEqualTo("10\n");
        Files.writeString(work.resolve("Words.java"), WORDS.replace("education", "yearly"));
        assertThat(jit(noModel(), "run", "Words.java")).as(err()).isZero();
        assertThat(out).isEqualTo("4\n");
    }

    @Test
    void run_aSecondRunInAFreshProcess_loadsNoJavac() throws Exception {
        write(WORDS);
        assertThat(jit(ScriptedChatModel.answering(COUNT_VOWELS), "run", "Words.java")).isZero();
        Path log = work.resolve("classes.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder second = new ProcessBuilder(java, "-Xlog:class+load:file=" + log,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "Words.java")
                .directory(work.toFile()).redirectError(work.resolve("stderr.txt").toFile());
        second.environment().put("JIT_MODE", "locked");
        Process process = second.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(Files.readString(work.resolve("stderr.txt"))).isZero();
            assertThat(output).isEqualTo("5\n");
            assertThat(Files.readAllLines(log)).anyMatch(line -> line.contains(" dev.jitjava.cli.Main "))
                    .noneMatch(line -> line.contains(" com.sun.tools.javac.") || line.contains(" javax.tools."));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void run_allMethodsStored_needsNoModelConfigured_andAMissingOneSaysWhatToSet() throws Exception {
        write(WORDS);
        assertThat(jit(ScriptedChatModel.answering(COUNT_VOWELS), "run", "Words.java")).isZero();
        Files.walk(work.resolve(".jit/.cache")).sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        Supplier<ChatModel> configured = Configuration.of(Map.of(), work, work, url -> null).model(); // none set

        assertThat(jit(configured, "run", "Words.java")).as(err()).isZero();
        assertThat(out).isEqualTo("5\n");

        write(WORDS.replace("countVowels(\"education\")", "countVowels(\"education\") + twice(1)"));
        assertThat(jit(configured, "run", "Words.java")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("jit-java has no model to write methods with").contains("JIT_MODEL=")
                .contains("Words.twice(int)");
    }
}
