package dev.jitjava.cli;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jit run} of a program built before and unchanged since runs from the store's {@code .cache}
 * before picocli, the model's configuration, javac or the engine are loaded; any command line that
 * picocli must read takes the ordinary way. (What a change to the program or a stored method does:
 * {@code RunLifecycleTest}.)
 */
class CachedRunTest {
    @TempDir
    Path work;

    private static final String WORDS = """
            public class Words {
                public static void main(String[] args) {
                    if (args.length > 0 && args[0].equals("boom")) {
                        throw new IllegalStateException("boom");
                    }
                    String text = args.length > 0 ? args[0] : "jit";
                    System.out.println(countVowels(text) + " vowels");
                }
            }
            """;
    private static final String COUNT_VOWELS = """
            ```java
            static int countVowels(String text) {
                return text.replaceAll("[^aeiou]", "").length();
            }
            ```""";

    private JitCommand jit;

    private int jit(ScriptedChatModel model, String... args) {
        jit = jit != null ? jit : new JitCommand(work);
        return jit.run(() -> model, "", args);
    }

    private String stdout() {
        return jit.out();
    }

    private String stderr() {
        return jit.err();
    }

    /** Words.java, built once (its method written by the scripted model and stored), so that .cache holds it. */
    private Path built() throws Exception {
        Path file = Files.createDirectories(work.resolve("examples")).resolve("Words.java");
        Files.writeString(file, WORDS);
        ScriptedChatModel model = ScriptedChatModel.answering(COUNT_VOWELS);
        assertThat(jit(model, "run", "examples/Words.java", "audio")).as(stderr()).isZero();
        assertThat(stdout()).isEqualTo("4 vowels\n");
        assertThat(model.requestCount()).isEqualTo(1);
        return file;
    }

    @Test
    void unchangedProgram_runsFromTheCache_withoutPicocliTheModelsSettingsJavacOrTheEngine() throws Exception {
        Path file = built();
        // As a store is some seconds after the model wrote into it: the next run keeps the files' stamps,
        // and the one after reads only those.
        try (Stream<Path> stored = Files.walk(file.resolveSibling(".jit/file"))) {
            for (Path path : stored.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(path, FileTime.fromMillis(System.currentTimeMillis() - 10_000));
            }
        }
        assertThat(jit(ScriptedChatModel.answering(), "run", "examples/Words.java", "audio")).isZero();
        Path log = work.resolve("classes.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load:file=" + log, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "examples/Words.java", "education").directory(work.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("JIT_"));
        builder.environment().put("JIT_CALLER_DIR", work.toString());
        builder.redirectError(work.resolve("stderr.txt").toFile());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(Files.readString(work.resolve("stderr.txt"))).isZero();
        assertThat(output).isEqualTo("5 vowels\n");
        List<String> loaded;
        try (Stream<String> lines = Files.lines(log)) {
            loaded = lines.map(line -> line.replaceFirst("^\\[[^]]*]\\[[^]]*]\\[[^]]*] ", ""))
                    .map(line -> line.split(" ", 2)[0]).toList();
        }
        assertThat(loaded).contains("Words", "dev.jitjava.cli.RunCommand")
                .noneMatch(name -> Stream.of("picocli.", "com.sun.tools.javac.", "javax.tools.", "jdk.jshell.",
                        "org.jline.", "dev.langchain4j.", "com.fasterxml.", "org.objectweb.asm.",
                        "dev.jitjava.internal.engine.", "dev.jitjava.internal.verify.", "dev.jitjava.internal.compile.",
                        "dev.jitjava.internal.model.", "dev.jitjava.internal.store.Metadata",
                        "dev.jitjava.internal.store.JsonText").anyMatch(name::startsWith));
    }

    @Test
    void unchangedProgram_argumentsReachMain_andNoModelIsAsked() throws Exception {
        built();
        ScriptedChatModel none = ScriptedChatModel.answering();

        assertThat(jit(none, "run", "examples/Words.java", "onomatopoeia")).isZero();

        assertThat(stdout()).isEqualTo("8 vowels\n");
        assertThat(stderr()).isEmpty();
        assertThat(none.requestCount()).isZero();
    }

    @Test
    void unchangedProgram_storeGivenWithItsOption_runsFromThatStore() throws Exception {
        Path file = Files.writeString(work.resolve("Words.java"), WORDS);
        assertThat(jit(ScriptedChatModel.answering(COUNT_VOWELS), "run", "--store", "elsewhere", "Words.java")).isZero();

        assertThat(jit(ScriptedChatModel.answering(), "run", "--store=elsewhere", file.toString(), "queue")).isZero();

        assertThat(stdout()).isEqualTo("4 vowels\n");
        assertThat(work.resolve("elsewhere/.cache")).isDirectory();
        assertThat(work.resolve(".jit")).doesNotExist();
    }

    @Test
    void programThatThrows_fromTheCache_failsAsABuiltOneDoes() throws Exception {
        built();

        assertThat(jit(ScriptedChatModel.answering(), "run", "examples/Words.java", "boom")).isEqualTo(ExitCodes.FAILURE);

        assertThat(stderr()).isEqualTo("jit: error: Words failed: java.lang.IllegalStateException: boom\n"
                + "hint: the exception came from the program itself\n");
    }

    @Test
    void commandLinesThatPicocliReads_takeTheOrdinaryWay() throws Exception {
        built();

        assertThat(jit(ScriptedChatModel.answering(), "run", "examples/Words.java", "--help")).isZero();
        assertThat(stdout()).contains("Usage: jit run");

        assertThat(jit(ScriptedChatModel.answering(), "run", "examples/Words.java", "--", "-io")).isZero();
        assertThat(stdout()).as("an argument after -- that looks like an option").isEqualTo("2 vowels\n");
    }

    @Test
    void missingFile_isTheOrdinaryUsageError() {
        assertThat(jit(ScriptedChatModel.answering(), "run", "examples/Nowhere.java")).isEqualTo(ExitCodes.USAGE);

        assertThat(stderr()).startsWith("jit: error: no file " + work.resolve("examples/Nowhere.java"));
    }
}
