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
    // The last code source seen, and its folder or jar (null when neither): the interfaces of a program
    // mostly share one, and a URI costs a parse. Not a record: a class of its own costs more at start-up.
    private static CodeSource lastSource;
    private static File lastEntry;
    private static boolean lastFolder;

    private ClassFiles() {
    }

    /** The bytes of {@code type}'s class file, or null when it cannot be read. */
    public static byte[] read(Class<?> type) {
        String path = type.getName().replace('.', '/') + ".class";
        try {
            File entry;
            boolean folder;
            synchronized (ClassFiles.class) {
                locate(type);
                entry = lastEntry;
                folder = lastFolder;
            }
            if (folder) {
                try (InputStream in = new FileInputStream(new File(entry, path.replace('/', File.separatorChar)))) {
                    return in.readAllBytes();
                }
            } else if (entry != null) {
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

    /** Whether a file URL's path is the file's own: nothing escaped, no drive letter (parsing a URI costs more). */
    private static boolean plainPath(String path) {
        return File.separatorChar == '/' && path.indexOf('%') < 0;
    }

    /** Sets the last code source to {@code type}'s, unless it is that already. */
    private static void locate(Class<?> type) throws URISyntaxException {
        ProtectionDomain domain = type.getProtectionDomain();
        CodeSource source = domain == null ? null : domain.getCodeSource();
        if (source == lastSource && lastSource != null) {
            return;
        }
        URL url = source == null ? null : source.getLocation();
        File entry = url == null || !"file".equals(url.getProtocol()) ? null
                : plainPath(url.getPath()) ? new File(url.getPath()) : new File(url.toURI());
        lastSource = source;
        lastFolder = entry != null && entry.isDirectory();
        lastEntry = lastFolder || entry != null && entry.isFile() ? entry : null;
    }
}
