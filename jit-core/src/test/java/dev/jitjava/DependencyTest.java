package dev.jitjava;

import dev.jitjava.internal.dependency.DependencyGrant;
import dev.jitjava.internal.dependency.MavenResolver;
import dev.jitjava.test.LocalMavenRepository;
import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** add_dependency against a Maven repository in a temporary directory: no network. */
class DependencyTest {
    @TempDir
    Path temp;

    private LocalMavenRepository remote;
    private Path store;
    private Path localRepository;
    private MavenResolver resolver;

    public interface Shouter {
        String shout(String text);
    }

    interface Whisperer {
        String shout(String text);
    }

    public interface Doubler {
        String twice(String text);
    }

    private static final String SHOUT = Answers.fenced("""
            import org.example.shout.Shout;

            String shout(String text) {
                return Shout.shout(text);
            }""");

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
        remote.deploy("com.thirdparty:helper:1.0", Map.of("com.thirdparty.helper.Helper", """
                package com.thirdparty.helper;
                public final class Helper {
                    public static String twice(String text) { return text + text; }
                }"""));
        remote.deploy("org.example:mixed:1.0", Map.of("org.example.mixed.Mixed", """
                package org.example.mixed;
                public final class Mixed {
                    public static String twice(String text) { return com.thirdparty.helper.Helper.twice(text); }
                }"""), "com.thirdparty:helper:1.0");
        Path home = remote.userHomeMirroringAll(temp.resolve("home"));
        localRepository = temp.resolve("local-repository");
        store = temp.resolve("store");
        resolver = new MavenResolver(Map.of("user.home", home.toString(), "maven.repo.local", localRepository.toString()));
    }

    private Jit.Builder jit(ScriptedChatModel model) {
        return Jit.builder().store(store).model(model).resolver(resolver);
    }

    private ScriptedChatModel shoutWithLibrary() {
        return ScriptedChatModel.answering()
                .thenCallTool("add_dependency", "{\"coordinates\": \"org.example:shout:1.0\"}")
                .thenAnswer(SHOUT);
    }

    @Test
    void addDependency_resolvesTheLibraryAndItsDependencies_loadsThem_andRecordsChecksums() throws IOException {
        ScriptedChatModel model = shoutWithLibrary();
        Jit jit = jit(model).dependencies("org.example").build();

        assertThat(jit.implement(Shouter.class).shout("hi")).isEqualTo("HI!");

        assertThat(model.requests().get(0).toolSpecifications()).extracting(t -> t.name())
                .containsExactly("describe_type", "search_types", "add_dependency");
        assertThat(model.requests().get(0).messages().get(0).toString()).contains("allowed groups: org.example");
        assertThat(model.toolResults()).singleElement().asString()
                .startsWith("add_dependency: Added org.example:shout:1.0 (2 jars: org.example:shout:1.0, "
                        + "org.example:exclaim:1.0).")
                .contains("Its packages: org.example.shout");
        Path jar = localRepository.resolve("org/example/shout/1.0/shout-1.0.jar");
        assertThat(jar).exists();
        String metadata = Files.readString(jsonOf(Shouter.class));
        assertThat(metadata).contains("\"coordinates\" : \"org.example:shout:1.0\"")
                .contains("\"coordinates\" : \"org.example:exclaim:1.0\"")
                .contains("\"sha256\" : \"" + MavenResolver.sha256(jar) + "\"");
    }

    @Test
    void aSecondStart_resolvesFromTheLocalRepository_withoutTheRemoteOne_orTheModel() throws IOException {
        jit(shoutWithLibrary()).dependencies("org.example").build().implement(Shouter.class).shout("hi");
        deleteTree(remote.root());

        ScriptedChatModel silent = ScriptedChatModel.answering();
        Jit again = Jit.builder().store(store).model(silent).mode(Mode.LOCKED).dependencies("org.example")
                .resolver(new MavenResolver(Map.of("user.home", temp.resolve("home").toString(),
                        "maven.repo.local", localRepository.toString())))
                .build();

        assertThat(again.implement(Shouter.class).shout("again")).isEqualTo("AGAIN!");
        assertThat(silent.requestCount()).isZero();
    }

    @Test
    void aJarThatChangedInTheLocalRepository_isNotLoaded() throws IOException {
        jit(shoutWithLibrary()).dependencies("org.example").build().implement(Shouter.class).shout("hi");
        Path jar = localRepository.resolve("org/example/exclaim/1.0/exclaim-1.0.jar");
        Files.write(jar, new byte[]{'P', 'K', 3, 4}, java.nio.file.StandardOpenOption.APPEND);

        Jit again = jit(ScriptedChatModel.answering()).mode(Mode.LOCKED).dependencies("org.example").build();
        Shouter shouter = again.implement(Shouter.class);

        assertThatThrownBy(() -> shouter.shout("hi"))
                .isInstanceOf(JitException.class)
                .hasMessageContaining("The jar " + jar + " does not match the SHA-256")
                .hasMessageContaining("recorded for org.example:exclaim:1.0")
                .hasMessageEndingWith("for method Shouter.shout(String)");
    }

    @Test
    void aStoredMethodWithALibrary_needsTheGrant_andSaysHowToGiveIt() {
        jit(shoutWithLibrary()).dependencies("org.example").build().implement(Shouter.class).shout("hi");

        Jit ungranted = jit(ScriptedChatModel.answering()).mode(Mode.LOCKED).build();
        Shouter shouter = ungranted.implement(Shouter.class);

        assertThatThrownBy(() -> shouter.shout("hi"))
                .isInstanceOf(JitException.class)
                .hasMessageContaining("uses the library org.example:shout:1.0")
                .hasMessageContaining("does not allow dependencies from group org.example: allow it with "
                        + "Jit.builder().dependencies(\"org.example\") or JIT_DEPENDENCIES=org.example");
    }

    @Test
    void aDeniedGroup_isExplainedToTheModel_andToTheUser() {
        ScriptedChatModel model = shoutWithLibrary();
        Jit jit = jit(model).dependencies("com.other").maxAttempts(1).build();
        Shouter shouter = jit.implement(Shouter.class);

        assertThatThrownBy(() -> shouter.shout("hi"))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("The model asked for dependencies it may not add: org.example:shout:1.0 "
                        + "(group org.example is not allowed)")
                .hasMessageContaining("Jit.builder().dependencies(\"group\") or JIT_DEPENDENCIES=group");
        assertThat(model.toolResults()).containsExactly("add_dependency: Denied: dependencies from group org.example "
                + "are not allowed here (allowed: com.other). Use an allowed group or the JDK only.");
        assertThat(localRepository.resolve("org/example/shout")).doesNotExist();
    }

    @Test
    void aMissingArtifact_isReportedOnce_andNotRetried() {
        ScriptedChatModel model = ScriptedChatModel.answering()
                .thenCallTool("add_dependency", "{\"coordinates\": \"org.example:nope:1.0\"}")
                .thenCallTool("add_dependency", "{\"coordinates\": \"org.example:nope:1.0\"}")
                .thenCallTool("add_dependency", "{\"coordinates\": \"org.example:shout:[1.0,)\"}")
                .thenAnswer(Answers.fenced("String shout(String text) { return text.toUpperCase() + \"!\"; }"));
        Jit jit = jit(model).dependencies().build();

        assertThat(jit.implement(Shouter.class).shout("hi")).isEqualTo("HI!");

        assertThat(model.toolResults().get(0)).startsWith("add_dependency: Error: org.example:nope:1.0 could not be "
                + "resolved from test-repository (" + remote.root().toUri()).contains("Do not ask for it again");
        assertThat(model.toolResults().get(1)).startsWith("add_dependency: Error (already tried, not retried): "
                + "org.example:nope:1.0 could not be resolved");
        assertThat(model.toolResults().get(2)).contains("one exact version");
    }

    @Test
    void theGrantCoversTheAllowedGroupsPackages_notTheirDependenciesFromOtherGroups() {
        ScriptedChatModel model = ScriptedChatModel.answering()
                .thenCallTool("add_dependency", "{\"coordinates\": \"org.example:mixed:1.0\"}")
                .thenAnswer(Answers.fenced("""
                        String twice(String text) { return com.thirdparty.helper.Helper.twice(text); }"""))
                .thenAnswer(Answers.fenced("""
                        String twice(String text) { return org.example.mixed.Mixed.twice(text); }"""));
        Jit jit = jit(model).dependencies("org.example").build();

        assertThat(jit.implement(Doubler.class).twice("ab")).isEqualTo("abab");

        assertThat(model.requestCount()).isEqualTo(3);
        assertThat(model.lastUserMessage()).contains("com.thirdparty.helper.Helper").contains("is not allowed here");
    }

    @Test
    void aPackagePrivateInterface_cannotUseLibraries_andTheModelIsToldWhy() {
        ScriptedChatModel model = ScriptedChatModel.answering()
                .thenCallTool("add_dependency", "{\"coordinates\": \"org.example:shout:1.0\"}")
                .thenAnswer(Answers.fenced("String shout(String text) { return text.toUpperCase() + \"!\"; }"));
        Jit jit = jit(model).dependencies("org.example").build();

        assertThat(jit.implement(Whisperer.class).shout("b")).isEqualTo("B!");
        assertThat(model.toolResults()).containsExactly("add_dependency: Error: this method cannot use libraries, "
                + "because dev.jitjava.DependencyTest$Whisperer is not public (a method with libraries lives in a "
                + "class loader of its own). Write it with the JDK only.");
    }

    @Test
    void improve_startsWithTheLibrariesTheMethodHas() throws IOException {
        ScriptedChatModel model = shoutWithLibrary().thenAnswer(Answers.fenced("""
                import org.example.shout.Shout;

                String shout(String text) {
                    return Shout.shout(text.strip());
                }"""));
        Jit jit = jit(model).dependencies("org.example").build();
        Shouter shouter = jit.implement(Shouter.class);
        shouter.shout("hi");

        jit.improve(Shouter.class, "shout", "strip the text first");

        assertThat(shouter.shout("  hi  ")).isEqualTo("HI!");
        assertThat(model.requestCount()).as("no new add_dependency").isEqualTo(3);
        assertThat(Files.readString(jsonOf(Shouter.class))).contains("\"coordinates\" : \"org.example:shout:1.0\"");
    }

    @Test
    void freshJvms_theDefaultResolverFollowsUserHomeAndMavenRepoLocal_andTheSecondStartIsOffline() throws Exception {
        Path home = temp.resolve("home");
        assertThat(child(home, "generate")).contains("shout FRESH!");
        assertThat(localRepository.resolve("org/example/shout/1.0/shout-1.0.jar")).exists();
        deleteTree(remote.root());

        assertThat(child(home, "load")).contains("shout FRESH!");
    }

    private String child(Path home, String mode) throws Exception {
        String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(launcher, "-Duser.home=" + home, "-Dmaven.repo.local=" + localRepository,
                "-cp", System.getProperty("java.class.path"), DependencyChild.class.getName(), mode, store.toString())
                .directory(temp.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            return output;
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void jitDependencies_parsesAllowAListOrNothing() {
        assertThat(DependencyGrant.parse(null).enabled()).isFalse();
        assertThat(DependencyGrant.parse(" ").enabled()).isFalse();
        assertThat(DependencyGrant.parse("allow").allows("any.group")).isTrue();
        DependencyGrant some = DependencyGrant.parse("org.apache.commons, com.google.guava");
        assertThat(some.allows("com.google.guava")).isTrue();
        assertThat(some.allows("org.apache")).isFalse();
        assertThatThrownBy(() -> DependencyGrant.parse("org.x;rm -rf"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("JIT_DEPENDENCIES is");
    }

    private Path jsonOf(Class<?> iface) throws IOException {
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(f -> f.toString().endsWith(".json") && f.toString().contains(iface.getSimpleName()))
                    .findFirst().orElseThrow();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
