package dev.jitjava.cli;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Transcripts and costs in the jit command: a jit run program's generation, then ls, history, show --transcript, rm. */
class TranscriptCommandsTest {
    @TempDir
    Path work;

    private final Map<String, String> env = new HashMap<>();
    private JitCommand command;

    private static final String VOWELS = """
            public class Vowels {
                public static void main(String[] args) {
                    System.out.println(countVowels("education"));
                }
            }
            """;

    private static final String WRONG = "```java\nstatic int countVowels(String text) { return vowels; }\n```";

    private int jit(ScriptedChatModel model, String... args) {
        command = new JitCommand(work);
        command.environment.putAll(env);
        return command.run(() -> model, "", args);
    }

    private String out() {
        return command.out();
    }

    private String err() {
        return command.err();
    }

    /** Runs the program: the model calls a tool, answers wrongly, then rightly. */
    private Path runWithARepair() throws Exception {
        Files.writeString(work.resolve("jit.properties"), "JIT_PRICES=gpt-test=1/10\n");
        Files.writeString(work.resolve("Vowels.java"), VOWELS);
        ScriptedChatModel model = ScriptedChatModel.answering()
                .thenCallTool("search_types", "{\"keyword\": \"Character\"}")
                .thenAnswer(WRONG).thenAnswer(RunLifecycleTest.COUNT_VOWELS).named("gpt-test").reportingUsage(1000, 100);
        assertThat(jit(model, "run", "Vowels.java")).as(err()).isZero();
        assertThat(out()).isEqualTo("5\n");
        return work.resolve(".jit").resolve("file").resolve("Vowels").resolve("transcripts")
                .resolve("countVowels(java.lang.String).v1.jsonl");
    }

    @Test
    void run_keepsTheTranscript_andHistoryShowsWhatWasFedBack() throws Exception {
        Path transcript = runWithARepair();
        assertThat(transcript).exists();

        assertThat(jit(null, "history", "countVowels")).isZero();
        assertThat(out()).contains("v1  ").contains("gpt-test  2 attempt(s)  first version")
                .contains("\n    called search_types {\"keyword\": \"Character\"}\n")
                .contains("\n    attempt 1 fed back: line ").contains(": cannot find symbol\n")
                .contains("\n    bound as version 1 with gpt-test: 2 attempts, 3 requests, 1 tool call, 3000 tokens in, "
                        + "300 out, cost 0.006, ");
    }

    @Test
    void showTranscript_printsTheConversation_forTheCurrentOrAGivenVersion() throws Exception {
        runWithARepair();

        assertThat(jit(null, "show", "--transcript", "countVowels")).as(err()).isZero();
        assertThat(out()).startsWith("Vowels.countVowels(String), started ")
                .contains("\n--- system ---\n").contains("\n--- user ---\n")
                .contains(">> request 1 (attempt 1): 2 messages, tools describe_type, search_types\n")
                .contains("<< response 1 in ").contains("1000 tokens in, 100 out, cost 0.002, 1 tool call\n")
                .contains("calls search_types {\"keyword\": \"Character\"}\n")
                .contains("--- tool search_types ---\n")
                .contains("!! attempt 1 did not pass; fed back:\n   line ")
                .contains(">> request 3 (attempt 2): 6 messages")
                .contains("return vowels;").contains("\"aeiou\".indexOf(c)");
        String current = out();
        assertThat(jit(null, "show", "--transcript", "countVowels", "--version", "1")).isZero();
        assertThat(out()).isEqualTo(current);

        assertThat(jit(null, "show", "--transcript", "countVowels", "--version", "2")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).isEqualTo("jit: error: Vowels.countVowels(java.lang.String) has no version 2\n"
                + "hint: its versions are 1 to 1 (jit history countVowels)\n");
        assertThat(jit(null, "show", "countVowels", "--version", "1")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).startsWith("jit: error: --version goes with --transcript");
    }

    @Test
    void ls_showsWhatTheMethodCost_andRmRemovesItsTranscripts() throws Exception {
        Path transcript = runWithARepair();

        assertThat(jit(null, "ls")).isZero();
        assertThat(out()).containsPattern("Vowels\\.countVowels\\(java\\.lang\\.String\\)\\s+generated\\s+gpt-test\\s+v1\\s+"
                + "3000\\+300\\s+cost 0\\.006\n");

        assertThat(jit(null, "rm", "countVowels")).isZero();
        assertThat(transcript).doesNotExist();
        assertThat(transcript.getParent()).doesNotExist();
    }
}
