package dev.jitjava.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * What a file looked like, short of reading it: size, modification time and identity (the inode
 * on Unix). A file rewritten or edited in place gets another stamp. Git's index trusts the same
 * things; like git, a file modified within {@link #SETTLE_MILLIS} of being stamped is not trusted,
 * since a second edit in the same tick of the file system's clock could keep its time and size.
 *
 * @param fileKey the file system's identity of the file, "" where it has none
 */
public record FileStamp(long size, long modifiedNanos, String fileKey) {
    /** Coarser than the clock of any common file system (FAT counts in 2 s). */
    static final long SETTLE_MILLIS = 2_000;

    /** The file's stamp, or null if it cannot be read. */
    public static FileStamp of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Object key = attributes.fileKey();
            return new FileStamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    key == null ? "" : key.toString());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    // Written out: a record's generated equals bootstraps through invokedynamic, tens of milliseconds
    // on first use, and this one runs for every stored method at start-up.
    @Override
    public boolean equals(Object other) {
        return other instanceof FileStamp stamp && size == stamp.size && modifiedNanos == stamp.modifiedNanos
                && fileKey.equals(stamp.fileKey);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Long.hashCode(modifiedNanos) * 17 + fileKey.hashCode();
    }

    /** Whether the file was last modified long enough before {@code nowMillis} for its stamp to be trusted. */
    public boolean settledAt(long nowMillis) {
        return TimeUnit.NANOSECONDS.toMillis(modifiedNanos) <= nowMillis - SETTLE_MILLIS;
    }
}
