package dev.jitjava;

import dev.jitjava.internal.compile.Compilation;
import dev.jitjava.internal.compile.InMemoryCompiler;
import dev.jitjava.internal.compile.SourceUnit;
import dev.jitjava.test.ScriptedChatModel;
import dev.jitjava.internal.verify.BytecodeVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store's snapshot (.cache/&lt;interface&gt;/snapshot-*.bin): a start binds a method whose files
 * kept their stamps without reading them; any change to the files, the spec or the policy loads
 * the method from its files as before.
 */
class SnapshotTest {
    @TempDir
    Path store;

    interface Numbers {
        @Describe("Number of vowels in the text")
        int countVowels(String text);
    }

    private Path java() {
        return store.resolve(Numbers.class.getName()).resolve("countVowels(java.lang.String).java");
    }

    private Path json() {
        return store.resolve(Numbers.class.getName()).resolve("countVowels(java.lang.String).json");
    }

    private Jit jit(ScriptedChatModel model) {
        return Jit.builder().store(store).model(model).build();
    }

    private int countVowelsWithoutModel(String text) {
        ScriptedChatModel silent = ScriptedChatModel.answering();
        int result = jit(silent).implement(Numbers.class).countVowels(text);
        assertThat(silent.requestCount()).isZero();
        return result;
    }

