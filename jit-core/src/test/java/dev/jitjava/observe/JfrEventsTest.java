package dev.jitjava.observe;

import dev.jitjava.Budget;
import dev.jitjava.BudgetExceededException;
import dev.jitjava.Describe;
import dev.jitjava.Jit;
import dev.jitjava.VerificationException;
import dev.jitjava.test.ScriptedChatModel;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** jit-java's JFR events, recorded around a generation, a refusal, a budget trip and loads, field by field. */
class JfrEventsTest {
    @TempDir
    Path store;
    @TempDir
    Path recordings;

    public interface Numbers {
        @Describe("Number of vowels in the text")
        int countVowels(String text);
    }

    public interface Files2 {
        String firstLine(String path);
    }

    public interface Work {
        @Budget(cpuMillis = 100)
        long spin(int n);
    }

    static final String DOES_NOT_COMPILE = "```java\nint countVowels(String text) {\n    return vowels;\n}\n```";
    static final String COUNT_VOWELS = """
            ```java
            int countVowels(String text) {
                int count = 0;
                for (char c : text.toLowerCase().toCharArray()) {
                    if ("aeiou".indexOf(c) >= 0) {
                        count++;
                    }
                }
                return count;
            }
            ```""";

    /** Runs {@code work} inside a recording of jit-java's events and returns what was recorded, oldest first. */
    private List<RecordedEvent> record(Runnable work) throws IOException {
        Path file = recordings.resolve("events-" + System.nanoTime() + ".jfr");
        try (Recording recording = new Recording()) {
            for (String name : List.of("Generation", "MethodLoaded", "VerificationRefused", "BudgetExceeded")) {
                recording.enable("dev.jitjava." + name);
            }
            recording.start();
            work.run();
            recording.stop();
            recording.dump(file);
        }
        return RecordingFile.readAllEvents(file);
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals("dev.jitjava." + name)).toList();
    }

    @Test
    void generation_withAToolCallAndARepair_isOneEventWithItsFigures() throws IOException {
        ScriptedChatModel model = ScriptedChatModel.answering()
                .thenCallTool("describe_type", "{\"name\": \"java.lang.String\"}")
                .thenAnswer(DOES_NOT_COMPILE).thenAnswer(COUNT_VOWELS).named("gpt-test").reportingUsage(100, 20);
        Jit jit = Jit.builder().store(store).model(model).build();

        List<RecordedEvent> events = record(() -> assertThat(jit.implement(Numbers.class).countVowels("jit")).isEqualTo(1));

        RecordedEvent generation = named(events, "Generation").get(0);
        assertThat(named(events, "Generation")).hasSize(1);
        assertThat(generation.getString("method")).isEqualTo("Numbers.countVowels(String)");
        assertThat(generation.getString("model")).isEqualTo("gpt-test");
        assertThat(generation.getString("outcome")).isEqualTo("bound");
        assertThat(generation.getInt("version")).isEqualTo(1);
        assertThat(generation.getInt("attempts")).isEqualTo(2);
        assertThat(generation.getInt("toolCalls")).isEqualTo(1);
        assertThat(generation.getLong("inputTokens")).isEqualTo(300);
        assertThat(generation.getLong("outputTokens")).isEqualTo(60);
        assertThat(generation.getDuration()).isPositive();
        assertThat(generation.getEventType().getCategoryNames()).containsExactly("jit-java");
        assertThat(named(events, "MethodLoaded")).as("a method written now is not loaded").isEmpty();
    }

    @Test
    void refusal_isAnEventWithMemberLineAndGrant_andTheGenerationSaysTheVerifierRefused() throws IOException {
        ScriptedChatModel model = ScriptedChatModel.answering("""
                ```java
                String firstLine(String path) {
                    try {
                        return java.nio.file.Files.readAllLines(java.nio.file.Path.of(path)).get(0);
                    } catch (java.io.IOException e) {
                        return "";
                    }
                }
                ```""").named("gpt-test");
        Jit jit = Jit.builder().store(store).model(model).maxAttempts(1).build();

        StringBuilder message = new StringBuilder();
        List<RecordedEvent> events = record(() -> message.append(org.junit.jupiter.api.Assertions.assertThrows(
                VerificationException.class, () -> jit.implement(Files2.class).firstLine("x")).getMessage()));

        List<RecordedEvent> refusals = named(events, "VerificationRefused");
        assertThat(refusals).extracting(e -> e.getString("member")).containsExactlyInAnyOrder(
                "java.nio.file.Files.readAllLines(java.nio.file.Path)",
                "java.nio.file.Path.of(java.lang.String, java.lang.String[])");
        RecordedEvent refused = refusals.stream()
                .filter(e -> e.getString("member").startsWith("java.nio.file.Files")).findFirst().orElseThrow();
        assertThat(refused.getString("method")).isEqualTo("Files2.firstLine(String)");
        assertThat(refused.getInt("line")).as("the line the exception names").isPositive();
        assertThat(message).contains("`java.nio.file.Files.readAllLines(java.nio.file.Path)` at line "
                + refused.getInt("line") + " needs the FILES_READ capability");
        assertThat(refused.getString("grant")).isEqualTo("@Allow(Capability.FILES_READ)");
        RecordedEvent generation = named(events, "Generation").get(0);
        assertThat(generation.getString("outcome")).isEqualTo("verifier_refused");
        assertThat(generation.getInt("version")).isZero();
        assertThat(generation.getInt("attempts")).isEqualTo(1);
    }

    @Test
    void budgetTrip_isAnEventWithKindAndLimit() throws IOException {
        Work work = Jit.builder().store(store).model(ScriptedChatModel.answering(
                "```java\nlong spin(int n) {\n    long s = 0;\n    while (true) { s += n; }\n}\n```")).build()
                .implement(Work.class);

        List<RecordedEvent> events = record(() -> assertThatThrownBy(() -> work.spin(1))
                .isInstanceOf(BudgetExceededException.class));

        List<RecordedEvent> trips = named(events, "BudgetExceeded");
        assertThat(trips).as("one trip, however often the sticky failure is thrown again").hasSize(1);
        assertThat(trips.get(0).getString("method")).isEqualTo("Work.spin(int)");
        assertThat(trips.get(0).getString("kind")).isEqualTo("cpu");
        assertThat(trips.get(0).getString("limit")).isEqualTo("100 ms");
    }

    @Test
    void loads_areEventsSayingWhereTheMethodCameFrom_compiledCacheThenSnapshot() throws IOException {
        Jit writer = Jit.builder().store(store).model(ScriptedChatModel.answering(COUNT_VOWELS)).build();
        writer.implement(Numbers.class).countVowels("a");
        FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        try (Stream<Path> files = Files.list(store.resolve(Numbers.class.getName()))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, hourAgo);
            }
        }
        deleteCache();

        List<RecordedEvent> compiled = record(() -> loadWithoutModel());
        List<RecordedEvent> cached = record(() -> loadWithoutModel()); // the first load wrote the snapshot...
        Path snapshots = store.resolve(".cache").resolve(Numbers.class.getName());
        try (Stream<Path> files = Files.list(snapshots)) {
            files.filter(f -> f.getFileName().toString().startsWith("snapshot-")).forEach(JfrEventsTest::delete);
        }
        List<RecordedEvent> fromCache = record(() -> loadWithoutModel()); // ...without it, .cache's classes
        List<RecordedEvent> fromSnapshot = record(() -> loadWithoutModel());

        assertThat(source(compiled)).isEqualTo("compiled");
        assertThat(source(cached)).isEqualTo("snapshot");
        assertThat(source(fromCache)).isEqualTo("cache");
        assertThat(source(fromSnapshot)).isEqualTo("snapshot");
        RecordedEvent loaded = named(compiled, "MethodLoaded").get(0);
        assertThat(loaded.getString("method")).isEqualTo("Numbers.countVowels(String)");
        assertThat(loaded.getDuration()).isPositive().isLessThan(Duration.ofMinutes(1));
        assertThat(named(compiled, "Generation")).isEmpty();
    }

    @Test
    void aStartWithoutARecording_loadsNoJfrEventClass() throws Exception {
        Jit.builder().store(store).model(ScriptedChatModel.answering(COUNT_VOWELS)).build()
                .implement(Numbers.class).countVowels("a");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xlog:class+load", "-cp", System.getProperty("java.class.path"),
                LoadChild.class.getName(), store.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor()).as(output).isZero();

        assertThat(output).contains("vowels 5");
        List<String> jfr = output.lines().filter(line -> line.contains("jdk.jfr.") || line.contains("internal.observe.JfrEvents")).toList();
        assertThat(jfr).as("only the flag that says no recording ever started").singleElement().asString()
                .contains("jdk.jfr.FlightRecorder ");
    }

    private void loadWithoutModel() {
        ScriptedChatModel silent = ScriptedChatModel.answering();
        assertThat(Jit.builder().store(store).model(silent).build().implement(Numbers.class).countVowels("jit"))
                .isEqualTo(1);
        assertThat(silent.requestCount()).isZero();
    }

    private static String source(List<RecordedEvent> events) {
        List<RecordedEvent> loaded = named(events, "MethodLoaded");
        assertThat(loaded).hasSize(1);
        return loaded.get(0).getString("source");
    }

    private void deleteCache() throws IOException {
        try (Stream<Path> files = Files.walk(store.resolve(".cache"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(JfrEventsTest::delete);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
