package dev.jitjava.cli;

import dev.jitjava.Jit;
import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import dev.langchain4j.model.chat.ChatModel;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class StoreCommandsTest {
    @TempDir
    Path work;

    public interface Numbers {
        int countVowels(String text);

        int countVowels(String text, boolean withY);

        int twice(int n);
    }

    private final Map<String, String> env = new HashMap<>();
    private JitCommand command;
    private Supplier<ChatModel> model = () -> {
        throw new IllegalStateException("no model in these tests");
    };

    @BeforeEach
    void prepareStore() {
        ScriptedChatModel model = ScriptedChatModel.answering(
                "```java\nint countVowels(String text) { return 1; }\n```",
                "```java\nint countVowels(String text, boolean withY) { return 2; }\n```",
                "```java\nint twice(int n) { return 2 * n; }\n```").reportingUsage(10, 20);
        Numbers numbers = Jit.builder().store(work.resolve(".jit")).model(model).build().implement(Numbers.class);
        numbers.countVowels("a");
        numbers.countVowels("a", true);
        numbers.twice(1);
    }

    private int jit(String... args) {
        command = new JitCommand(work);
        command.environment.putAll(env);
        return command.run(model, "", args);
    }

    private String out() {
        return command.out();
    }

    private String err() {
        return command.err();
    }

    @Test
    void ls_listsEveryStoredMethod_withStatusModelVersionsAndTokens() {
        assertThat(jit("ls")).isEqualTo(ExitCodes.OK);

        assertThat(out().lines()).hasSize(3);
        assertThat(out()).containsPattern("Numbers\\.countVowels\\(java\\.lang\\.String\\)\\s+generated\\s+scripted\\s+v1\\s+10\\+20")
                .contains("Numbers.twice(int)");
        assertThat(err()).isEmpty();
    }

    @Test
    void show_byNameTypeOrSignature_printsTheSourceOnStdout() {
        assertThat(jit("show", "twice")).isEqualTo(ExitCodes.OK);
        assertThat(out()).contains("public static int twice(StoreCommandsTest.Numbers self, int n)").doesNotContain("\u001B[");
        assertThat(jit("show", "Numbers.twice")).isEqualTo(ExitCodes.OK);
        assertThat(jit("show", "Numbers.countVowels(java.lang.String)")).isEqualTo(ExitCodes.OK);
        assertThat(out()).contains("return 1;");
    }

    @Test
    void show_ambiguousName_listsCandidatesAndExits2() {
        assertThat(jit("show", "countVowels")).isEqualTo(ExitCodes.USAGE);

        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("jit: error: countVowels matches 2 methods: Numbers.countVowels(java.lang.String), "
                + "Numbers.countVowels(java.lang.String,boolean)\nhint: name one by its signature, e.g. "
                + "jit show 'Numbers.countVowels(java.lang.String)'\n");
    }

    @Test
    void show_unknownName_exits2WithAHint() {
        assertThat(jit("show", "fizzbuzz")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).startsWith("jit: error: no stored method matches fizzbuzz in ")
                .endsWith("hint: jit ls lists the stored methods\n");
    }

    @Test
    void history_listsVersions() {
        assertThat(jit("history", "twice")).isEqualTo(ExitCodes.OK);
        assertThat(out()).startsWith("v1  ").contains("scripted  1 attempt(s)  first version");
    }

    @Test
    void approve_marksTheMethodApproved() throws Exception {
        assertThat(jit("approve", "twice")).isEqualTo(ExitCodes.OK);

        assertThat(err()).isEqualTo("jit: approved Numbers.twice(int)\n");
        Path json = work.resolve(".jit").resolve(Numbers.class.getName()).resolve("twice(int).json");
        assertThat(Files.readString(json)).contains("\"status\" : \"approved\"");
        assertThat(jit("ls")).isZero();
        assertThat(out()).containsPattern("Numbers\\.twice\\(int\\)\\s+approved");
    }

    @Test
    void rm_deletesTheFiles() {
        assertThat(jit("rm", "Numbers.twice(int)")).isEqualTo(ExitCodes.OK);

        assertThat(work.resolve(".jit").resolve(Numbers.class.getName()).resolve("twice(int).java")).doesNotExist();
        assertThat(jit("ls")).isZero();
        assertThat(out().lines()).hasSize(2);
    }

    @Test
    void storeOption_andJitStore_pickTheFolder() {
        assertThat(jit("ls", "--store", "elsewhere")).isZero();
        assertThat(err()).startsWith("jit: no stored methods in " + work.resolve("elsewhere"));
        env.put("JIT_STORE", "elsewhere");
        assertThat(jit("ls")).isZero();
        assertThat(err()).startsWith("jit: no stored methods in " + work.resolve("elsewhere"));
    }

    @Test
    void doctor_namesJavaStoreAndModel_orSaysWhatToSet() {
        assertThat(jit("doctor")).isEqualTo(ExitCodes.NOT_VERIFIED);
        assertThat(out()).contains("java:  " + Runtime.version()).contains("store: " + work.resolve(".jit") + " (3 methods)")
                .contains("model: none").contains("dependencies: off (JIT_DEPENDENCIES=allow");
        assertThat(err()).startsWith("jit-java has no model to write methods with.");

        env.put("JIT_MODEL", "openai:gpt-4.1-mini");
        env.put("OPENAI_API_KEY", "sk-never-shown");
        env.put("JIT_DEPENDENCIES", "org.apache.commons, com.google.guava");
        assertThat(jit("doctor")).isEqualTo(ExitCodes.NOT_VERIFIED);
        assertThat(out()).contains("dependencies: the model may add libraries from com.google.guava, org.apache.commons")
                .contains("model: openai:gpt-4.1-mini, timeout 120 s, 3 retries")
                .contains("key from OPENAI_API_KEY").doesNotContain("sk-never-shown")
                .contains("does not answer: no model in these tests");

        ScriptedChatModel answering = ScriptedChatModel.answering("OK");
        model = () -> answering;
        assertThat(jit("doctor")).isEqualTo(ExitCodes.OK);
        assertThat(out()).containsPattern("answers \\(\\d+ ms\\): OK");
        assertThat(answering.lastUserMessage()).isEqualTo("Reply with the single word OK.");
    }

    @Test
    void help_andVersion_andUsageErrors() {
        assertThat(jit("--help")).isZero();
        assertThat(out()).contains("Usage: jit").contains("Exit codes:").containsPattern("\\s2\\s+wrong usage")
                .containsPattern("\\s130\\s+stopped with Ctrl-C");
        assertThat(jit("show", "--help")).isZero();
        assertThat(out()).contains("Usage: jit show");
        assertThat(jit("--version")).isZero();
        assertThat(out()).startsWith("jit 0.1.0-SNAPSHOT");
        assertThat(jit("show")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("Missing required parameter: 'METHOD'");
    }

    @Test
    void show_onATerminal_highlightsKeywords() {
        assertThat(ShowCommand.highlight("return x;")).isEqualTo("\u001B[1;34mreturn\u001B[0m x;");
    }
}
