package dev.jitjava.cli.host;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loaders of the Maven libraries a host's methods use: one per set of jars, below the
 * {@code jit} command's own, kept for the process so that trials, examples and the program that
 * runs share the libraries' classes (and each jar is opened once).
 */
public final class LibraryLoaders {
    private static final Map<List<Path>, ClassLoader> LOADERS = new ConcurrentHashMap<>();

    private LibraryLoaders() {
    }

    /**
     * A loader of {@code jars} below the command's class loader; that loader itself when there are none.
     *
     * @param jars the jars, in order
     * @return the loader to define a program's (or a trial's) classes below
     */
    public static ClassLoader of(List<Path> jars) {
        ClassLoader command = LibraryLoaders.class.getClassLoader();
        if (jars.isEmpty()) {
            return command;
        }
        return LOADERS.computeIfAbsent(List.copyOf(jars), all -> new URLClassLoader("jit-libraries",
                all.stream().map(LibraryLoaders::url).toArray(URL[]::new), command));
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }
}
