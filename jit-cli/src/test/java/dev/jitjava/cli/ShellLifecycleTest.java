package dev.jitjava.cli;

import dev.jitjava.test.ScriptedChatModel;
import dev.langchain4j.model.chat.ChatModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jit shell} on jit-java's engine: any number of methods, the user's own static methods,
 * failures that leave the session running, budgets, modes, examples, hand edits and stale methods.
 */
class ShellLifecycleTest {
    @TempDir
    Path work;

    private JitCommand command;
    private Map<String, String> environment;
    private String out;

    @BeforeEach
    void command() {
        command = new JitCommand(work);
        environment = command.environment;
    }

    private static final String TWICE = "```java\nstatic int twice(int n) { return 2 * n; }\n```";
    private static final String SQUARE = "```java\nstatic int square(int n) { return n * n; }\n```";

    private int shell(Supplier<ChatModel> model, String input) {
        int exit = command.run(model, input, "shell");
        out = command.out();
        return exit;
    }

    private int shell(ScriptedChatModel model, String input) {
        return shell(() -> model, input);
    }

    private String err() {
        return command.err();
    }

    private static Supplier<ChatModel> noModel() {
        return JitCommand.noModel();
    }

    private Path stored(String signature) {
        return work.resolve(".jit/shell/session/" + signature + ".java");
    }

    @Test
    void severalWrittenMethods_andTheUsersOwnStaticMethod_inOneSession() {
        ScriptedChatModel model = ScriptedChatModel.answering(TWICE, SQUARE);

        int exit = shell(model, """
                static int inc(int n) { return n + 1; }
                int a = twice(3);
                int b = square(a);
                inc(b) + twice(b)
                """);

        assertThat(exit).as(err()).isZero();
        assertThat(out).contains("a ==> 6").contains("b ==> 36").contains("==> 109");
        assertThat(err()).contains("|  created method inc(int)").contains("|  created method twice(int), written by the "
                + "model and stored").contains("|  created method square(int), written by the model and stored")
                .doesNotContain("repeated modifier");
        assertThat(model.requestCount()).isEqualTo(2);
    }

    @Test
    void missingMethodsInsideExpressionsWhoseValueIsShown_areWritten_withTheTypeTheExpressionNeeds() {
        ScriptedChatModel model = ScriptedChatModel.answering(TWICE,
                "```java\nstatic long square(long n) { return n * n; }\n```",
                "```java\nstatic int negate(int n) { return -n; }\n```",
                "```java\nstatic boolean isBig(int n) { return n > 3; }\n```",
                "```java\nstatic String shout(String s) { return s.toUpperCase(); }\n```");

        int exit = shell(model, """
                long b = 3;
                b + twice(3)
                square(2L) * 10
                -negate(4)
                isBig(5) ? "big" : "small"
                "n=" + shout("x");
                """);

        assertThat(exit).as(err()).isZero();
        assertThat(err()).doesNotContain("cannot find symbol");
        assertThat(out).contains("==> 9").contains("==> 40").contains("==> 4").contains("==> \"big\"")
                .contains("==> \"n=X\"");
        assertThat(model.requestCount()).as("one request each, no repair").isEqualTo(5);
    }

    @Test
    void aFailedGeneration_isReported_andTheNextLineRuns() {
        int exit = shell(ScriptedChatModel.answering("no code here", "still none", "nothing"),
                "twice(2)\n6 * 7\n");

        assertThat(exit).isZero();
        assertThat(err()).contains("No usable answer from model scripted after 3 attempts");
        assertThat(out).contains("==> 42");
    }

    @Test
    void noModelConfigured_isReported_andTheSessionGoesOn() {
        int exit = shell(() -> {
            throw new dev.jitjava.JitException("No model is configured: set JIT_MODEL");
        }, "twice(2)\n6 * 7\n");

        assertThat(exit).isZero();
        assertThat(err()).contains("No model is configured: set JIT_MODEL");
        assertThat(out).contains("==> 42");
    }

    @Test
    void aWrittenMethodThatNeverEnds_isStoppedByItsBudget_andThePromptComesBack() {
        ScriptedChatModel model = ScriptedChatModel.answering("```java\nstatic int spin(int n) { while (true) { n++; } }\n```");

        int exit = shell(model, "spin(1)\n6 * 7\n");

        assertThat(exit).isZero();
        assertThat(err()).contains("|  Exception dev.jitjava.BudgetExceededException: The call ran past its CPU budget "
                + "of 1000 ms").contains("|  In jit shell, start it with --budget cpuMillis=N");
        assertThat(out).contains("==> 42");
    }

