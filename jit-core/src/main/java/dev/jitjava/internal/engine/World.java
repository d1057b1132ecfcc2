package dev.jitjava.internal.engine;

import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Owner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * What a method's compiled classes rely on beyond themselves and the JDK: the application's (and
 * libraries') classes their constant pools name, as the class loader finds them now. Classes compiled
 * in one world are reused from {@code .cache} only in the same world, so that a record component
 * renamed or a method removed makes a stored method compile again (and, failing that, be written
 * again or reported), instead of a {@code NoSuchMethodError} at its first call.
 *
 * <p>Reads class files as bytes (a constant pool walk, no ASM), so that it may run at start-up.
 */
final class World {
    private static final Map<ClassLoader, Map<String, Long>> CRCS = new WeakHashMap<>();
    private static final String[] JDK_PREFIXES = {"java/", "javax/", "jdk/", "sun/", "com/sun/", "dev/jitjava/"};

    private World() {
    }

    /** Where the method's classes live: its interface's loader, else jit-java's own. */
    static ClassLoader loaderOf(MethodSpec spec) {
        ClassLoader loader = spec.owner() instanceof Owner.Interface iface ? iface.type().getClassLoader() : null;
        return loader != null ? loader : World.class.getClassLoader();
    }

    /** A digest of the classes outside {@code classes} (binary names to bytes) that they name. */
    static String of(Map<String, byte[]> classes, ClassLoader loader) {
        Set<String> named = new TreeSet<>();
        for (byte[] bytes : classes.values()) {
            classNames(bytes, named);
        }
        classes.keySet().forEach(name -> named.remove(name.replace('.', '/')));
        CRC32 digest = new CRC32();
        for (String name : named) {
            if (!isJdk(name)) {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                long crc = crcOf(name, loader);
                for (int shift = 0; shift < 64; shift += 8) {
                    digest.update((int) (crc >>> shift));
                }
            }
        }
        return Long.toHexString(digest.getValue());
    }

    /**
     * The CRC-32 of a class file as {@code loader} finds it, -1 when it finds none; kept per loader, as
     * the classes a loader defined do not change while it lives.
     */
    private static long crcOf(String internalName, ClassLoader loader) {
        Map<String, Long> known;
        synchronized (CRCS) {
            known = CRCS.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
        }
        return known.computeIfAbsent(internalName, name -> {
            try (InputStream in = loader.getResourceAsStream(name + ".class")) {
                if (in == null) {
                    return -1L;
                }
                CRC32 crc = new CRC32();
                crc.update(in.readAllBytes());
                return crc.getValue();
            } catch (IOException e) {
                return -1L;
            }
        });
    }

    private static boolean isJdk(String internalName) {
        for (String prefix : JDK_PREFIXES) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Adds the internal names of the classes a class file's constant pool names (array types by their element). */
    static void classNames(byte[] bytes, Set<String> into) {
        int count = u2(bytes, 8);
        int[] offsets = new int[count];
        int position = 10;
        for (int index = 1; index < count; index++) {
            offsets[index] = position;
            int tag = bytes[position] & 0xff;
            switch (tag) {
                case 1 -> position += 3 + u2(bytes, position + 1); // Utf8
                case 3, 4, 9, 10, 11, 12, 17, 18 -> position += 5;
                case 5, 6 -> { // Long, Double: two entries
                    position += 9;
                    index++;
                }
                case 7, 8, 16, 19, 20 -> position += 3;
                case 15 -> position += 4;
                default -> throw new IllegalArgumentException("not a class file: constant tag " + tag);
            }
        }
        for (int index = 1; index < count; index++) {
            int at = offsets[index];
            if (at != 0 && (bytes[at] & 0xff) == 7) {
                String name = utf8(bytes, offsets[u2(bytes, at + 1)]);
                int element = name.lastIndexOf('[') + 1;
                if (element == 0) {
                    into.add(name);
                } else if (name.charAt(element) == 'L') {
                    into.add(name.substring(element + 1, name.length() - 1));
                }
            }
        }
    }

    private static int u2(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
    }

    /** A CONSTANT_Utf8 as Java text (modified UTF-8; class names are plain enough for this decoding). */
    private static String utf8(byte[] bytes, int at) {
        int length = u2(bytes, at + 1);
        return new String(bytes, at + 3, length, StandardCharsets.UTF_8);
    }
}
