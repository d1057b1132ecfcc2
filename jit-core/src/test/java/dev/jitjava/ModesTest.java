package dev.jitjava;

import dev.jitjava.internal.engine.ConsoleReviewer;
import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModesTest {
    @TempDir
    Path store;

    interface Numbers {
        int countVowels(String text);

        @Describe("Twice the number")
        int twice(int n);
    }

    private Path java() {
        return store.resolve(Numbers.class.getName()).resolve("countVowels(java.lang.String).java");
    }

    private Path json() {
        return store.resolve(Numbers.class.getName()).resolve("countVowels(java.lang.String).json");
    }

    private static final String TWICE = Answers.fenced("int twice(int n) { return 2 * n; }");

    @Test
    void locked_missingMethod_failsAtOnceWithoutModel() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.COUNT_VOWELS);
        Numbers numbers = Jit.builder().store(store).model(model).mode(Mode.LOCKED).build().implement(Numbers.class);

        assertThatThrownBy(() -> numbers.countVowels("a"))
                .isInstanceOf(MissingMethodException.class)
                .hasMessage("Not in the store (" + java() + "), and LOCKED mode never "
                        + "calls the model. Generate it in AUTO mode (JIT_MODE=auto, or jit.prepare(...)) and commit "
                        + "the store, for method Numbers.countVowels(String)");
        assertThat(model.requestCount()).isZero();
    }

    @Test
    void locked_withoutAnyModel_runsTheCommittedStore() {
        Jit.builder().store(store).model(ScriptedChatModel.answering(Answers.COUNT_VOWELS)).build()
                .implement(Numbers.class).countVowels("a");

        Jit production = Jit.builder().store(store).mode(Mode.LOCKED).build();

        assertThat(production.implement(Numbers.class).countVowels("queue")).isEqualTo(4);
    }

    @Test
    void locked_storedMethod_runs_staleMethod_fails() throws IOException {
        Jit.builder().store(store).model(ScriptedChatModel.answering(Answers.COUNT_VOWELS)).build()
                .implement(Numbers.class).countVowels("a");
        ScriptedChatModel model = ScriptedChatModel.answering();
        Jit locked = Jit.builder().store(store).model(model).mode(Mode.LOCKED).build();

        assertThat(locked.implement(Numbers.class).countVowels("eye")).isEqualTo(2);
        assertThatThrownBy(() -> locked.improve(Numbers.class, "countVowels", "faster"))
                .isInstanceOf(MissingMethodException.class)
                .hasMessageStartingWith("LOCKED mode never calls the model, so it cannot improve a method");

        Files.writeString(json(), Files.readString(json()).replace("\"description\" : \"\"",
                "\"description\" : \"an older description\""));
        Jit lockedAgain = Jit.builder().store(store).model(model).mode(Mode.LOCKED).build();
        assertThatThrownBy(() -> lockedAgain.implement(Numbers.class).countVowels("a"))
                .isInstanceOf(MissingMethodException.class)
                .hasMessageStartingWith("Stale in the store: the description changed since "
                        + "it was written, and LOCKED mode never calls the model.");
        assertThat(model.requestCount()).isZero();
    }

    @Test
    void review_approve_runsAndStoresApproved() throws IOException {
        List<Reviewer.Review> reviews = new ArrayList<>();
        Jit jit = Jit.builder().store(store).model(ScriptedChatModel.answering(Answers.COUNT_VOWELS))
                .mode(Mode.REVIEW).reviewer(review -> {
                    reviews.add(review);
                    return Reviewer.Decision.approve();
                }).build();

        assertThat(jit.implement(Numbers.class).countVowels("ae")).isEqualTo(2);

        assertThat(reviews).singleElement().satisfies(review -> {
            assertThat(review.method()).isEqualTo("Numbers.countVowels(String)");
            assertThat(review.source()).contains("public static int countVowels(ModesTest.Numbers self, String text)");
            assertThat(review.request()).contains("int countVowels(String text)");
            assertThat(review.feedback()).isEmpty();
        });
        assertThat(Files.readString(json())).contains("\"status\" : \"approved\"");
    }

    @Test
    void review_reject_throwsAndStoresNothing() {
        Numbers numbers = Jit.builder().store(store).model(ScriptedChatModel.answering(Answers.COUNT_VOWELS))
                .mode(Mode.REVIEW).reviewer(review -> Reviewer.Decision.reject("counts wrong")).build()
                .implement(Numbers.class);

        assertThatThrownBy(() -> numbers.countVowels("a"))
                .isInstanceOf(RejectedException.class)
                .hasMessage("The reviewer rejected the new version (counts wrong); nothing was stored, "
                        + "for method Numbers.countVowels(String)");
        assertThat(java()).doesNotExist();
        assertThat(json()).doesNotExist();
    }

    @Test
    void review_edit_runsTheEditAndStoresItAsEdited() throws IOException {
        Numbers numbers = Jit.builder().store(store).model(ScriptedChatModel.answering(Answers.COUNT_VOWELS))
                .mode(Mode.REVIEW)
                .reviewer(review -> Reviewer.Decision.edit(review.source().replace("\"aeiou\"", "\"aeiouy\"")))
                .build().implement(Numbers.class);

        assertThat(numbers.countVowels("yay")).isEqualTo(3);
        assertThat(Files.readString(java())).contains("\"aeiouy\"");
        assertThat(Files.readString(json())).contains("\"status\" : \"edited\"");
    }

    @Test
    void review_improve_showsFeedback() {
        List<Optional<String>> feedback = new ArrayList<>();
        Jit jit = Jit.builder().store(store).model(ScriptedChatModel.answering(TWICE, TWICE))
                .mode(Mode.REVIEW).reviewer(review -> {
                    feedback.add(review.feedback());
                    return Reviewer.Decision.approve();
                }).build();
        jit.implement(Numbers.class).twice(2);

        jit.improve(Numbers.class, "twice", "use a shift");

        assertThat(feedback).containsExactly(Optional.empty(), Optional.of("use a shift"));
    }

    @Test
    void review_withoutReviewerOrConsole_isAClearError() {
        assertThatThrownBy(() -> Jit.builder().store(store).model(ScriptedChatModel.answering()).mode(Mode.REVIEW).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("REVIEW mode needs a reviewer, and there is no console to ask: give one with "
                        + "Jit.builderFromEnvironment().reviewer(...) or Jit.builder().reviewer(...), "
                        + "e.g. Reviewer.approvingFrom(Path.of(\"approved-methods.txt\"))");
    }

    @Test
    void consoleReviewer_readsAnswers_andEditsWithTheEditor() throws IOException {
        Reviewer.Review review = new Reviewer.Review("Numbers.twice(int)", "class X { int a = 1; }\n",
                "Write twice", Optional.empty());
        StringWriter screen = new StringWriter();

        Reviewer.Decision approve = new ConsoleReviewer(new BufferedReader(new StringReader("maybe\ny\n")),
                new PrintWriter(screen), "true").review(review);
        Reviewer.Decision reject = new ConsoleReviewer(new BufferedReader(new StringReader("n\n")),
                new PrintWriter(new StringWriter()), "true").review(review);
        Path editor = store.resolve("editor.sh");
        Files.writeString(editor, "#!/bin/sh\nsed -i 's/a = 1/a = 2/' \"$1\"\n");
        editor.toFile().setExecutable(true);
        Reviewer.Decision edit = new ConsoleReviewer(new BufferedReader(new StringReader("e\n")),
                new PrintWriter(new StringWriter()), editor.toString()).review(review);

        assertThat(screen.toString()).contains("=== jit-java wrote Numbers.twice(int) ===")
                .contains("--- asked ---\nWrite twice").contains("--- source ---\nclass X { int a = 1; }")
                .contains("Run it? [y]es, [n]o, [e]dit: Run it? [y]es, [n]o, [e]dit: ");
        assertThat(approve.kind()).isEqualTo(Reviewer.Decision.Kind.APPROVE);
        assertThat(reject.kind()).isEqualTo(Reviewer.Decision.Kind.REJECT);
        assertThat(edit.kind()).isEqualTo(Reviewer.Decision.Kind.EDIT);
        assertThat(edit.source()).isEqualTo("class X { int a = 2; }\n");
    }

    @Test
    void verify_reportsMissingStaleAndBroken_withoutModel() throws IOException {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.COUNT_VOWELS);
        Jit jit = Jit.builder().store(store).model(model).build();
        assertThat(jit.verify(Numbers.class).problems()).containsExactly(
                "missing: Numbers.countVowels(String) (" + java() + ")",
                "missing: Numbers.twice(int) (" + store.resolve(Numbers.class.getName()).resolve("twice(int).java") + ")");

        jit.implement(Numbers.class).countVowels("a");
        Files.writeString(java(), Files.readString(java()).replace("return count;", "return missing;"));
        Verification verification = jit.verify(Numbers.class);

        assertThat(verification.checked()).isEqualTo(2);
        assertThat(verification.passed()).isFalse();
        assertThat(verification.problems()).hasSize(2);
        assertThat(verification.problems().get(0))
                .startsWith("broken: Numbers.countVowels(String): " + java() + ":")
                .contains("cannot find symbol");
        assertThat(model.requestCount()).isEqualTo(1);
    }

    @Test
    void prepare_generatesMissingInParallel_reportsStoredAndFailed() {
        ScriptedChatModel model = ScriptedChatModel.replying(request ->
                ScriptedChatModel.lastUserText(request).contains("int twice(int n)\n\nWhat") ? TWICE : "no code here");
        Jit jit = Jit.builder().store(store).model(model).maxAttempts(1).build();

        Preparation first = jit.prepare(Numbers.class);

        assertThat(first.generated()).containsExactly("Numbers.twice(int)");
        assertThat(first.stored()).isEmpty();
        assertThat(first.failed()).containsOnlyKeys("Numbers.countVowels(String)");
        assertThat(first.failed().get("Numbers.countVowels(String)")).startsWith("No usable answer from model scripted");

        Preparation second = Jit.builder().store(store).model(ScriptedChatModel.answering(Answers.COUNT_VOWELS)).build()
                .prepare(Numbers.class);

        assertThat(second.stored()).containsExactly("Numbers.twice(int)");
        assertThat(second.generated()).containsExactly("Numbers.countVowels(String)");
        assertThat(second.failed()).isEmpty();
    }
}
