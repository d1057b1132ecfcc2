package dev.jitjava.cli;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code jit} command is a client of jit-core like any other: its classes reach jit-core only
 * through the exported API ({@code dev.jitjava}) and the host SPI ({@code dev.jitjava.spi}), never
 * through {@code dev.jitjava.internal} or what generated classes link against. Every reference in
 * every class file counts (types, members, signatures, constants).
 */
class ApiBoundaryTest {
    private static final Set<String> ALLOWED = Set.of("dev/jitjava/", "dev/jitjava/spi/");

    @Test
    void cliClasses_useJitCoreOnlyThroughTheApiAndTheSpi() throws IOException {
        Path classes = Path.of("target/classes");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(f -> f.toString().endsWith(".class")).toList();
        }
        assertThat(files).as("jit-cli's compiled classes").isNotEmpty();
        Set<String> crossings = new TreeSet<>();
        for (Path file : files) {
            String self = classes.relativize(file).toString().replace(".class", "");
            new ClassReader(Files.readAllBytes(file)).accept(new ClassRemapper(new ClassWriter(0),
                    new Remapper() {
                        @Override
                        public String map(String internalName) {
                            if (internalName.startsWith("dev/jitjava/") && !internalName.startsWith("dev/jitjava/cli/")
                                    && !internalName.startsWith("dev/jitjava/test/")
                                    && ALLOWED.stream().noneMatch(p -> internalName.startsWith(p)
                                    && internalName.indexOf('/', p.length()) < 0)) {
                                crossings.add(self + " -> " + internalName);
                            }
                            return internalName;
                        }
                    }), 0);
        }

        assertThat(crossings).as("jit-cli reaching past jit-core's API and SPI").isEmpty();
    }
}
