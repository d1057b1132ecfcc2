package dev.jitjava.internal.store;

import dev.jitjava.JitException;
import dev.jitjava.internal.method.Messages;
import dev.jitjava.internal.method.MethodKey;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Generated methods on disk, as plain files meant to be read, edited, reviewed and committed:
 *
 * <pre>
 * .jit/
 *   dev.example.Numbers/
 *     countVowels(java.lang.String).java    the current source, exactly what is compiled
 *     countVowels(java.lang.String).json    metadata and every version
 *     transcripts/countVowels(java.lang.String).v1.jsonl   the conversation that wrote version 1
 *   object/scratch/...                      methods of jit.object("scratch")
 *   .cache/                                 compiled classes, snapshots and lock files; safe to delete
 *   .gitignore                              ignores .cache/
 * </pre>
 *
 * <p>Every write is atomic (temporary file, then rename), metadata first: a crash between the two
 * writes leaves a {@code .java} that matches an earlier version, which the next load restores.
 * A {@code .java} that matches no version was edited by hand. Files are never deleted for you.
 * {@link #locked} holds a file lock per method, so processes sharing a store generate a method once.
 */
public final class MethodStore {
    private static final Map<Path, ReentrantLock> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();
    /** The folder of transcripts, beside an owner's methods and in the .cache. */
    static final String TRANSCRIPTS = "transcripts";

    private final Path root;
    private final StoreCache cache;

    public MethodStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.cache = new StoreCache(this.root);
    }

    /** The store's .cache: compiled, verified and implementation classes. */
    public StoreCache cache() {
        return cache;
    }

    /**
     * A stored method as found.
     *
     * @param sourceHash the SHA-256 of {@code source}: taken from the metadata when the file is the
     *                   current version, so that loading an unedited method hashes nothing
     */
    public record Stored(Metadata metadata, String source, boolean editedByHand, String sourceHash, Stamps stamps) {
    }

    /**
     * The stamps of a method's files taken before they were read, or null when either had changed
     * too recently to be trusted (see {@link FileStamp}).
     */
    public record Stamps(FileStamp json, FileStamp java) {
        public static Stamps take(Path json, Path java) {
            FileStamp jsonStamp = FileStamp.of(json);
            FileStamp javaStamp = FileStamp.of(java);
            long now = System.currentTimeMillis();
            boolean settled = jsonStamp != null && javaStamp != null && jsonStamp.settledAt(now) && javaStamp.settledAt(now);
            return settled ? new Stamps(jsonStamp, javaStamp) : null;
        }
    }

    public Path root() {
        return root;
    }

    public Path sourceFile(MethodKey key) {
        return folder(key).resolve(key.signature() + ".java");
    }

    public Path metadataFile(MethodKey key) {
        return folder(key).resolve(key.signature() + ".json");
    }

    /**
     * The stored method, if there is one.
     *
     * @throws JitException naming the file if the metadata cannot be read, or if a {@code .java} file
     *                      has no metadata beside it
     */
    public Optional<Stored> load(MethodKey key) {
        Path json = metadataFile(key);
        Path java = sourceFile(key);
        if (!Files.exists(json)) {
            if (Files.exists(java)) {
                throw new JitException(Messages.forMethod(key, java + " has no metadata beside it (" + json.getFileName() + "), so jit-java "
                        + "cannot tell what it is and will not overwrite it: restore the .json file, or delete the "
                        + ".java file to have the method written again"));
            }
            return Optional.empty();
        }
        Stamps stamps = Stamps.take(json, java); // before reading: an edit after this changes the stamp
        Metadata metadata = readMetadata(json, key);
        String current = metadata.current().sourceText();
        if (!Files.exists(java)) {
            StoreFiles.writeAtomically(java, current);
            return Optional.of(new Stored(metadata, current, false, metadata.sourceHash(), null));
        }
        String source = StoreFiles.read(java);
        if (source.equals(current)) {
            return Optional.of(new Stored(metadata, source, false, metadata.sourceHash(), stamps));
        }
        for (Metadata.VersionRecord version : metadata.versions()) {
            if (version.sourceText().equals(source)) { // a write that stopped between the metadata and the source
                StoreFiles.writeAtomically(java, current);
                return Optional.of(new Stored(metadata, current, false, metadata.sourceHash(), null));
            }
        }
        return Optional.of(new Stored(metadata, source, true, SpecRecord.sha256(source), null));
    }

    /**
     * The snapshot entry of a method whose {@code .java} and {@code .json} files are exactly as they
     * were when it was {@linkplain #remember remembered}, or null: a start binds such a method
     * without reading its files.
     */
    public Snapshot.Entry unchanged(MethodKey key) {
        Snapshot.Entry entry = cache.snapshot(key.owner()).entry(key.signature());
        if (entry == null || !entry.java().equals(FileStamp.of(sourceFile(key)))
                || !entry.json().equals(FileStamp.of(metadataFile(key)))) {
            return null;
        }
        return entry;
    }

    /**
     * Remembers a method that loaded from its files, for {@link #unchanged}: only if it was current
     * and unedited, its files had settled when it was read and have not been written since, and
     * it has no libraries (whose jars are checked on every load).
     *
     * @param policy the policy {@code linked} passed the verifier under
     * @param linked the verified classes, renamed and ordered for the cache
     */
    public void remember(MethodKey key, Stored stored, String policy, StoreCache.LinkedClasses linked, String mainName) {
        Metadata metadata = stored.metadata();
        if (stored.stamps() == null || stored.editedByHand() || !metadata.dependencies().isEmpty()) {
            return;
        }
        SpecRecord spec = metadata.spec();
        cache.updateSnapshot(key.owner(), key.signature(), new Snapshot.Entry(stored.stamps().json(),
                stored.stamps().java(), new SpecRecord(spec.signature(), spec.description(), List.of(), spec.context(),
                spec.prompt()), metadata.addedExamples(), metadata.checksHash(), policy, linked.descriptor(), mainName,
                linked.classes()));
    }

    /**
     * The stamps of a method's {@code .java} and {@code .json} as one text, for caches of what was built
     * from them; empty when either is missing or changed too recently to be trusted by its stamp.
     */
    public Optional<String> stamp(MethodKey key) {
        Stamps stamps = Stamps.take(metadataFile(key), sourceFile(key));
        return stamps == null ? Optional.empty() : Optional.of(stamps.json().size() + ":" + stamps.json().modifiedNanos()
                + ":" + stamps.json().fileKey() + "/" + stamps.java().size() + ":" + stamps.java().modifiedNanos() + ":"
                + stamps.java().fileKey());
    }

    /** The conversation that wrote a version: {@code transcripts/countVowels(java.lang.String).v3.jsonl} beside the metadata. */
    public Path transcriptFile(MethodKey key, int version) {
        return folder(key).resolve(TRANSCRIPTS).resolve(key.signature() + ".v" + version + ".jsonl");
    }

    /** The conversation of the last generation that failed, in the .cache: nothing of a failure is stored. */
    public Path failedTranscriptFile(MethodKey key) {
        return cacheFolder(key).resolve(TRANSCRIPTS).resolve(key.signature() + ".failed.jsonl");
    }

    /** Writes the transcript of a version about to be recorded (replacing one a crash left behind). */
    public void saveTranscript(MethodKey key, int version, String jsonLines) {
        ensureRoot();
        StoreFiles.writeAtomically(transcriptFile(key, version), jsonLines);
    }

    /** Keeps the transcript of a failed generation in the .cache, replacing the one before. */
    public void saveFailedTranscript(MethodKey key, String jsonLines) {
        ensureRoot();
        StoreFiles.writeAtomically(failedTranscriptFile(key), jsonLines);
    }

    /** Writes a method's metadata, then its current source; creates the store on first use. */
    public void save(MethodKey key, Metadata metadata) {
        ensureRoot();
        Path json = metadataFile(key);
        Path java = sourceFile(key);
        StoreFiles.removeLeftovers(json);
        StoreFiles.removeLeftovers(java);
        StoreFiles.writeAtomically(json, MetadataJson.write(metadata));
        StoreFiles.writeAtomically(java, metadata.current().sourceText());
    }

    /** Runs {@code action} holding this method's lock, against other threads and other processes alike. */
    public <T> T locked(MethodKey key, Supplier<T> action) {
        Path lockFile = cacheFolder(key).resolve(key.signature() + ".lock");
        ReentrantLock inProcess = IN_PROCESS_LOCKS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        inProcess.lock();
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new JitException(Messages.forMethod(key, "Cannot lock " + lockFile + ": " + e.getMessage()), e);
        } finally {
            inProcess.unlock();
        }
    }

    /**
     * One stored method, found by listing the store.
     *
     * @param key       the method's key, its owner label taken from the folder's name
     * @param source    its {@code .java} file
     */
    public record Listed(MethodKey key, Path source, Path metadataFile, Metadata metadata) {
        /** The store's name for the owner: an interface's binary name, {@code object/<namespace>}, ... */
        public String owner() {
            return key.owner();
        }

        /** {@code countVowels(java.lang.String)}. */
        public String signature() {
            return key.signature();
        }
    }

    /** Every stored method, sorted by owner and signature; unreadable metadata fails naming its file. */
    public List<Listed> list() {
        List<Listed> listed = new java.util.ArrayList<>();
        for (Path json : metadataFiles()) {
            Path relative = root.relativize(json);
            String file = json.getFileName().toString();
            String signature = file.substring(0, file.length() - ".json".length());
            String first = relative.getName(0).toString();
            // object/<namespace>, file/<Class>, shell/session: two folders, labelled by the second; an interface:
            // one, labelled by its simple name
            boolean twoFolders = relative.getNameCount() == 3;
            String owner = twoFolders ? first + "/" + relative.getName(1) : first;
            String label = twoFolders ? relative.getName(1).toString()
                    : owner.substring(Math.max(owner.lastIndexOf('.'), owner.lastIndexOf('$')) + 1);
            MethodKey key = MethodKey.of(owner, label, signature);
            listed.add(new Listed(key, json.resolveSibling(signature + ".java"), json, readMetadata(json, key)));
        }
        return listed;
    }

    /** Marks a stored method approved, keeping everything else. */
    public void approve(Listed method) {
        StoreFiles.writeAtomically(method.metadataFile(),
                MetadataJson.write(method.metadata().withStatus(Metadata.Status.APPROVED)));
    }

    /** Deletes a stored method's files and its transcripts: the next call writes it again. */
    public void remove(Listed method) {
        try {
            Files.deleteIfExists(method.source());
            Files.deleteIfExists(method.metadataFile());
            for (Metadata.VersionRecord version : method.metadata().versions()) {
                Files.deleteIfExists(transcriptFile(method.key(), version.number()));
            }
            Files.deleteIfExists(failedTranscriptFile(method.key()));
            deleteIfEmpty(transcriptFile(method.key(), 1).getParent());
        } catch (IOException e) {
            throw new JitException("Cannot delete " + method.source() + ": " + e.getMessage(), e);
        }
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> left = Files.list(folder)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(folder);
                }
            }
        }
    }

    /** Every stored method's metadata file, sorted. */
    public List<Path> metadataFiles() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !root.relativize(f).startsWith(".cache"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new JitException("Cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    private Metadata readMetadata(Path json, MethodKey key) {
        String problem;
        Exception cause;
        try {
            Metadata metadata = MetadataJson.read(StoreFiles.read(json));
            if (!metadata.versions().isEmpty()) {
                return metadata;
            }
            problem = "it has no versions";
            cause = null;
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
            cause = e;
        }
        throw new JitException(Messages.forMethod(key, "Cannot read " + json + ": " + problem + ". The file was left as "
                + "it is: repair it, or delete it with its .java file to have the method written again"), cause);
    }

    private void ensureRoot() {
        ensureRoot(root);
    }

    /** Creates the store with its .gitignore, if it is not there yet. */
    public static void ensureRoot(Path root) {
        Path ignore = root.resolve(".gitignore");
        if (!Files.exists(ignore)) {
            StoreFiles.writeAtomically(ignore, "# Compiled classes and lock files: safe to delete, never committed.\n"
                    + "/.cache/\n");
        }
    }

    private Path folder(MethodKey key) {
        return ownerFolder(root, key.owner());
    }

    private Path cacheFolder(MethodKey key) {
        return ownerFolder(root.resolve(".cache"), key.owner());
    }

    /** The folder of an owner's methods under {@code base}: {@code base/<interface>} or {@code base/object/<namespace>}. */
    public static Path ownerFolder(Path base, String owner) {
        int slash = owner.indexOf('/');
        return slash < 0 ? base.resolve(owner) : base.resolve(owner.substring(0, slash)).resolve(owner.substring(slash + 1));
    }
}
