package dev.jitjava.cli;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {
    @TempDir
    Path work;

    private String programOutput;
    private String err = "";

    private static final String ODD_NUMBERS = """
            import java.util.List;

            public class OddNumbers {
                public static void main(String[] args) {
                    printOddNumbersInList(List.of(1, 2, 3, 4, 5));
                }
            }
            """;

    private static final String PRINT_ODD = """
            ```java
            static void printOddNumbersInList(List<Integer> numbers) {
                for (int n : numbers) if (n % 2 != 0) System.out.println(n);
            }
            ```""";

    private int jit(ScriptedChatModel model, String... args) {
        JitCommand command = new JitCommand(work);
        int exit = command.run(() -> model, "", args);
        programOutput = command.out();
        err = command.err();
        return exit;
    }

    private Path write(String name, String source) throws Exception {
        Path file = work.resolve("examples").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, source);
    }

    @Test
    void run_theModelMayLookUpTypesFirst() throws Exception {
        write("OddNumbers.java", ODD_NUMBERS);
        ScriptedChatModel model = ScriptedChatModel.answering()
                .thenCallTool("describe_type", "{\"name\": \"java.util.List\"}")
                .thenAnswer(PRINT_ODD);

        assertThat(jit(model, "run", "examples/OddNumbers.java")).isZero();

        assertThat(programOutput).isEqualTo("1\n3\n5\n");
        assertThat(model.requests().get(0).toolSpecifications()).extracting(t -> t.name())
                .containsExactly("describe_type", "search_types");
        assertThat(model.toolResults()).singleElement().asString()
                .startsWith("describe_type: public interface java.util.List<E> extends ") // Collection, or SequencedCollection on 21+
                .contains("\n  boolean add(E)\n");
    }

    @Test
    void run_missingMethod_isWrittenStoredNextToTheFile_andTheProgramRuns() throws Exception {
        write("OddNumbers.java", ODD_NUMBERS);
        ScriptedChatModel model = ScriptedChatModel.answering(PRINT_ODD);

        assertThat(jit(model, "run", "examples/OddNumbers.java")).isZero();

        assertThat(programOutput).isEqualTo("1\n3\n5\n");
        assertThat(model.lastUserMessage()).contains("static void printOddNumbersInList(java.util.List<java.lang.Integer> list)")
                .contains("It is called here: printOddNumbersInList(List.of(1, 2, 3, 4, 5));");
        assertThat(work.resolve("examples/.jit/file/OddNumbers/printOddNumbersInList(java.util.List).java")).isRegularFile();
        assertThat(err).contains("jit: writing OddNumbers.printOddNumbersInList");

        ScriptedChatModel none = ScriptedChatModel.answering();
        assertThat(jit(none, "run", "examples/OddNumbers.java")).isZero();
        assertThat(programOutput).isEqualTo("1\n3\n5\n");
        assertThat(none.requestCount()).isZero();
    }

    @Test
    void run_severalMissingMethods_oneCallingAnotherMissingOne_andReturnTypesFromTheCallSite() throws Exception {
        write("Words.java", """
                public class Words {
                    public static void main(String[] args) {
                        int vowels = countVowels(args[0]);
                        String shout = shout(args[0]);
                        System.out.println(vowels + " " + shout);
                    }
                }
                """);
        ScriptedChatModel model = ScriptedChatModel.replying(request -> {
            String prompt = ScriptedChatModel.lastUserText(request);
            if (prompt.contains("static int countVowels(java.lang.String text)")) {
                return "```java\nstatic int countVowels(String s) { return (int) s.chars().filter(c -> \"aeiou\".indexOf(c) >= 0).count(); }\n```";
            }
            if (prompt.contains("static java.lang.String shout(java.lang.String text)")) {
                return "```java\nstatic String shout(String s) { return exclaim(s.toUpperCase()); }\n```";
            }
            return "```java\nstatic String exclaim(String s) { return s + \"!\"; }\n```";
        });

        assertThat(jit(model, "run", "examples/Words.java", "audio")).as(err).isZero();

        assertThat(programOutput).isEqualTo("4 AUDIO!\n");
        assertThat(model.requestCount()).isEqualTo(3);
    }

    @Test
    void run_badAnswer_isRepairedWithTheCompilerDiagnostic() throws Exception {
        write("OddNumbers.java", ODD_NUMBERS);
        ScriptedChatModel model = ScriptedChatModel.answering(
                "```java\nstatic void printOddNumbersInList(List<Integer> numbers) { int first = numbers; }\n```",
                PRINT_ODD);

        assertThat(jit(model, "run", "examples/OddNumbers.java")).isZero();

        assertThat(programOutput).isEqualTo("1\n3\n5\n");
        assertThat(model.lastUserMessage()).contains("incompatible types").contains("int first = numbers;");
    }

    @Test
    void run_write_putsTheMethodsIntoTheFile() throws Exception {
        Path file = write("OddNumbers.java", ODD_NUMBERS);

        assertThat(jit(ScriptedChatModel.answering(PRINT_ODD), "run", "--write", "examples/OddNumbers.java")).isZero();

        String written = Files.readString(file);
        assertThat(written).contains("public static void printOddNumbersInList(List<Integer> numbers) {")
                .endsWith("}\n");
        assertThat(jit(ScriptedChatModel.answering(), "run", "examples/OddNumbers.java")).isZero();
        assertThat(programOutput).isEqualTo("1\n3\n5\n");
    }

    @Test
    void run_refusedAnswer_goesBackToTheModel_andIsNeverStored() throws Exception {
        write("OddNumbers.java", ODD_NUMBERS);
        String exits = "```java\nstatic void printOddNumbersInList(List<Integer> numbers) { System.exit(3); }\n```";
        ScriptedChatModel model = ScriptedChatModel.answering(exits, exits, exits);

        assertThat(jit(model, "run", "examples/OddNumbers.java")).isEqualTo(ExitCodes.FAILURE);

        assertThat(err).contains("jit: error: No answer from model scripted kept to "
                + "what generated code may use, in 3 attempts. Last answer:\n- `java.lang.System.exit(int)` at line 1 is "
                + "never allowed").contains("Nothing was stored, for method OddNumbers.printOddNumbersInList(List)");
        assertThat(model.requests().get(1).messages().toString()).contains("`java.lang.System.exit(int)` is not "
                + "allowed here");
        assertThat(work.resolve("examples/.jit/file/OddNumbers")).doesNotExist();
    }

    @Test
    void run_refusedAnswer_isRepaired_andTheRepairRuns() throws Exception {
        write("OddNumbers.java", ODD_NUMBERS);
        ScriptedChatModel model = ScriptedChatModel.answering(
                "```java\nstatic void printOddNumbersInList(List<Integer> numbers) { System.exit(3); }\n```", PRINT_ODD);

        assertThat(jit(model, "run", "examples/OddNumbers.java")).as(err).isZero();

        assertThat(programOutput).isEqualTo("1\n3\n5\n");
        assertThat(Files.readString(work.resolve("examples/.jit/file/OddNumbers/printOddNumbersInList(java.util.List).java")))
                .doesNotContain("System.exit");
    }

    @Test
    void run_missingFile_isAUsageError() {
        assertThat(jit(ScriptedChatModel.answering(), "run", "nowhere/Missing.java")).isEqualTo(ExitCodes.USAGE);
        assertThat(err).startsWith("jit: error: no file " + work.resolve("nowhere/Missing.java"));
    }

    @Test
    void verify_exits0WhenEveryMethodIsStored_1NamingEachMissingOne() throws Exception {
        write("OddNumbers.java", ODD_NUMBERS);
        write("Words.java", """
                public class Words {
                    public static void main(String[] args) {
                        System.out.println(shout(args[0]));
                    }
                }
                """);
        ScriptedChatModel none = ScriptedChatModel.answering();

        assertThat(jit(none, "verify", "examples/OddNumbers.java", "examples/Words.java")).isEqualTo(ExitCodes.NOT_VERIFIED);
        assertThat(programOutput).isEqualTo("examples/OddNumbers.java: missing: OddNumbers.printOddNumbersInList(List)\n"
                + "examples/Words.java: missing: Words.shout(String)\n");
        assertThat(jit(ScriptedChatModel.answering(PRINT_ODD), "run", "examples/OddNumbers.java")).isZero();
        assertThat(jit(none, "verify", "examples/OddNumbers.java")).isZero();
        assertThat(err)
                .isEqualTo("jit: every method of 1 program is stored, compiles and passes the verifier\n");
        assertThat(none.requestCount()).isZero();
    }

    @Test
    void verify_listsTheMissingMethodsOnStdout() throws Exception {
        write("Words.java", """
                public class Words {
                    public static void main(String[] args) {
                        System.out.println(shout(args[0]) + countVowels(args[0]));
                    }
                }
                """);
        assertThat(jit(ScriptedChatModel.answering(), "verify", "examples/Words.java")).isEqualTo(ExitCodes.NOT_VERIFIED);

        assertThat(programOutput).isEqualTo(
                "examples/Words.java: missing: Words.shout(String)\n"
                        + "examples/Words.java: missing: Words.countVowels(String)\n");
    }

    @Test
    void improve_writesANewVersionWithTheFeedback_andTheNextRunUsesIt() throws Exception {
        write("OddNumbers.java", ODD_NUMBERS);
        assertThat(jit(ScriptedChatModel.answering(PRINT_ODD), "run", "examples/OddNumbers.java")).isZero();
        ScriptedChatModel model = ScriptedChatModel.answering("""
                ```java
                static void printOddNumbersInList(List<Integer> numbers) {
                    for (int n : numbers) if (n % 2 != 0) System.out.print(n + " ");
                    System.out.println();
                }
                ```""");

        assertThat(jit(model, "improve", "--store", "examples/.jit", "printOddNumbersInList", "print on one line")).isZero();

        assertThat(model.lastUserMessage()).contains("Change it as follows: print on one line")
                .contains("System.out.println(n);");
        assertThat(jit(ScriptedChatModel.answering(), "run", "examples/OddNumbers.java")).isZero();
        assertThat(programOutput).isEqualTo("1 3 5 \n");
        assertThat(jit(ScriptedChatModel.answering(), "history", "--store", "examples/.jit", "printOddNumbersInList"))
                .isZero();
        assertThat(programOutput).contains("v1  ").contains("v2  ").contains("feedback: print on one line");
    }

    @Test
    void run_writtenMethodThatNeverEnds_isStoppedByItsBudget() throws Exception {
        write("OddNumbers.java", ODD_NUMBERS);
        ScriptedChatModel model = ScriptedChatModel.answering(
                "```java\nstatic void printOddNumbersInList(List<Integer> numbers) { while (true) { } }\n```");

        assertThat(jit(model, "run", "examples/OddNumbers.java")).isEqualTo(ExitCodes.FAILURE);

        assertThat(err).contains("jit: error: OddNumbers failed: "
                + "dev.jitjava.BudgetExceededException: The call ran past its CPU budget of 1000 ms");
    }
}
