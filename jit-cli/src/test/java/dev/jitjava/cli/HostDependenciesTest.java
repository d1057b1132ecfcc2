package dev.jitjava.cli;

import dev.jitjava.test.LocalMavenRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jit run} and {@code jit shell} with Maven libraries, as the library has them: the model's
 * {@code add_dependency}, the jars on the program's (JShell's) class path and below its class loader,
 * recorded with their SHA-256 and resolved again, offline and LOCKED, on the next run; groups not
 * allowed are refused. Each run is
 * a fresh JVM whose {@code user.home} and {@code maven.repo.local} are temporary directories (a
 * repository this test deploys to, and an empty local one), as Maven itself would be configured:
 * no network, nothing of {@code ~/.m2}.
 */
class HostDependenciesTest {
    private static final String LOUD = """
            public class Loud {
                public static void main(String[] args) {
                    String s = shout("hi");
                    System.out.println(s);
                }
            }
            """;

    @TempDir
    Path temp;

    private LocalMavenRepository remote;
    private Path home;
    private Path localRepository;
    private Path work;

    @BeforeEach
    void repository() throws IOException {
        remote = new LocalMavenRepository(Files.createDirectories(temp.resolve("remote")));
        remote.deploy("org.example:exclaim:1.0", Map.of("org.example.exclaim.Exclaim", """
                package org.example.exclaim;
                public final class Exclaim {
                    public static String exclaim(String text) { return text + "!"; }
                }"""));
        remote.deploy("org.example:shout:1.0", Map.of("org.example.shout.Shout", """
                package org.example.shout;
                public final class Shout {
                    public static String shout(String text) {
                        return org.example.exclaim.Exclaim.exclaim(text.toUpperCase());
                    }
                }"""), "org.example:exclaim:1.0");
        home = remote.userHomeMirroringAll(temp.resolve("home"));
        localRepository = temp.resolve("local-repository");
        work = Files.createDirectories(temp.resolve("work"));
        Files.writeString(work.resolve("Loud.java"), LOUD);
    }

    @Test
    void runWithALibrary_isWrittenRecordedAndRun_thenRunsLockedFromTheLocalRepository_withNoModel() throws Exception {
        String first = jit("auto", "org.example", "library org.example:shout:1.0", "run", "Loud.java");

        assertThat(first).contains("exit 0").contains("out: HI!");
        Path stored = work.resolve(".jit/file/Loud/shout(java.lang.String).java");
        assertThat(Files.readString(stored)).contains("import org.example.shout.Shout;");
        Path jar = localRepository.resolve("org/example/shout/1.0/shout-1.0.jar");
        String metadata = Files.readString(stored.resolveSibling("shout(java.lang.String).json"));
        assertThat(metadata).contains("\"coordinates\" : \"org.example:shout:1.0\"")
                .contains("\"coordinates\" : \"org.example:exclaim:1.0\"")
                .contains("\"sha256\" : \"" + sha256(jar) + "\"");

        deleteTree(remote.root()); // from now on, only the local repository has the jars
        String locked = jit("locked", "org.example", "none", "run", "Loud.java");
        assertThat(locked).contains("exit 0").contains("out: HI!");
    }

    @Test
    void aJarChangedAfterABuild_isRefusedOnTheNextRun_forABuildWithLibrariesIsNotServedFromTheCache() throws Exception {
        assertThat(jit("auto", "org.example", "library org.example:shout:1.0", "run", "Loud.java")).contains("exit 0");
        assertThat(jit("locked", "org.example", "none", "run", "Loud.java")).contains("exit 0");
        Path jar = localRepository.resolve("org/example/shout/1.0/shout-1.0.jar");
        Files.write(jar, new byte[]{1}, java.nio.file.StandardOpenOption.APPEND);

        String refused = jit("locked", "org.example", "none", "run", "Loud.java");

        assertThat(refused).doesNotContain("exit 0").doesNotContain("out: HI!")
                .contains("does not match the SHA-256");
    }

    @Test
    void aStoredMethodsLibrary_withoutTheGrant_isRefused_namingJitDependencies() throws Exception {
        assertThat(jit("auto", "org.example", "library org.example:shout:1.0", "run", "Loud.java")).contains("exit 0");

        String refused = jit("locked", "-", "none", "run", "Loud.java");

        assertThat(refused).doesNotContain("exit 0").doesNotContain("out: HI!")
                .contains("uses the library org.example:shout:1.0")
                .contains("JIT_DEPENDENCIES=org.example");
    }

    @Test
    void aGroupNotAllowed_isRefusedToTheModel_andTheUserIsToldAboutJitDependencies() throws Exception {
        String refused = jit("auto", "com.other", "library org.example:shout:1.0", "run", "--max-attempts", "1",
                "Loud.java");

        assertThat(refused).doesNotContain("exit 0")
                .contains("The model asked for dependencies it may not add: org.example:shout:1.0 "
                        + "(group org.example is not allowed)")
                .contains("JIT_DEPENDENCIES=");
        assertThat(localRepository.resolve("org/example/shout")).doesNotExist();
        assertThat(work.resolve(".jit/file/Loud/shout(java.lang.String).java")).doesNotExist();
    }

    @Test
    void shellWithALibrary_addsItToJShellsClassPath_andANewShellLoadsItLocked() throws Exception {
        String first = jitWithInput("shout(\"hi\");\n", "auto", "org.example", "library org.example:shout:1.0",
                "shell");

        assertThat(first).contains("exit 0").contains("\"HI!\"");
        assertThat(Files.readString(work.resolve(".jit/shell/session/shout(java.lang.String).json")))
                .contains("\"coordinates\" : \"org.example:shout:1.0\"");

        deleteTree(remote.root());
        String again = jitWithInput("shout(\"again\") + org.example.shout.Shout.shout(\"!\");\n", "locked",
                "org.example", "none", "shell");
        assertThat(again).contains("exit 0").contains("\"AGAIN!!!\"");
    }

    /** Runs {@code jit} in a fresh JVM; returns what {@link HostDependenciesChild} printed. */
    private String jit(String mode, String dependencies, String model, String... args) throws Exception {
        return jitWithInput("", mode, dependencies, model, args);
    }

    private String jitWithInput(String input, String mode, String dependencies, String model, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-Dmaven.repo.local=" + localRepository,
                "-cp", System.getProperty("java.class.path"), HostDependenciesChild.class.getName(),
                work.toString(), mode, dependencies, model));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        try {
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            return output;
        } finally {
            process.destroyForcibly();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
