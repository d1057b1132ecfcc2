package dev.jitjava.internal.dependency;

import java.nio.file.Path;

/**
 * One resolved jar: an added dependency or one of its own dependencies.
 *
 * @param coordinates {@code group:artifact:version} (with {@code :classifier} when it has one)
 * @param file        the jar in the local repository
 * @param sha256      the jar's SHA-256, hex
 */
public record Artifact(String coordinates, Path file, String sha256) {

    public String groupId() {
        return coordinates.substring(0, coordinates.indexOf(':'));
    }
}
