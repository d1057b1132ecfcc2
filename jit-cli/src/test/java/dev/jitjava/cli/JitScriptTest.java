package dev.jitjava.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real {@code ./jit} script, copied into a temporary root with a small {@code jit-cli/target/jit.jar}
 * of its own: the class-data archive is written on first use, mapped by the next run, written again
 * when the jar changes, and never heard of on stdout or stderr (the jar holds a Java 5 class file
 * and a lambda, which the JVM warns about when it archives).
 */
class JitScriptTest {
    private static final Path SCRIPT = Path.of(System.getProperty("basedir", ".")).resolve("../jit");

    @TempDir
    Path root;

    private Path jar;
    private Path caller;

    private record Run(int exitValue, String stdout, String stderr) {
    }

    @BeforeEach
    void copyTheScript() throws IOException {
        Files.copy(SCRIPT, root.resolve("jit"));
        jar = root.resolve("jit-cli/target/jit.jar");
        Files.createDirectories(jar.getParent());
        caller = Files.createDirectories(root.resolve("somewhere"));
        writeJar("hello");
    }

    @Test
    void firstRun_writesTheArchive_theNextMapsIt_andNeitherSaysSo() throws Exception {
        Run first = jit(Map.of(), "run", "World.java");

        assertThat(first.exitValue()).as(first.stderr()).isZero();
        assertThat(first.stdout()).isEqualTo("hello run World.java from somewhere\n");
        assertThat(first.stderr()).isEmpty();
        assumeTrue(sharingAvailable(), "a HotSpot JDK 13+ with its default CDS archive");
        assertThat(archives()).singleElement().asString().matches(".*/jit-cli/target/cds/run-[0-9][^/]*\\.jsa");

        Run second = loggingClassLoads("run", "World.java");

        assertThat(second.stdout()).isEqualTo(first.stdout());
        assertThat(second.stderr()).isEmpty();
        assertThat(loadedFromArchive("Hello")).isTrue();
    }

    @Test
    void changedJar_theArchiveIsWrittenAgain_andThenMapped() throws Exception {
        jit(Map.of(), "run", "World.java");
        assumeTrue(sharingAvailable(), "a HotSpot JDK 13+ with its default CDS archive");
        writeJar("goodbye");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        Run changed = jit(Map.of(), "run", "World.java");

        assertThat(changed.stdout()).isEqualTo("goodbye run World.java from somewhere\n");
        assertThat(changed.stderr()).isEmpty();
        Run next = loggingClassLoads("run", "World.java");
        assertThat(next.stdout()).isEqualTo(changed.stdout());
        assertThat(next.stderr()).isEmpty();
        assertThat(loadedFromArchive("Hello")).isTrue();
    }

    @Test
    void archivePerCommand_otherCommandsDoNotTakeRunsArchive() throws Exception {
        jit(Map.of(), "run", "World.java");
        jit(Map.of(), "--verbose", "ls");
        assumeTrue(sharingAvailable(), "a HotSpot JDK 13+ with its default CDS archive");

        assertThat(archives()).extracting(path -> path.getFileName().toString().replaceAll("-[0-9].*", ""))
                .containsExactlyInAnyOrder("run", "other");
    }

