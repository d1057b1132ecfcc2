package dev.jitjava.processor;

import dev.jitjava.Jit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds examples/build-time with Maven, offline, against the jit-core and jit-processor of this
 * build: they go into a local repository of the test's own (never ~/.m2), which finds everything
 * else in ~/.m2 through a file mirror. Then runs the program it built.
 */
class ExampleProjectTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final String VERSION = "0.1.0-SNAPSHOT";

    @TempDir
    static Path work;
    static Path settings;

    @BeforeAll
    static void repository() throws Exception {
        Path repo = work.resolve("repo");
        Path group = repo.resolve("dev/jitjava");
        install(group, "jit-parent", ROOT.resolve("pom.xml"), null);
        install(group, "jit-core", ROOT.resolve("jit-core/pom.xml"), location(Jit.class));
        install(group, "jit-processor", ROOT.resolve("jit-processor/pom.xml"), location(JitProcessor.class));
        Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository");
        settings = work.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <localRepository>%s</localRepository>
                  <mirrors>
                    <mirror><id>local-m2</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                </settings>
                """.formatted(repo, m2.toUri()));
    }

    @Test
    void example_allMethodsStored_buildsAndRunsWithoutStoreJavacOrAsm() throws Exception {
        Path project = copyExample("ok");
        Result build = maven(project, "compile");
        assertThat(build.exit()).as(build.output()).isZero();
        assertThat(project.resolve("target/generated-sources/annotations/examples/Jit_Numbers.java")).exists();

        List<String> command = List.of(javaBin(), "-Xlog:class+load", "-cp", project.resolve("target/classes")
                + File.pathSeparator + System.getProperty("java.class.path"), "examples.Main", "jit rocks");
        Result run = run(project, command);
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("jit rocks: 2 vowels", "[1, 3, 5]", "implemented by Jit_Numbers");
        String untilImplemented = run.output().substring(0, run.output().indexOf("implemented by"));
        assertThat(untilImplemented).as("classes defined by Jit.implement, the JDK's lambda and method handle classes too")
                .doesNotContain("__JVM_LookupDefineClass__", "$$Lambda");
        assertThat(run.output()).as("javac or ASM loaded").doesNotContain("com.sun.tools.javac", " org.objectweb.asm.");
        assertThat(project.resolve("no-store-needed")).doesNotExist();
    }

    @Test
    void example_methodMissing_missingIsError_failsCompileAtTheInterfaceMethod() throws Exception {
        Path project = copyExample("missing");
        Files.delete(project.resolve(".jit/examples.Numbers/oddNumbers(java.util.List).java"));
        Files.delete(project.resolve(".jit/examples.Numbers/oddNumbers(java.util.List).json"));

        Result build = maven(project, "compile", "-Djit.missing=error");

        assertThat(build.exit()).as(build.output()).isNotZero();
        assertThat(build.output()).contains("Numbers.java:[15,19] Numbers.oddNumbers(List) is not in the store");
        assertThat(build.output()).contains("run it once in AUTO mode");
    }

    @Test
    void example_methodMissing_defaultWarn_buildsWithAWarning() throws Exception {
        Path project = copyExample("warn");
        Files.delete(project.resolve(".jit/examples.Numbers/oddNumbers(java.util.List).java"));
        Files.delete(project.resolve(".jit/examples.Numbers/oddNumbers(java.util.List).json"));

        Result build = maven(project, "compile");

        assertThat(build.exit()).as(build.output()).isZero();
        assertThat(build.output()).contains("[WARNING]", "Numbers.java:[15,19] Numbers.oddNumbers(List) is not in the store");
        assertThat(project.resolve("target/generated-sources/annotations/examples/Jit_Numbers.java")).doesNotExist();
    }

    record Result(int exit, String output) {
    }

    private static Path copyExample(String name) throws IOException {
        Path source = ROOT.resolve("examples/build-time");
        Path target = work.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(f -> !source.relativize(f).startsWith("target")).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    private static Result maven(Path project, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-nsu", "-s", settings.toString()));
        command.addAll(List.of(arguments));
        return run(project, command);
    }

    private static Result run(Path directory, List<String> command) throws Exception {
        Path log = Files.createTempFile(work, "out", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Where a class was loaded from: its jar, or its classes folder. */
    private static Path location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Puts a module's pom, and its jar (a classes folder is jarred first), into a local repository's layout. */
    private static void install(Path group, String artifact, Path pom, Path classes) throws IOException {
        Path folder = Files.createDirectories(group.resolve(artifact).resolve(VERSION));
        Files.copy(pom, folder.resolve(artifact + "-" + VERSION + ".pom"));
        if (classes == null) {
            return;
        }
        Path jar = folder.resolve(artifact + "-" + VERSION + ".jar");
        if (Files.isRegularFile(classes)) {
            Files.copy(classes, jar);
            return;
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }
}
