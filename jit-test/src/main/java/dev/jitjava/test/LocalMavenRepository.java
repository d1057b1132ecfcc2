package dev.jitjava.test;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A Maven repository in a directory, laid out as Maven lays one out (jar, pom, SHA-1 files), with
 * libraries compiled by the test itself: what a method's {@code add_dependency} resolves from in a
 * test, with no network. It also writes the {@code settings.xml} that mirrors every repository to it;
 * point {@code user.home} at that home (and {@code maven.repo.local} at a temporary directory) in the
 * JVM under test.
 *
 * <pre>{@code
 * LocalMavenRepository remote = new LocalMavenRepository(Files.createDirectories(temp.resolve("remote")));
 * remote.deploy("org.example:shout:1.0", Map.of("org.example.Shout",
 *         "package org.example; public class Shout { public static String of(String s) { return s + \"!\"; } }"));
 * Path home = remote.userHomeMirroringAll(temp.resolve("home"));
 * }</pre>
 *
 * <p>Not thread-safe: deploy from one thread.
 */
public final class LocalMavenRepository {
    private final Path root;
    private final List<Path> jars = new ArrayList<>();

    /**
     * A repository in {@code root}; compiled classes and sources go to temporary folders beside it.
     *
     * @param root an existing directory
     */
    public LocalMavenRepository(Path root) {
        this.root = root;
    }

    /**
     * The repository's directory.
     *
     * @return the directory given to the constructor
     */
    public Path root() {
        return root;
    }

    /**
     * Compiles the sources against the jars deployed so far and deploys them as {@code
     * group:artifact:version}, with a pom that depends on {@code dependencies}.
     *
     * @param coordinates  {@code group:artifact:version}
     * @param sources      binary class name to its source
     * @param dependencies the pom's dependencies, each {@code group:artifact:version}
     * @return the deployed jar
     * @throws IOException when a file cannot be written
     * @throws IllegalStateException when the sources do not compile, with javac's messages
     */
    public Path deploy(String coordinates, Map<String, String> sources, String... dependencies) throws IOException {
        String[] parts = coordinates.split(":");
        Path folder = root.resolve(parts[0].replace('.', '/')).resolve(parts[1]).resolve(parts[2]);
        Files.createDirectories(folder);
        String base = parts[1] + "-" + parts[2];
        Path classes = Files.createTempDirectory(root.getParent(), "classes");
        Path sourceDir = Files.createTempDirectory(root.getParent(), "sources");
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none"));
        if (!jars.isEmpty()) {
            arguments.add("-cp");
            arguments.add(String.join(java.io.File.pathSeparator, jars.stream().map(Path::toString).toList()));
        }
        arguments.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        if (javac.run(null, null, errors, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("library sources do not compile: " + errors);
        }
        Path jar = folder.resolve(base + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        jars.add(jar);
        StringBuilder pom = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <dependencies>
                """.formatted(parts[0], parts[1], parts[2]));
        for (String dependency : dependencies) {
            String[] d = dependency.split(":");
            pom.append("    <dependency><groupId>").append(d[0]).append("</groupId><artifactId>").append(d[1])
                    .append("</artifactId><version>").append(d[2]).append("</version></dependency>\n");
        }
        pom.append("  </dependencies>\n</project>\n");
        Path pomFile = folder.resolve(base + ".pom");
        Files.writeString(pomFile, pom);
        for (Path file : List.of(jar, pomFile)) {
            Files.writeString(file.resolveSibling(file.getFileName() + ".sha1"), sha1(Files.readAllBytes(file)));
        }
        return jar;
    }

    /**
     * Makes {@code home} a user home whose {@code .m2/settings.xml} mirrors every repository to this one.
     *
     * @param home the directory to use as {@code user.home}
     * @return {@code home}
     * @throws IOException when the settings cannot be written
     */
    public Path userHomeMirroringAll(Path home) throws IOException {
        Path m2 = Files.createDirectories(home.resolve(".m2"));
        Files.writeString(m2.resolve("settings.xml"), """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>test-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(root.toUri()), StandardCharsets.UTF_8);
        return home;
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
