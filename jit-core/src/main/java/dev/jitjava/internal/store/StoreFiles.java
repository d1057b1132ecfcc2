package dev.jitjava.internal.store;

import dev.jitjava.JitException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes store files so that a reader sees the old file or the new one, never half of one: the
 * text goes to a temporary file in the same folder, which is then renamed over the target.
 */
public final class StoreFiles {
    static final String TEMP_PREFIX = ".tmp-";

    private StoreFiles() {
    }

    public static void writeAtomically(Path target, String text) {
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeAtomically(Path target, byte[] bytes) {
        Path folder = target.getParent();
        Path temp = folder.resolve(TEMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(folder);
            Files.write(temp, bytes);
            move(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new JitException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JitException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes temporary files that a process killed mid-write left behind for {@code target}. */
    public static void removeLeftovers(Path target) {
        Path folder = target.getParent();
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder,
                TEMP_PREFIX + escapeGlob(target.getFileName().toString()) + "-*")) {
            for (Path leftover : leftovers) {
                deleteQuietly(leftover);
            }
        } catch (IOException e) {
            // Leftovers are harmless: readers never look at temporary files.
        }
    }

    public static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Nothing to do: the file is a temporary one that readers ignore.
        }
    }

    private static String escapeGlob(String name) {
        return name.replaceAll("([\\[\\]{}*?\\\\,])", "\\\\$1");
    }
}
