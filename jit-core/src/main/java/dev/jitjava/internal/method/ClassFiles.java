package dev.jitjava.internal.method;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;

/**
 * The class file a loaded class came from. Read from its class path entry (a folder or a jar)
 * where it has one: asking the class loader for the class as a resource first searches every
 * module of the JDK's image for it, which costs some 20 ms in a fresh JVM, more than everything
 * else {@code Jit.implement} does for a class compiled in at build time. Other classes (from the
 * JDK, from a nested jar, from a loader without a code source) are asked for as resources.
 */
public final class ClassFiles {
    /** The last class path entry found: the interfaces of a program mostly share one, and a URI costs a parse. */
    private static volatile Location last;

    /** A code source's folder or jar (null when it is neither), and which of the two it is. */
    private record Location(CodeSource source, File entry, boolean folder) {
    }

    private ClassFiles() {
    }

    /** The bytes of {@code type}'s class file, or null when it cannot be read. */
    public static byte[] read(Class<?> type) {
        String path = type.getName().replace('.', '/') + ".class";
        try {
            Location location = locationOf(type);
            if (location.folder()) {
                try (InputStream in = new FileInputStream(new File(location.entry(), path.replace('/', File.separatorChar)))) {
                    return in.readAllBytes();
                }
            } else if (location.entry() != null) {
                // versioned as the class loader reads it, and sharing the loader's open zip
                try (JarFile jar = new JarFile(location.entry(), false, ZipFile.OPEN_READ, Runtime.version())) {
                    JarEntry found = jar.getJarEntry(path);
                    if (found != null) {
                        try (InputStream in = jar.getInputStream(found)) {
                            return in.readAllBytes();
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException | SecurityException e) {
            // not readable from there: ask the class loader
        }
        try (InputStream in = type.getResourceAsStream(path.substring(path.lastIndexOf('/') + 1))) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    private static Location locationOf(Class<?> type) throws URISyntaxException {
        ProtectionDomain domain = type.getProtectionDomain();
        CodeSource source = domain == null ? null : domain.getCodeSource();
        Location known = last;
        if (known != null && known.source() == source) {
            return known;
        }
        URL url = source == null ? null : source.getLocation();
        File entry = url == null || !"file".equals(url.getProtocol()) ? null : new File(url.toURI());
        Location found = new Location(source, entry != null && (entry.isDirectory() || entry.isFile()) ? entry : null,
                entry != null && entry.isDirectory());
        last = found;
        return found;
    }
}
