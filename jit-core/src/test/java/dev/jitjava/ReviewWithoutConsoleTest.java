package dev.jitjava;

import dev.jitjava.internal.model.ModelConfig;
import dev.jitjava.internal.model.RetryPolicy;
import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * REVIEW mode where there is no console (a server, an IDE, CI): a reviewer given to a builder seeded from the
 * environment, and the ready-made one that approves the methods a file lists.
 */
class ReviewWithoutConsoleTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final ProviderStub stub = ProviderStub.start();

    private Path store;
    private Path approved;

    interface Numbers {
        int countVowels(String text);

        int twice(int n);
    }

    @BeforeEach
    void paths() {
        store = dir.resolve("store");
        approved = dir.resolve("approved-methods.txt");
    }

    private Path json(String file) {
        return store.resolve(Numbers.class.getName()).resolve(file + ".json");
    }

    private Jit reviewing(ScriptedChatModel model) {
        return Jit.builder().store(store).model(model).mode(Mode.REVIEW).reviewer(Reviewer.approvingFrom(approved)).build();
    }

    /** The environment of a process with JIT_MODE=review whose model is the stub's OpenAI-compatible server. */
    private ModelConfig reviewEnvironment() {
        Map<String, String> env = new HashMap<>(stub.environment("openai", "sk-test", store));
        env.put("JIT_MODE", "review");
        return ModelConfig.load(env, dir, dir, url -> null);
    }

    private static RetryPolicy noRetries() {
        return new RetryPolicy(0, Duration.ofMillis(1), d -> { }, new Random(1));
    }

    @Test
    void approvingFrom_listedMethod_runsAndIsStoredApproved() throws Exception {
        Files.writeString(approved, "# methods the model may write unattended\n\n  Numbers.countVowels  \n");

        assertThat(reviewing(ScriptedChatModel.answering(Answers.COUNT_VOWELS)).implement(Numbers.class)
                .countVowels("queue")).isEqualTo(4);

        assertThat(Files.readString(json("countVowels(java.lang.String)"))).contains("\"status\" : \"approved\"");
    }

    @Test
    void approvingFrom_unlistedMethod_isRejectedNamingTheFileAndTheLineThatApprovesIt() throws Exception {
        Files.writeString(approved, "Numbers.countVowels(String)\n# Numbers.twice(int)\n");
        Numbers numbers = reviewing(ScriptedChatModel.answering(Answers.fenced("int twice(int n) { return 2 * n; }")))
                .implement(Numbers.class);

        assertThatThrownBy(() -> numbers.twice(2))
                .isInstanceOf(RejectedException.class)
                .hasMessage("The reviewer rejected the new version (not approved in " + approved + ": add the line "
                        + "Numbers.twice(int) (or Numbers.twice for every overload) to approve it); nothing was stored, "
                        + "for method Numbers.twice(int)");
        assertThat(json("twice(int)")).doesNotExist();
    }

    @Test
    void approvingFrom_lineAddedWhileRunning_approvesTheNextReview() throws Exception {
        Files.writeString(approved, "");
        String twice = Answers.fenced("int twice(int n) { return 2 * n; }");
        Numbers numbers = reviewing(ScriptedChatModel.answering(twice, twice)).implement(Numbers.class);
        assertThatThrownBy(() -> numbers.twice(2)).isInstanceOf(RejectedException.class);

        Files.writeString(approved, "Numbers.twice(int)\n");

        assertThat(numbers.twice(2)).isEqualTo(4);
    }

    @Test
    void approvingFrom_missingFile_rejectsSayingHowToCreateIt() {
        Numbers numbers = reviewing(ScriptedChatModel.answering(Answers.COUNT_VOWELS)).implement(Numbers.class);

        assertThatThrownBy(() -> numbers.countVowels("a"))
                .isInstanceOf(RejectedException.class)
                .hasMessageStartingWith("The reviewer rejected the new version (there is no " + approved
                        + " to approve it: create it with the line Numbers.countVowels(String)); nothing was stored");
    }

    @Test
    void builderFromEnvironment_reviewModeWithoutConsole_takesAReviewer_andTheEnvironmentsModel() throws Exception {
        assumeTrue(System.console() == null, "the test JVM has no console (surefire's fork has none)");
        stub.then(ProviderStub.Reply.ok(WireFormats.reply("openai", "gpt-test", Answers.COUNT_VOWELS)));
        Files.writeString(approved, "Numbers.countVowels\n");

        Jit jit = Jit.builderFromEnvironment(reviewEnvironment(), noRetries())
                .reviewer(Reviewer.approvingFrom(approved)).build();

        assertThat(jit.implement(Numbers.class).countVowels("queue")).isEqualTo(4);
        assertThat(stub.requests()).hasSize(1);
        assertThat(Files.readString(json("countVowels(java.lang.String)"))).contains("\"status\" : \"approved\"");
    }

    @Test
    void create_reviewModeWithoutConsole_failsNamingTheBuilderThatTakesAReviewer() {
        assumeTrue(System.console() == null, "the test JVM has no console (surefire's fork has none)");

        assertThatThrownBy(() -> Jit.create(reviewEnvironment(), noRetries()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("REVIEW mode needs a reviewer, and there is no console to ask: give one with "
                        + "Jit.builderFromEnvironment().reviewer(...) or Jit.builder().reviewer(...), "
                        + "e.g. Reviewer.approvingFrom(Path.of(\"approved-methods.txt\"))");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void builderFromEnvironment_modelOrLockedModeGivenOnTheBuilder_looksNoModelUp() {
        // Nothing configured, and nothing answering where Ollama would be: looking a model up would fail.
        ModelConfig nothing = ModelConfig.load(Map.of("JIT_STORE", store.toString(), "OLLAMA_BASE_URL",
                "http://127.0.0.1:9"), dir, dir, url -> null);
        Jit none = Jit.create(nothing, noRetries()); // starts: the model is looked up when a method must be written
        assertThatThrownBy(() -> none.implement(Numbers.class).countVowels("queue")).isInstanceOf(JitException.class)
                .hasMessageStartingWith("Writing this method needs a model. jit-java has no model to write methods with")
                .hasMessageEndingWith("for method Numbers.countVowels(String)");

        ScriptedChatModel model = ScriptedChatModel.answering(Answers.COUNT_VOWELS);
        Jit given = Jit.builderFromEnvironment(nothing, noRetries()).model(model).build();
        assertThat(given.implement(Numbers.class).countVowels("queue")).isEqualTo(4);
        assertThat(model.requestCount()).isEqualTo(1);

        Jit locked = Jit.builderFromEnvironment(nothing, noRetries()).mode(Mode.LOCKED).build();
        assertThat(locked.implement(Numbers.class).countVowels("queue")).isEqualTo(4);
    }
}