    @Test
    void theBudgetOfTheShellsMethods_isSetWithTheBudgetOption() {
        ScriptedChatModel model = ScriptedChatModel.answering("```java\nstatic int spin(int n) { while (true) { n++; } }\n```");

        int exit = command.run(() -> model, "spin(1)\n6 * 7\n", "shell", "--budget", "cpuMillis=300,wallMillis=900");
        out = command.out();

        assertThat(exit).as(err()).isZero();
        assertThat(err()).contains("ran past its CPU budget of 300 ms");
        assertThat(out).contains("==> 42");
        assertThat(command.run(() -> model, "", "shell", "--budget", "cpu=1")).isEqualTo(ExitCodes.USAGE);
        assertThat(command.err()).contains("--budget knows cpuMillis, memoryMegabytes and wallMillis, not cpu");
    }

    @Test
    void exceptionsShowTheirRealType_andDeclarationsTheirFeedback() {
        int exit = shell(noModel(), """
                int div(int a, int b) { return a / b; }
                record Point(int x, int y) {}
                div(1, 0)
                /vars
                /methods
                /types
                """);

        assertThat(exit).isZero();
        assertThat(err()).contains("|  created method div(int,int)").contains("|  created record Point")
                .contains("|  Exception java.lang.ArithmeticException: / by zero");
        assertThat(out).contains("int div(int,int)").contains("record Point");
    }

    @Test
    void help_listsTheCommands() {
        assertThat(shell(noModel(), "/help\n")).isZero();

        assertThat(out).contains("/vars").contains("/methods").contains("/source NAME").contains("/improve NAME")
                .contains("/example CALL ==> V").contains("Ctrl-C");
    }

    @Test
    void locked_usesTheStore_andAMissingMethodIsAnError_notAnExit() {
        assertThat(shell(ScriptedChatModel.answering(TWICE), "twice(2)\n")).isZero();
        environment.put("JIT_MODE", "locked");

        int exit = shell(noModel(), "twice(21)\nsquare(3)\n1 + 1\n");

        assertThat(exit).isZero();
        assertThat(out).contains("==> 42").contains("==> 2");
        assertThat(err()).contains("|  created method twice(int), from the store")
                .contains("Not in the store (" + stored("square(int)") + "), and LOCKED mode never calls the model");
    }

    @Test
    void review_theReviewerIsAskedInTheSession() {
        environment.put("JIT_MODE", "review");

        int exit = shell(ScriptedChatModel.answering(TWICE, SQUARE), "twice(2)\ny\nsquare(3)\nn\n");

        assertThat(exit).isZero();
        assertThat(out).contains("==> 4");
        assertThat(err()).contains("jit: review session.twice(int):").contains("static int twice(int n)")
                .contains("The reviewer rejected the new version (rejected at the terminal); nothing was stored");
        assertThat(stored("twice(int)")).exists();
        assertThat(stored("square(int)")).doesNotExist();
    }

    @Test
    void anExample_thatTheStoredMethodFails_hasItWrittenAgain_andTheRepairRuns() {
        ScriptedChatModel model = ScriptedChatModel.answering(
                "```java\nstatic int countVowels(String s) { return s.replaceAll(\"[^aeiou]\", \"\").length(); }\n```",
                "```java\nstatic int countVowels(String s) { return s.replaceAll(\"[^aeiouy]\", \"\").length(); }\n```");

        int exit = shell(model, "countVowels(\"yay\")\n/example countVowels(\"yay\") ==> 3\ncountVowels(\"yay\")\n");

        assertThat(exit).as(err()).isZero();
        assertThat(out).contains("==> 1").contains("==> 3");
        assertThat(model.requestCount()).isEqualTo(2);
        assertThat(model.lastUserMessage()).contains("countVowels(\"yay\") returns 3");
    }

    @Test
    void aHandEditBetweenSessions_isUsed_andRecorded() throws Exception {
        assertThat(shell(ScriptedChatModel.answering(TWICE), "twice(2)\n")).isZero();
        Files.writeString(stored("twice(int)"), Files.readString(stored("twice(int)")).replace("2 * n", "3 * n"));

        assertThat(shell(noModel(), "twice(2)\n/history twice\n")).as(err()).isZero();

        assertThat(out).contains("==> 6").contains("v2  hand edit  edited by hand");
    }

    @Test
    void aStoredMethodWhoseCallNowNeedsAnotherType_isWrittenAgain() {
        assertThat(shell(ScriptedChatModel.answering(TWICE), "twice(2)\n")).isZero();
        ScriptedChatModel model = ScriptedChatModel.answering(
                "```java\nstatic String twice(int n) { return n + \" and \" + n; }\n```");

        int exit = shell(model, "String s = twice(4);\n");

        assertThat(exit).as(err()).isZero();
        assertThat(out).as(err()).contains("s ==> \"4 and 4\"");
        assertThat(model.requestCount()).isEqualTo(1);
    }

    @Test
    void recursionByTheMethodsSimpleName_works() {
        ScriptedChatModel model = ScriptedChatModel.answering(
                "```java\nstatic long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\n```");

        assertThat(shell(model, "fib(20)\n")).as(err()).isZero();

        assertThat(out).contains("==> 6765");
        assertThat(model.requestCount()).isEqualTo(1);
    }
}