    @Test
    void damagedArchive_theProgramRunsWithoutIt_silently() throws Exception {
        jit(Map.of(), "run", "World.java");
        assumeTrue(sharingAvailable(), "a HotSpot JDK 13+ with its default CDS archive");
        for (Path archive : archives()) {
            archive.toFile().setWritable(true);
            Files.writeString(archive, "not an archive");
        }

        Run run = jit(Map.of(), "run", "World.java");

        assertThat(run.exitValue()).isZero();
        assertThat(run.stdout()).isEqualTo("hello run World.java from somewhere\n");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void sharingTurnedOffByTheUser_noArchive_andTheProgramRuns() throws Exception {
        Run run = jit(Map.of("JAVA_TOOL_OPTIONS", "-Xshare:off"), "run", "World.java");

        assertThat(run.exitValue()).isZero();
        assertThat(run.stdout()).isEqualTo("hello run World.java from somewhere\n");
        assertThat(withoutLauncherNotes(run.stderr())).isEmpty();
        assertThat(archives()).isEmpty();
    }

    @Test
    void exitCode_isTheProgramsOwn_onTheRunThatWritesTheArchive() throws Exception {
        Run run = jit(Map.of(), "run", "fail");

        assertThat(run.exitValue()).isEqualTo(3);
        assertThat(run.stdout()).isEqualTo("hello run fail from somewhere\n");
        assertThat(Files.list(jar.getParent().resolve("cds")).map(path -> path.getFileName().toString()))
                .as("no temporary file is left").noneMatch(name -> name.endsWith(".tmp"));
    }

    // --- helpers

    /** Prints its greeting, its arguments and the directory jit was called from; exits 3 when told to fail. */
    private void writeJar(String greeting) throws IOException {
        Path sources = Files.createTempDirectory(root, "src");
        Files.writeString(sources.resolve("Hello.java"), """
                public class Hello {
                    public static void main(String[] args) throws Exception {
                        Class.forName("Old"); // a Java 5 class file: CDS cannot archive it, and says so
                        Runnable greet = () -> System.out.println("%s " + String.join(" ", args) + " from "
                                + java.nio.file.Path.of(System.getenv("JIT_CALLER_DIR")).getFileName());
                        greet.run();
                        if (args.length > 1 && args[1].equals("fail")) {
                            System.exit(3);
                        }
                    }
                }
                """.formatted(greeting));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", sources.toString(),
                sources.resolve("Hello.java").toString());
        assertThat(compiled).isZero();
        ClassWriter old = new ClassWriter(0);
        old.visit(Opcodes.V1_5, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "Old", null, "java/lang/Object", null);
        old.visitEnd();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("Hello.class"));
            out.write(Files.readAllBytes(sources.resolve("Hello.class")));
            out.putNextEntry(new JarEntry("Old.class"));
            out.write(old.toByteArray());
        }
    }

    private Run jit(Map<String, String> environment, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("bash", root.resolve("jit").toString()),
                Stream.of(args)).toList()).directory(caller.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("JIT_") || name.equals("JAVA_TOOL_OPTIONS")
                || name.equals("JDK_JAVA_OPTIONS") || name.equals("_JAVA_OPTIONS"));
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.putAll(environment);
        Path stderr = root.resolve("stderr.txt");
        builder.redirectError(stderr.toFile());
        Process process = builder.start();
        try {
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Run(process.exitValue(), out, Files.readString(stderr));
        } finally {
            process.destroyForcibly();
        }
    }

    /** A run whose class loading is logged to {@code classes.log} (through the launcher's own variable). */
    private Run loggingClassLoads(String... args) throws Exception {
        Run run = jit(Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load:file=" + root.resolve("classes.log")), args);
        return new Run(run.exitValue(), run.stdout(), withoutLauncherNotes(run.stderr()));
    }

    private boolean loadedFromArchive(String className) throws IOException {
        return Files.readAllLines(root.resolve("classes.log")).stream()
                .anyMatch(line -> line.contains(" " + className + " source: shared objects file"));
    }

    /** The launcher's "Picked up JAVA_TOOL_OPTIONS" lines: the JDK's, printed whatever jit does. */
    private static String withoutLauncherNotes(String stderr) {
        return stderr.lines().filter(line -> !line.contains("Picked up J")).map(line -> line + "\n")
                .collect(Collectors.joining());
    }

    private List<Path> archives() throws IOException {
        Path folder = jar.getParent().resolve("cds");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(path -> path.toString().endsWith(".jsa")).sorted().toList();
        }
    }

    /** What the script asks for: HotSpot 13 or newer with its default archive to extend. */
    private static boolean sharingAvailable() {
        return Runtime.version().feature() >= 13
                && Files.isRegularFile(Path.of(System.getProperty("java.home"), "lib/server/classes.jsa"));
    }
}
