package dev.jitjava.cli;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code jit shell} driven by piped input, as a script of snippets. */
class ShellCommandTest {
    @TempDir
    Path work;

    private String out;
    private String err;

    private static final String PRINT_ODD = """
            ```java
            static void printOddNumbersInList(List<Integer> numbers) {
                for (int n : numbers) if (n % 2 != 0) System.out.println(n);
            }
            ```""";

    private int shell(ScriptedChatModel model, String input, String... options) {
        JitCommand command = new JitCommand(work);
        String[] args = new String[options.length + 1];
        args[0] = "shell";
        System.arraycopy(options, 0, args, 1, options.length);
        int exit = command.run(() -> model, input, args);
        out = command.out();
        err = command.err();
        return exit;
    }

    @Test
    void seedDemo_missingMethodWrittenDefinedAndTheSnippetRunAgain() {
        ScriptedChatModel model = ScriptedChatModel.answering(PRINT_ODD);

        int exit = shell(model, "List<Integer> numbers = List.of(1, 2, 3, 4, 5);\n"
                + "printOddNumbersInList(numbers);\n");

        assertThat(exit).isZero();
        assertThat(out).isEqualTo("numbers ==> [1, 2, 3, 4, 5]\n1\n3\n5\n");
        assertThat(model.lastUserMessage()).contains("static Object printOddNumbersInList(java.util.List<java.lang.Integer> numbers)")
                .contains("The snippet that calls it:\n```java\nprintOddNumbersInList(numbers);");
        assertThat(work.resolve(".jit/shell/session/printOddNumbersInList(java.util.List).java")).isRegularFile();
    }

    @Test
    void aNewShell_hasTheStoredMethods_andShellCommandsWork() {
        shell(ScriptedChatModel.answering(PRINT_ODD), "printOddNumbersInList(List.of(7));\n");
        ScriptedChatModel none = ScriptedChatModel.answering();

        int exit = shell(none, "printOddNumbersInList(List.of(9, 10));\n/source printOddNumbersInList\n/history "
                + "printOddNumbersInList\n/exit\nprintOddNumbersInList(List.of(11));\n");

        assertThat(exit).as(err).isZero();
        assertThat(out).startsWith("9\n").contains("static void printOddNumbersInList(List<Integer> numbers)")
                .contains("v1  scripted  first version").doesNotContain("11");
        assertThat(none.requestCount()).isZero();
    }

    @Test
    void methodUsingAnUndefinedOne_isRecoverable_andTheDependencyIsWritten() {
        ScriptedChatModel model = ScriptedChatModel.answering("```java\nstatic int twice(int n) { return 2 * n; }\n```");

        shell(model, "int quadruple(int n) { return twice(twice(n)); }\nquadruple(3)\n");

        assertThat(out).contains("==> 12");
        assertThat(model.requestCount()).isEqualTo(1);
    }

    @Test
    void writtenMethodThatBreaksTheRules_isNeverDefinedNorStored_andTheShellGoesOn() {
        ScriptedChatModel model = ScriptedChatModel.answering(
                "```java\nstatic void printOddNumbersInList(List<Integer> numbers) { System.exit(1); }\n```");

        int exit = shell(model, "printOddNumbersInList(List.of(1));\n1 + 1\n", "--max-attempts", "1");

        assertThat(exit).isZero();
        assertThat(err).contains("`java.lang.System.exit(int)` at line 1 is never "
                + "allowed").contains("Nothing was stored");
        assertThat(out).endsWith(" ==> 2\n");
        assertThat(work.resolve(".jit/shell/session")).doesNotExist();
    }

    @Test
    void badAnswerRepaired_thenImprovedFromFeedback_andTheNewVersionRuns() {
        ScriptedChatModel model = ScriptedChatModel.answering(
                "```java\nstatic int twice(int n) { return 2 * m; }\n```",
                "```java\nstatic int twice(int n) { return 2 * n; }\n```",
                "```java\nstatic int twice(int n) { return n + n + 1; }\n```");

        int exit = shell(model, "twice(4)\n/improve twice add one\ntwice(4)\n/history twice\n");

        assertThat(exit).as(err).isZero();
        assertThat(model.requestCount()).isEqualTo(3);
        assertThat(ScriptedChatModel.lastUserText(model.requests().get(1))).contains("m");
        assertThat(ScriptedChatModel.lastUserText(model.requests().get(2))).contains("return 2 * n;").contains("add one");
        assertThat(out).contains("==> 8").contains("==> 9").contains("v1  scripted  first version")
                .contains("v2  scripted  feedback: add one");
    }

    @Test
    void aMethodNeedingACapability_saysHowToGrantItInTheShell_andRunsWithAllow() throws Exception {
        Path note = Files.writeString(work.resolve("note.txt"), "hello\n");
        String reads = """
                ```java
                static String firstLine(String path) throws java.io.IOException {
                    return java.nio.file.Files.readAllLines(java.nio.file.Path.of(path)).get(0);
                }
                ```""";
        String snippet = "firstLine(\"" + note + "\")\n";

        assertThat(shell(ScriptedChatModel.answering(reads, reads, reads), snippet)).isZero();
        assertThat(out + err).contains("needs the FILES_READ capability: grant it with --allow FILES_READ when you "
                + "start jit shell");

        assertThat(shell(ScriptedChatModel.answering(reads), snippet, "--allow", "files_read")).as(err).isZero();
        assertThat(out).contains("\"hello\"");
    }
}
