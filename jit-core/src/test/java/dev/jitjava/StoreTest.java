package dev.jitjava;

import dev.jitjava.internal.compile.InMemoryCompiler;
import dev.jitjava.test.ScriptedChatModel;
import dev.jitjava.internal.verify.BytecodeVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreTest {
    @TempDir
    Path store;

    interface Numbers {
        @Describe("Number of vowels in the text")
        int countVowels(String text);
    }

    private Path folder() {
        return store.resolve(Numbers.class.getName());
    }

    private Path java() {
        return folder().resolve("countVowels(java.lang.String).java");
    }

    private Path json() {
        return folder().resolve("countVowels(java.lang.String).json");
    }

    private Jit jit(ScriptedChatModel model) {
        return Jit.builder().store(store).model(model).build();
    }

    private void generateOnce() {
        jit(ScriptedChatModel.answering(Answers.COUNT_VOWELS)).implement(Numbers.class).countVowels("a");
    }

    @Test
    void secondJit_sameStore_noModelRequestAndNoJavac() {
        generateOnce();
        ScriptedChatModel model = ScriptedChatModel.answering();
        long compilations = InMemoryCompiler.compilations();

        int vowels = jit(model).implement(Numbers.class).countVowels("education");

        assertThat(vowels).isEqualTo(5);
        assertThat(model.requestCount()).isZero();
        assertThat(InMemoryCompiler.compilations()).isEqualTo(compilations);
    }

    @Test
    void secondJit_samePolicy_definesTheVerifiedClasses_aNewGrantVerifiesAgain() {
        generateOnce();
        long verifications = BytecodeVerifier.verifications();

        assertThat(jit(ScriptedChatModel.answering()).implement(Numbers.class).countVowels("education")).isEqualTo(5);
        assertThat(BytecodeVerifier.verifications()).as("same source, same policy").isEqualTo(verifications);

        Jit granted = Jit.builder().store(store).model(ScriptedChatModel.answering()).allow(Capability.FILES_READ).build();
        assertThat(granted.implement(Numbers.class).countVowels("education")).isEqualTo(5);
        assertThat(BytecodeVerifier.verifications()).as("another grant").isEqualTo(verifications + 1);

        Jit budgeted = Jit.builder().store(store).model(ScriptedChatModel.answering())
                .budget(java.time.Duration.ofSeconds(2), 1L << 20).build();
        assertThat(budgeted.implement(Numbers.class).countVowels("education")).isEqualTo(5);
        assertThat(BytecodeVerifier.verifications()).as("another budget").isEqualTo(verifications + 2);
    }

    @Test
    void aDamagedCacheEntry_isAMiss_theMethodIsVerifiedAgain() throws IOException {
        generateOnce();
        try (var files = Files.walk(store.resolve(".cache"))) {
            for (Path linked : files.filter(f -> f.toString().endsWith(".linked")).toList()) {
                Files.write(linked, new byte[]{0, 5, 'j', 'u', 'n', 'k'});
            }
        }
        long verifications = BytecodeVerifier.verifications();

        assertThat(jit(ScriptedChatModel.answering()).implement(Numbers.class).countVowels("education")).isEqualTo(5);
        assertThat(BytecodeVerifier.verifications()).isEqualTo(verifications + 1);
        assertThat(jit(ScriptedChatModel.answering()).implement(Numbers.class).countVowels("queue")).isEqualTo(4);
        assertThat(BytecodeVerifier.verifications()).as("repaired by the first load").isEqualTo(verifications + 1);
    }

    @Test
    void twoJitsInOneProcess_eachCallsItsOwnMethods_theImplementationClassIsCached(@TempDir Path other)
            throws IOException {
        generateOnce();
        Jit first = jit(ScriptedChatModel.answering());
        Jit second = Jit.builder().store(other).model(ScriptedChatModel.answering(Answers.fenced(
                "int countVowels(String text) { return 42; }"))).build();

        Numbers a = first.implement(Numbers.class);
        Numbers b = second.implement(Numbers.class);

        assertThat(b.countVowels("education")).isEqualTo(42);
        assertThat(a.countVowels("education")).isEqualTo(5);
        assertThat(a.getClass()).isNotSameAs(b.getClass());
        try (var files = Files.list(store.resolve(".cache").resolve(Numbers.class.getName()))) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("implementation-"));
        }
    }

    @Test
    void secondJit_cacheDeleted_noModelRequestButJavacRunsAndRefillsCache() throws IOException {
        generateOnce();
        deleteTree(store.resolve(".cache"));
        ScriptedChatModel model = ScriptedChatModel.answering();
        long compilations = InMemoryCompiler.compilations();

        assertThat(jit(model).implement(Numbers.class).countVowels("queue")).isEqualTo(4);

        assertThat(model.requestCount()).isZero();
        assertThat(InMemoryCompiler.compilations()).isEqualTo(compilations + 1);
        assertThat(store.resolve(".cache").resolve(Numbers.class.getName())).isDirectory();
    }

    @Test
    void store_layout_isPlainDiffFriendlyFiles() throws IOException {
        generateOnce();

        assertThat(Files.readString(store.resolve(".gitignore"))).contains("/.cache/\n");
        String source = Files.readString(java());
        assertThat(source).startsWith("// Written by jit-java for " + Numbers.class.getName() + " countVowels(java.lang.String).\n")
                .contains("public static int countVowels(StoreTest.Numbers self, String text) {")
                .doesNotContain(store.toString());
        String metadata = Files.readString(json());
        assertThat(metadata).endsWith("}\n")
                .contains("\"signature\" : \"countVowels(java.lang.String)\"")
                .contains("\"status\" : \"generated\"")
                .contains("\"description\" : \"Number of vowels in the text\"")
                .contains("\"signature\" : \"int countVowels(String)\"")
                .contains("\"model\" : \"scripted\"")
                .contains("\"attempts\" : 1")
                .contains("    public static int countVowels(StoreTest.Numbers self, String text) {")
                .doesNotContain(store.toString());
        assertThat(metadata.indexOf("\"owner\"")).isLessThan(metadata.indexOf("\"signature\""));
    }

    @Test
    void tokenUsage_isRecordedInMetadata() throws IOException {
        jit(ScriptedChatModel.answering(Answers.COUNT_VOWELS).reportingUsage(120, 45))
                .implement(Numbers.class).countVowels("a");

        assertThat(Files.readString(json())).contains("  \"tokens\" : {\n    \"input\" : 120,\n    \"output\" : 45\n  },");
    }

    @Test
    void handEdit_isCompiledMarkedEditedAndRecordedWithoutModel() throws IOException {
        generateOnce();
        Files.writeString(java(), Files.readString(java()).replace("\"aeiou\"", "\"aeiouy\""));
        ScriptedChatModel model = ScriptedChatModel.answering();
        Jit jit = jit(model);

        assertThat(jit.implement(Numbers.class).countVowels("rhythm")).isEqualTo(1);

        assertThat(model.requestCount()).isZero();
        assertThat(Files.readString(json())).contains("\"status\" : \"edited\"").contains("\"reason\" : \"edited by hand\"");
        List<Version> history = jit.history(Numbers.class, "countVowels");
        assertThat(history).extracting(Version::model).containsExactly("scripted", "hand edit");
        assertThat(jit.source(Numbers.class, "countVowels")).contains("\"aeiouy\"");
        assertThat(Files.readString(java())).contains("\"aeiouy\"");
    }

    @Test
    void brokenHandEdit_failsNamingFileAndLine_withoutModel() throws IOException {
        generateOnce();
        List<String> lines = Files.readAllLines(java());
        int line = lines.indexOf("        int count = 0;") + 1;
        Files.writeString(java(), Files.readString(java()).replace("int count = 0;", "int count = zero;"));
        ScriptedChatModel model = ScriptedChatModel.answering();
        Numbers numbers = jit(model).implement(Numbers.class);

        assertThatThrownBy(() -> numbers.countVowels("a"))
                .isInstanceOf(JitException.class)
                .hasMessage("The stored source does not compile: " + java() + ":" + line + ": cannot find symbol\n"
                        + "  symbol:   variable zero\n  location: class dev.jitjava.StoreTest_Numbers_countVowels\n"
                        + "    int count = zero;\nFix the file, or call improve to have the model change it, "
                        + "for method Numbers.countVowels(String)");
        assertThat(model.requestCount()).isZero();
    }

    /** What the metadata would hold had the interface said "Old words" when the method was written. */
    private void pretendWrittenForOldDescription() throws IOException {
        Files.writeString(json(), Files.readString(json())
                .replace("\"description\" : \"Number of vowels in the text\"", "\"description\" : \"Old words\"")
                .replaceFirst("\"specHash\" : \"[0-9a-f]+\"", "\"specHash\" : \"0\""));
    }

    @Test
    void specChanged_regeneratesAndKeepsOldVersionInHistory() throws IOException {
        generateOnce();
        pretendWrittenForOldDescription();
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.COUNT_VOWELS);
        Jit jit = jit(model);

        assertThat(jit.implement(Numbers.class).countVowels("ai")).isEqualTo(2);

        assertThat(model.requestCount()).isEqualTo(1);
        assertThat(jit.history(Numbers.class, "countVowels")).hasSize(2);
        assertThat(Files.readString(json()))
                .contains("\"regenerated\" : \"regenerated: the description changed since it was written\"")
                .contains("\"description\" : \"Number of vowels in the text\"");
    }

    @Test
    void handEditThenSpecChange_isNeverOverwritten() throws IOException {
        generateOnce();
        Files.writeString(java(), Files.readString(java()).replace("\"aeiou\"", "\"aeiouy\""));
        pretendWrittenForOldDescription();
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.COUNT_VOWELS);

        assertThatThrownBy(() -> jit(model).implement(Numbers.class).countVowels("a"))
                .isInstanceOf(JitException.class)
                .hasMessage(java() + " was edited by hand, and the description changed since it was written. jit-java "
                        + "does not overwrite hand edits: fix the file or restore the spec, or delete the .java and .json "
                        + "files to have the method written again, for method Numbers.countVowels(String)");
        assertThat(Files.readString(java())).contains("\"aeiouy\"");
        assertThat(model.requestCount()).isZero();
    }

    @Test
    void corruptMetadata_clearErrorNamingFile_andNothingDeleted() throws IOException {
        generateOnce();
        Files.writeString(json(), "{ \"owner\" : ");
        String source = Files.readString(java());
        ScriptedChatModel model = ScriptedChatModel.answering();

        assertThatThrownBy(() -> jit(model).implement(Numbers.class).countVowels("a"))
                .isInstanceOf(JitException.class)
                .hasMessageStartingWith("Cannot read " + json() + ": ")
                .hasMessageEndingWith("The file was left as it is: repair it, or delete it with its .java file to "
                        + "have the method written again, for method Numbers.countVowels(String)");
        assertThat(Files.readString(json())).isEqualTo("{ \"owner\" : ");
        assertThat(Files.readString(java())).isEqualTo(source);
        assertThat(model.requestCount()).isZero();
    }

    @Test
    void crashMidWrite_leftoverTempFileAndTornPair_storeStaysReadable() throws IOException {
        ScriptedChatModel first = ScriptedChatModel.answering(Answers.COUNT_VOWELS, Answers.fenced(
                "int countVowels(String text) { return 42; }"));
        Jit jit = jit(first);
        jit.implement(Numbers.class).countVowels("a");
        String versionOne = Files.readString(java());
        jit.improve(Numbers.class, "countVowels", "answer 42");
        // A process killed after writing the metadata, before renaming the new source into place:
        Files.writeString(java(), versionOne);
        Files.writeString(folder().resolve(".tmp-countVowels(java.lang.String).java-dead"), "half a fi");
        ScriptedChatModel model = ScriptedChatModel.answering();

        assertThat(jit(model).implement(Numbers.class).countVowels("a")).isEqualTo(42);

        assertThat(model.requestCount()).isZero();
        assertThat(Files.readString(java())).contains("return 42;");
        assertThat(Files.readString(json())).doesNotContain("edited");
    }

    @Test
    void javaWithoutMetadata_isNeverOverwritten() throws IOException {
        Files.createDirectories(folder());
        Files.writeString(java(), "my own file");
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.COUNT_VOWELS);

        assertThatThrownBy(() -> jit(model).implement(Numbers.class).countVowels("a"))
                .hasMessage(java() + " has no metadata beside it (countVowels(java.lang.String).json), so jit-java "
                        + "cannot tell what it is and will not overwrite it: restore the .json file, or delete the "
                        + ".java file to have the method written again, for method Numbers.countVowels(String)");
        assertThat(Files.readString(java())).isEqualTo("my own file");
    }

    @Test
    void storeFolder_createdOnFirstWriteOnly() {
        Path nested = store.resolve("not/yet");
        Jit jit = Jit.builder().store(nested).model(ScriptedChatModel.answering(Answers.COUNT_VOWELS)).build();
        Numbers numbers = jit.implement(Numbers.class);
        assertThat(nested).doesNotExist();

        numbers.countVowels("a");

        assertThat(nested.resolve(Numbers.class.getName())).isDirectory();
    }

    @Test
    void objectMethods_areStoredUnderObjectNamespace_andReloaded() {
        jit(ScriptedChatModel.answering(Answers.COUNT_VOWELS)).object("scratch").call(Integer.class, "countVowels", "a");
        ScriptedChatModel model = ScriptedChatModel.answering();

        assertThat(jit(model).object("scratch").call(Integer.class, "countVowels", "oak")).isEqualTo(2);

        assertThat(model.requestCount()).isZero();
        assertThat(store.resolve("object/scratch/countVowels(java.lang.String).java")).isRegularFile();
    }

    @Test
    void improve_inANewProcess_loadsFromStoreThenImproves() {
        generateOnce();
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.fenced("int countVowels(String text) { return 7; }"));
        Jit jit = jit(model);
        Numbers numbers = jit.implement(Numbers.class);

        Version version = jit.improve(Numbers.class, "countVowels", "always seven");

        assertThat(version.number()).isEqualTo(2);
        assertThat(numbers.countVowels("a")).isEqualTo(7);
        assertThat(model.requestCount()).isEqualTo(1);
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
