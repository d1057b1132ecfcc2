package dev.jitjava.internal.dependency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
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

/**
 * The Maven dependencies one method added, each with the jars it resolved to. Immutable.
 */
public final class Libraries {
    public static final Libraries NONE = new Libraries(List.of());
    private static final Map<Path, Set<String>> PACKAGES = new ConcurrentHashMap<>();

    /**
     * One added dependency.
     *
     * @param coordinates what was asked for, {@code group:artifact:version}
     * @param artifacts   its jar first, then its runtime dependencies
     */
    public record Added(String coordinates, List<Artifact> artifacts) {
        public Added {
            artifacts = List.copyOf(artifacts);
        }
    }

    private final List<Added> added;

    private Libraries(List<Added> added) {
        this.added = List.copyOf(added);
    }

    public static Libraries of(List<Added> added) {
        return added.isEmpty() ? NONE : new Libraries(added);
    }

    /** These libraries and one more (replacing an earlier version of the same group:artifact). */
    public Libraries with(Added more) {
        List<Added> all = new ArrayList<>();
        String key = groupAndArtifact(more.coordinates());
        for (Added existing : added) {
            if (!groupAndArtifact(existing.coordinates()).equals(key)) {
                all.add(existing);
            }
        }
        all.add(more);
        return new Libraries(all);
    }

    public List<Added> added() {
        return added;
    }

    public boolean isEmpty() {
        return added.isEmpty();
    }

    public boolean contains(String coordinates) {
        return added.stream().anyMatch(a -> a.coordinates().equals(coordinates));
    }

    /** Every jar, each once, in order. */
    public List<Path> jars() {
        Set<Path> jars = new LinkedHashSet<>();
        added.forEach(a -> a.artifacts().forEach(artifact -> jars.add(artifact.file())));
        return List.copyOf(jars);
    }

    /**
     * The packages (internal names, {@code org/apache/commons/text}) of the jars whose group the
     * grant allows: what generated code may use of these libraries.
     */
    public Set<String> grantedPackages(DependencyGrant grant) {
        Set<String> packages = new LinkedHashSet<>();
        for (Added library : added) {
            for (Artifact artifact : library.artifacts()) {
                if (grant.allows(artifact.groupId())) {
                    packages.addAll(packagesOf(artifact.file()));
                }
            }
        }
        return Collections.unmodifiableSet(packages);
    }

    /** A class loader over the jars, below {@code parent}, for one version of one method. */
    public LibraryLoader newLoader(ClassLoader parent) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars()) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(jar.toString(), e);
            }
        }
        return new LibraryLoader(urls.toArray(URL[]::new), parent);
    }

    private static Set<String> packagesOf(Path jar) {
        return PACKAGES.computeIfAbsent(jar, path -> {
            Set<String> packages = new LinkedHashSet<>();
            try (JarFile file = new JarFile(path.toFile())) {
                for (JarEntry entry : Collections.list(file.entries())) {
                    String name = entry.getName();
                    int slash = name.lastIndexOf('/');
                    if (name.endsWith(".class") && slash > 0 && !name.startsWith("META-INF/")) {
                        packages.add(name.substring(0, slash));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path, e);
            }
            return Set.copyOf(packages);
        });
    }

    private static String groupAndArtifact(String coordinates) {
        String[] parts = coordinates.split(":");
        return parts.length >= 2 ? parts[0] + ":" + parts[1] : coordinates;
    }

    /** The class loader of a method that uses libraries: the method's classes are defined in it. */
    public static final class LibraryLoader extends java.net.URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        public LibraryLoader(URL[] urls, ClassLoader parent) {
            super("jit-libraries", urls, parent);
        }

        /** Defines one generated class. */
        public Class<?> define(byte[] bytes) {
            return defineClass(null, bytes, 0, bytes.length);
        }
    }

    @Override
    public String toString() {
        return added.stream().map(Added::coordinates).toList().toString();
    }
}
