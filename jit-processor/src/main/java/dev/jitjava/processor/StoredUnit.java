package dev.jitjava.processor;

import dev.jitjava.internal.store.Metadata;
import dev.jitjava.internal.store.MetadataJson;
import dev.jitjava.internal.store.MethodStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A stored method as the processor reads it: its metadata and its current source. Unlike
 * {@link MethodStore#load}, it never writes (a build reads the store, it does not repair it).
 *
 * @param source        the text of the {@code .java} file (or of the current version when the file is absent)
 * @param sourceFile    the {@code .java} file, which messages name
 * @param editedByHand  whether the {@code .java} file matches no stored version
 */
record StoredUnit(Metadata metadata, String source, Path sourceFile, boolean editedByHand) {

    /** Approved, or edited (by hand, or by a reviewer): what {@code -Ajit.approved=true} accepts. */
    boolean reviewed() {
        return editedByHand || metadata.status() != Metadata.Status.GENERATED;
    }

    /** The status as {@code jit ls} shows it. */
    String status() {
        return editedByHand ? "edited by hand" : metadata.status().text();
    }

    /**
     * The method stored under {@code store} for {@code owner} (the interface's binary name) and {@code key}
     * ({@code countVowels(java.lang.String)}), if there is one.
     *
     * @throws IllegalStateException naming the file when the metadata cannot be read, or a {@code .java}
     *                               file has no metadata beside it
     */
    static Optional<StoredUnit> read(Path store, String owner, String key) {
        Path folder = MethodStore.ownerFolder(store, owner);
        Path json = folder.resolve(key + ".json");
        Path java = folder.resolve(key + ".java");
        String metadataText = readIfPresent(json);
        if (metadataText == null) {
            if (Files.exists(java)) {
                throw new IllegalStateException(java + " has no metadata beside it (" + json.getFileName()
                        + "), so jit-java cannot tell what it is: restore the .json file, or delete the .java file");
            }
            return Optional.empty();
        }
        Metadata metadata;
        try {
            metadata = MetadataJson.read(metadataText);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read " + json + ": " + e.getMessage()
                    + ". Repair it, or delete it with its .java file to have the method written again");
        }
        if (metadata.versions().isEmpty()) {
            throw new IllegalStateException("Cannot read " + json + ": it has no versions");
        }
        String current = metadata.current().sourceText();
        String source = readIfPresent(java);
        if (source == null || source.equals(current)) {
            return Optional.of(new StoredUnit(metadata, current, java, false));
        }
        for (Metadata.VersionRecord version : metadata.versions()) {
            if (version.sourceText().equals(source)) { // a write that stopped between the metadata and the source
                return Optional.of(new StoredUnit(metadata, current, java, false));
            }
        }
        return Optional.of(new StoredUnit(metadata, source, java, true));
    }

    private static String readIfPresent(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage());
        }
    }
}
