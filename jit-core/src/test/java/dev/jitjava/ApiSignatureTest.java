package dev.jitjava;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exported API's signatures, compared with the listing committed in {@code src/test/resources/api/}:
 * a change to a public or protected type or member of an exported package fails the build until the
 * listing is updated on purpose ({@code mvn verify -Djit.api.update=true} rewrites it; review the diff).
 * The module descriptor must export exactly these packages.
 */
class ApiSignatureTest {
    static final Set<String> EXPORTED = Set.of("dev.jitjava", "dev.jitjava.spi", "dev.jitjava.runtime");
    private static final Path LISTING = Path.of("src/test/resources/api/jit-core.api");

    @Test
    void moduleDescriptor_exportsTheApiTheSpiAndTheRuntime_only() throws IOException, URISyntaxException {
        Path classes = Path.of(Jit.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            ModuleDescriptor descriptor = ModuleDescriptor.read(in);
            assertThat(descriptor.name()).isEqualTo("dev.jitjava");
            assertThat(descriptor.exports()).allMatch(e -> !e.isQualified())
                    .extracting(ModuleDescriptor.Exports::source).containsExactlyInAnyOrderElementsOf(EXPORTED);
        }
    }

    @Test
    void exportedSignatures_matchTheCommittedListing() throws Exception {
        String actual = String.join("\n", listing()) + "\n";
        if (Boolean.getBoolean("jit.api.update")) {
            Files.createDirectories(LISTING.getParent());
            Files.writeString(LISTING, actual, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(LISTING) ? Files.readString(LISTING, StandardCharsets.UTF_8) : "";

        assertThat(actual).as("the exported API changed; if on purpose, run mvn verify -Djit.api.update=true in "
                + "jit-core and review the diff of " + LISTING + " (and say it in CHANGELOG.md)").isEqualTo(committed);
    }

    /** One line per public or protected type and member of the exported packages, sorted. */
    private static List<String> listing() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Jit.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> lines = new TreeSet<>();
        for (String pkg : EXPORTED) {
            Path folder = classes.resolve(pkg.replace('.', '/'));
            List<Path> files;
            try (Stream<Path> listed = Files.list(folder)) {
                files = listed.filter(f -> f.toString().endsWith(".class")).toList();
            }
            for (Path file : files) {
                String name = pkg + "." + file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(name, false, Jit.class.getClassLoader());
                if (visible(type)) {
                    describe(type, lines);
                }
            }
        }
        return new ArrayList<>(lines);
    }

    private static boolean visible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) && !Modifier.isProtected(c.getModifiers())) {
                return false;
            }
        }
        return !type.isSynthetic() && !type.isAnonymousClass();
    }

    private static void describe(Class<?> type, Set<String> lines) {
        String name = type.getTypeName();
        lines.add(name + " " + Modifier.toString(type.getModifiers() & ~Modifier.STATIC) + " " + kind(type)
                + supertypes(type));
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (shown(constructor)) {
                lines.add(name + " " + constructor.toGenericString());
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (shown(method) && !method.isBridge()) {
                lines.add(name + " " + method.toGenericString());
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (shown(field)) {
                lines.add(name + " " + field.toGenericString());
            }
        }
    }

    private static boolean shown(Member member) {
        return !member.isSynthetic() && (Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers()));
    }

    private static String kind(Class<?> type) {
        return type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
                : type.isRecord() ? "record" : "class";
    }

    private static String supertypes(Class<?> type) {
        List<String> supers = new ArrayList<>();
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()
                && !type.isRecord()) {
            supers.add("extends " + type.getGenericSuperclass().getTypeName());
        }
        String interfaces = Stream.of(type.getGenericInterfaces()).map(java.lang.reflect.Type::getTypeName)
                .filter(i -> !i.equals("java.lang.annotation.Annotation")).collect(Collectors.joining(", "));
        if (!interfaces.isEmpty()) {
            supers.add("implements " + interfaces);
        }
        return supers.isEmpty() ? "" : " " + String.join(" ", supers);
    }
}
