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

    private record Location(CodeSource source, File entry) {
    }

    private ClassFiles() {
    }

    /** The bytes of {@code type}'s class file, or null when it cannot be read. */
    public static byte[] read(Class<?> type) {
        String path = type.getName().replace('.', '/') + ".class";
        try {
            File entry = classPathEntry(type);
            if (entry != null && entry.isDirectory()) {
                File file = new File(entry, path.replace('/', File.separatorChar));
                if (file.isFile()) {
                    try (InputStream in = new FileInputStream(file)) {
                        return in.readAllBytes();
                    }
                }
            } else if (entry != null && entry.isFile()) {
                // versioned as the class loader reads it, and sharing the loader's open zip
                try (JarFile jar = new JarFile(entry, false, ZipFile.OPEN_READ, Runtime.version())) {
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

    /** The folder or jar of the class path that holds {@code type}, or null. */
    private static File classPathEntry(Class<?> type) throws URISyntaxException {
        ProtectionDomain domain = type.getProtectionDomain();
        CodeSource source = domain == null ? null : domain.getCodeSource();
        Location known = last;
        if (known != null && known.source() == source) {
            return known.entry();
        }
        URL location = source == null ? null : source.getLocation();
        File entry = location == null || !"file".equals(location.getProtocol()) ? null : new File(location.toURI());
        last = new Location(source, entry);
        return entry;
    }
}
