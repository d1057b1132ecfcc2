package dev.jitjava.internal.tools;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The names of the public API classes a generated method could see: the JDK's {@code java.*}
 * modules (exported packages only), the class path, the class path of the interface's class
 * loaders, and a method's added libraries. Names only: nothing is loaded. Each source is listed
 * once per process and kept.
 */
public final class TypeIndex {
    private static volatile List<String> jdk;
    private static final Map<Path, List<String>> ENTRIES = new ConcurrentHashMap<>();

    private TypeIndex() {
    }

    /** Binary names of the classes visible from {@code loader} plus {@code libraries}. */
    public static List<String> names(ClassLoader loader, List<Path> libraries) {
        List<String> names = new ArrayList<>(jdk());
        for (Path entry : classPath(loader, libraries)) {
            names.addAll(ENTRIES.computeIfAbsent(entry, TypeIndex::list));
        }
        return names;
    }

    private static Set<Path> classPath(ClassLoader loader, List<Path> libraries) {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath());
            }
        }
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toAbsolutePath());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a file: nothing to list
                    }
                }
            }
        }
        libraries.forEach(jar -> entries.add(jar.toAbsolutePath()));
        return entries;
    }

    private static List<String> jdk() {
        List<String> names = jdk;
        if (names == null) {
            synchronized (TypeIndex.class) {
                if (jdk == null) {
                    jdk = listJdk();
                }
                names = jdk;
            }
        }
        return names;
    }

    private static List<String> listJdk() {
        List<String> names = new ArrayList<>();
        for (ModuleReference module : ModuleFinder.ofSystem().findAll()) {
            ModuleDescriptor descriptor = module.descriptor();
            if (!descriptor.name().startsWith("java.")) {
                continue;
            }
            Set<String> exported = new java.util.HashSet<>();
            descriptor.exports().stream().filter(e -> !e.isQualified()).forEach(e -> exported.add(e.source()));
            try (ModuleReader reader = module.open(); Stream<String> resources = reader.list()) {
                resources.map(TypeIndex::className)
                        .filter(name -> name != null && exported.contains(packageOf(name)))
                        .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(names);
    }

    private static List<String> list(Path entry) {
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    files.map(file -> className(entry.relativize(file).toString().replace(File.separatorChar, '/')))
                            .filter(name -> name != null).forEach(names::add);
                }
            } else if (Files.isRegularFile(entry)) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    for (JarEntry file : Collections.list(jar.entries())) {
                        String name = className(file.getName());
                        if (name != null) {
                            names.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            return List.of(); // an unreadable entry offers nothing to search
        }
        return List.copyOf(names);
    }

    /** {@code java/util/Map$Entry.class} to {@code java.util.Map$Entry}; null for what is not a named class. */
    private static String className(String resource) {
        if (!resource.endsWith(".class") || resource.startsWith("META-INF/") || resource.endsWith("module-info.class")
                || resource.endsWith("package-info.class")) {
            return null;
        }
        String name = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
        int dollar = name.indexOf('$');
        while (dollar >= 0) {
            if (dollar + 1 >= name.length() || Character.isDigit(name.charAt(dollar + 1))) {
                return null; // anonymous or local
            }
            dollar = name.indexOf('$', dollar + 1);
        }
        return name;
    }

    private static String packageOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    /** {@code Map.Entry} for {@code java.util.Map$Entry}. */
    public static String simpleName(String binaryName) {
        return binaryName.substring(binaryName.lastIndexOf('.') + 1).replace('$', '.');
    }
}