    private List<Path> snapshots() throws IOException {
        Path folder = store.resolve(".cache").resolve(Numbers.class.getName());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("snapshot-")).toList();
        }
    }

    /** Generates the method, makes its files an hour old, and loads it once: that load writes the snapshot. */
    private void generateAgeAndLoad() throws IOException {
        jit(ScriptedChatModel.answering(Answers.COUNT_VOWELS)).implement(Numbers.class).countVowels("a");
        FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(java(), hourAgo);
        Files.setLastModifiedTime(json(), hourAgo);
        assertThat(snapshots()).isEmpty();
        assertThat(countVowelsWithoutModel("a")).isEqualTo(1);
        assertThat(snapshots()).hasSize(1);
    }

    /** Overwrites a file in place with as many bytes of junk, and gives it back its modification time. */
    private static void garbleKeepingStamp(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        byte[] junk = new byte[(int) Files.size(file)];
        Arrays.fill(junk, (byte) '#');
        Files.write(file, junk);
        Files.setLastModifiedTime(file, modified);
    }

    @Test
    void unchangedFiles_areBoundFromTheSnapshot_withoutReadingThem() throws IOException {
        generateAgeAndLoad();
        garbleKeepingStamp(json());
        long compilations = InMemoryCompiler.compilations();
        long verifications = BytecodeVerifier.verifications();

        assertThat(countVowelsWithoutModel("education")).as("the .json was not read").isEqualTo(5);
        assertThat(InMemoryCompiler.compilations()).isEqualTo(compilations);
        assertThat(BytecodeVerifier.verifications()).isEqualTo(verifications);

        Files.setLastModifiedTime(json(), FileTime.from(Instant.now().minusSeconds(60)));
        Numbers numbers = jit(ScriptedChatModel.answering()).implement(Numbers.class);
        assertThatThrownBy(() -> numbers.countVowels("a"))
                .as("another time: the file is read, and found damaged")
                .isInstanceOf(JitException.class)
                .hasMessageStartingWith("Cannot read " + json());
    }

    @Test
    void handEditAfterTheSnapshot_isNoticed() throws IOException {
        generateAgeAndLoad();
        Files.writeString(java(), Files.readString(java()).replace("\"aeiou\"", "\"aeiouy\""));

        assertThat(countVowelsWithoutModel("rhythm")).isEqualTo(1);
        assertThat(Files.readString(json())).contains("\"status\" : \"edited\"");
    }

    @Test
    void filesWrittenJustNow_areNotTrustedByStamp() throws IOException {
        jit(ScriptedChatModel.answering(Answers.COUNT_VOWELS)).implement(Numbers.class).countVowels("a");

        assertThat(countVowelsWithoutModel("queue")).isEqualTo(4);

        assertThat(snapshots()).as("a second edit within the file system's clock tick could keep the stamp").isEmpty();
    }

    @Test
    void anotherPolicy_missesTheSnapshot_andVerifiesAgain() throws IOException {
        generateAgeAndLoad();
        long verifications = BytecodeVerifier.verifications();

        Jit granted = Jit.builder().store(store).model(ScriptedChatModel.answering()).allow(Capability.FILES_READ).build();

        assertThat(granted.implement(Numbers.class).countVowels("education")).isEqualTo(5);
        assertThat(BytecodeVerifier.verifications()).isEqualTo(verifications + 1);
    }

    @Test
    void aChangedSpec_missesTheSnapshot_andRegenerates() throws IOException {
        generateAgeAndLoad();
        Files.writeString(json(), Files.readString(json())
                .replace("\"description\" : \"Number of vowels in the text\"", "\"description\" : \"Old words\""));
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.COUNT_VOWELS);

        assertThat(jit(model).implement(Numbers.class).countVowels("ai")).isEqualTo(2);

        assertThat(model.requestCount()).isEqualTo(1);
    }

    /**
     * The interface dev.example.snap.Greeter as the user's build would have it, with this description,
     * compiled into a folder of its own and loaded from there (javac finds it by its code source).
     */
    private static Class<?> greeter(Path classes, String description) throws Exception {
        String source = "package dev.example.snap;\npublic interface Greeter {\n"
                + "    @dev.jitjava.Describe(\"" + description + "\")\n    String greet(String name);\n}\n";
        Map<String, byte[]> compiled = ((Compilation.Classes) new InMemoryCompiler()
                .compile(new SourceUnit("dev.example.snap", "Greeter", source), List.of())).classes();
        Path file = classes.resolve("dev/example/snap/Greeter.class");
        Files.createDirectories(file.getParent());
        Files.write(file, compiled.get("dev.example.snap.Greeter"));
        URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, SnapshotTest.class.getClassLoader());
        return loader.loadClass("dev.example.snap.Greeter");
    }

    private static Object greet(Jit jit, Class<?> greeter, String name) throws Exception {
        Object implementation = jit.implement(greeter);
        return greeter.getMethod("greet", String.class).invoke(implementation, name);
    }

    @Test
    void anInterfaceChangedBetweenRuns_missesTheSnapshotThoughTheFilesKeptTheirStamps(@TempDir Path v1, @TempDir Path v2)
            throws Exception {
        String answer = Answers.fenced("String greet(String name) { return \"hello \" + name; }");
        Class<?> before = greeter(v1, "Greets someone");
        greet(jit(ScriptedChatModel.answering(answer)), before, "a");
        Path folder = store.resolve("dev.example.snap.Greeter");
        FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(folder.resolve("greet(java.lang.String).java"), hourAgo);
        Files.setLastModifiedTime(folder.resolve("greet(java.lang.String).json"), hourAgo);
        ScriptedChatModel silent = ScriptedChatModel.answering();
        assertThat(greet(jit(silent), before, "b")).isEqualTo("hello b");
        assertThat(store.resolve(".cache").resolve("dev.example.snap.Greeter")).isDirectoryContaining("glob:**/snapshot-*");

        Class<?> after = greeter(v2, "Greets someone warmly");
        ScriptedChatModel model = ScriptedChatModel.answering(
                Answers.fenced("String greet(String name) { return \"dear \" + name; }"));

        assertThat(greet(jit(model), after, "c")).isEqualTo("dear c");
        assertThat(model.requestCount()).isEqualTo(1);
        assertThat(model.lastUserMessage()).contains("Greets someone warmly");
        assertThat(silent.requestCount()).isZero();
    }

    @Test
    void aDamagedSnapshot_isAMiss_andIsWrittenAgain() throws IOException {
        generateAgeAndLoad();
        Path snapshot = snapshots().get(0);
        Files.write(snapshot, new byte[]{0, 0, 0, 7, 'j', 'u', 'n', 'k'});

        assertThat(countVowelsWithoutModel("education")).isEqualTo(5);

        assertThat(Files.size(snapshot)).isGreaterThan(8);
        garbleKeepingStamp(json());
        assertThat(countVowelsWithoutModel("queue")).as("bound from the rewritten snapshot").isEqualTo(4);
    }
}
