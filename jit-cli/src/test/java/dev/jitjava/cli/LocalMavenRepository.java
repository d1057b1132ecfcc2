package dev.jitjava.cli;

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
 * libraries compiled by the test itself: what add_dependency resolves from, with no network. Also
 * writes the settings.xml that mirrors every repository to it. (A copy of jit-core's test helper: test
 * classes are not shared between modules.)
 */
final class LocalMavenRepository {
    private final Path root;
    private final List<Path> jars = new ArrayList<>();

    LocalMavenRepository(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /**
     * Compiles the sources (binary name to source) against the jars deployed so far and deploys
     * them as {@code group:artifact:version}, with a pom that depends on {@code dependencies}.
     */
    Path deploy(String coordinates, Map<String, String> sources, String... dependencies) throws IOException {
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

    /** A user home whose .m2/settings.xml mirrors every repository to this one. */
    Path userHomeMirroringAll(Path home) throws IOException {
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
