package dev.jitjava.store;

import dev.jitjava.JitException;
import dev.jitjava.prompt.MethodKey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
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
 *   object/scratch/...                      methods of jit.object("scratch")
 *   .cache/                                 compiled classes and lock files; safe to delete
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
    private static final String JIT_VERSION = jitVersion();

    private final Path root;

    public MethodStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A stored method: its metadata and source, and whether the source was edited by hand since it was stored. */
    /**
     * A stored method as found.
     *
     * @param sourceHash the SHA-256 of {@code source}: taken from the metadata when the file is the
     *                   current version, so that loading an unedited method hashes nothing
     */
    public record Stored(Metadata metadata, String source, boolean editedByHand, String sourceHash) {
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
                throw new JitException(java + " has no metadata beside it (" + json.getFileName() + "), so jit-java "
                        + "cannot tell what it is and will not overwrite it: restore the .json file, or delete the "
                        + ".java file to have the method written again, " + key.forMethod());
            }
            return Optional.empty();
        }
        Metadata metadata = readMetadata(json, key);
        String current = metadata.current().sourceText();
        if (!Files.exists(java)) {
            StoreFiles.writeAtomically(java, current);
            return Optional.of(new Stored(metadata, current, false, metadata.sourceHash()));
        }
        String source = StoreFiles.read(java);
        if (source.equals(current)) {
            return Optional.of(new Stored(metadata, source, false, metadata.sourceHash()));
        }
        for (Metadata.VersionRecord version : metadata.versions()) {
            if (version.sourceText().equals(source)) { // a write that stopped between the metadata and the source
                StoreFiles.writeAtomically(java, current);
                return Optional.of(new Stored(metadata, current, false, metadata.sourceHash()));
            }
        }
        return Optional.of(new Stored(metadata, source, true, SpecRecord.sha256(source)));
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
            throw new JitException("Cannot lock " + lockFile + ": " + e.getMessage() + ", " + key.forMethod(), e);
        } finally {
            inProcess.unlock();
        }
    }

    /** Classes compiled earlier from this exact source, by this JDK and this jit-java. */
    public Optional<Map<String, byte[]>> cachedClasses(MethodKey key, String sourceHash) {
        return readClasses(classesFolder(key, sourceHash));
    }

    /** Keeps compiled classes for {@link #cachedClasses}; a failure to write only costs a later compilation. */
    public void cacheClasses(MethodKey key, String sourceHash, Map<String, byte[]> classes) {
        writeClasses(classesFolder(key, sourceHash), classes);
    }

    /**
     * Classes of this exact source that passed the verifier and were instrumented under {@code policy},
     * in an order they can be defined in, with the method's descriptor; empty when there are none.
     */
    public record LinkedClasses(Map<String, byte[]> classes, String descriptor) {
    }

    public Optional<LinkedClasses> linkedClasses(MethodKey key, String sourceHash, String policy) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(linkedFile(key, sourceHash, policy));
        } catch (IOException e) {
            return Optional.empty();
        }
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            if (!in.readUTF().equals(LINKED_FORMAT)) {
                return Optional.empty();
            }
            String descriptor = in.readUTF();
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int count = in.readInt(); count > 0; count--) {
                String name = in.readUTF();
                byte[] classBytes = new byte[in.readInt()];
                in.readFully(classBytes);
                classes.put(name, classBytes);
            }
            return Optional.of(new LinkedClasses(classes, descriptor));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged entry is a miss: verify and write it again
        }
    }

    /**
     * Keeps verified, instrumented classes for {@link #linkedClasses}, in one file (one read at
     * start-up); a failure to write only costs time later.
     */
    public void cacheLinked(MethodKey key, String sourceHash, String policy, Map<String, byte[]> classesInOrder,
                            String descriptor) {
        Path file = linkedFile(key, sourceHash, policy); // written over when there: it was a miss, so it is damaged
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeUTF(LINKED_FORMAT);
            out.writeUTF(descriptor);
            out.writeInt(classesInOrder.size());
            for (Map.Entry<String, byte[]> entry : classesInOrder.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().length);
                out.write(entry.getValue());
            }
        } catch (IOException e) {
            return;
        }
        try {
            ensureRoot();
            StoreFiles.writeAtomically(file, bytes.toByteArray());
        } catch (RuntimeException e) {
            // the cache is only a shortcut
        }
    }

    /** An interface's implementation class kept under {@code key}, or null. */
    public byte[] implementationClass(String owner, String key) {
        try {
            return Files.readAllBytes(implementationFile(owner, key));
        } catch (IOException e) {
            return null;
        }
    }

    /** Keeps an interface's implementation class, once the store exists; a failure to write only costs time later. */
    public void cacheImplementationClass(String owner, String key, byte[] bytes) {
        if (!Files.isDirectory(root)) {
            return; // implement() alone does not create a store
        }
        Path file = implementationFile(owner, key);
        try {
            Files.createDirectories(file.getParent());
            StoreFiles.writeAtomically(file, bytes);
        } catch (IOException | RuntimeException e) {
            // the cache is only a shortcut
        }
    }

    private Path implementationFile(String owner, String key) {
        return root.resolve(".cache").resolve(owner).resolve("implementation-" + key + "-" + RUNTIME_TAG + ".class");
    }

    private static Optional<Map<String, byte[]>> readClasses(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        List<Path> files = new java.util.ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
            for (Path file : listing) { // no stream: this runs at start-up for every stored method
                files.add(file);
            }
            java.util.Collections.sort(files);
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class")) {
                    classes.put(name.substring(0, name.length() - 6), Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // the cache is only a shortcut: compile instead
        }
        return classes.isEmpty() ? Optional.empty() : Optional.of(classes);
    }

    /** Writes a folder of classes under a temporary name and moves it in whole. */
    private void writeClasses(Path folder, Map<String, byte[]> classes) {
        if (Files.isDirectory(folder)) {
            return;
        }
        Path temp = folder.resolveSibling(StoreFiles.TEMP_PREFIX + folder.getFileName() + "-" + System.nanoTime());
        try {
            ensureRoot();
            Files.createDirectories(temp);
            for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
                Files.write(temp.resolve(entry.getKey() + ".class"), entry.getValue());
            }
            StoreFiles.move(temp, folder);
        } catch (IOException e) {
            deleteTree(temp);
        }
    }

    /**
     * One stored method, found by listing the store.
     *
     * @param owner     the interface's binary name, or {@code object/<namespace>}
     * @param signature {@code countVowels(java.lang.String)}
     */
    public record Listed(String owner, String signature, Path source, Path metadataFile, Metadata metadata) {
    }

    /** Every stored method, sorted by owner and signature; unreadable metadata fails naming its file. */
    public List<Listed> list() {
        List<Listed> listed = new java.util.ArrayList<>();
        for (Path json : metadataFiles()) {
            Path relative = root.relativize(json);
            String file = json.getFileName().toString();
            String signature = file.substring(0, file.length() - ".json".length());
            String first = relative.getName(0).toString();
            // object/<namespace>, file/<Class>, shell/session: two folders; an interface: one
            String owner = relative.getNameCount() == 3 ? first + "/" + relative.getName(1) : first;
            int open = signature.indexOf('(');
            String parameters = open < 0 ? "" : signature.substring(open + 1, signature.length() - 1);
            String label = owner.substring(owner.lastIndexOf('.') + 1).replace('$', '.');
            MethodKey key = new MethodKey(owner, label, open < 0 ? signature : signature.substring(0, open),
                    parameters.isEmpty() ? List.of() : List.of(parameters.split(",")));
            listed.add(new Listed(owner, signature, json.resolveSibling(signature + ".java"), json, readMetadata(json, key)));
        }
        return listed;
    }

    /** Marks a stored method approved, keeping everything else. */
    public void approve(Listed method) {
        Metadata m = method.metadata();
        Metadata approved = new Metadata(m.owner(), m.signature(), Metadata.APPROVED, m.specHash(), m.spec(), m.model(),
                m.created(), m.attempts(), m.tokens(), m.sourceHash(), m.regenerated(), m.versions(), m.checks(),
                m.addedExamples(), m.dependencies());
        StoreFiles.writeAtomically(method.metadataFile(), MetadataJson.write(approved));
    }

    /** Deletes a stored method's files (and its compiled classes): the next call writes it again. */
    public void remove(Listed method) {
        try {
            Files.deleteIfExists(method.source());
            Files.deleteIfExists(method.metadataFile());
        } catch (IOException e) {
            throw new JitException("Cannot delete " + method.source() + ": " + e.getMessage(), e);
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
        throw new JitException("Cannot read " + json + ": " + problem + ". The file was left as it is: repair it, or "
                + "delete it with its .java file to have the method written again, " + key.forMethod(), cause);
    }

    private void ensureRoot() {
        Path ignore = root.resolve(".gitignore");
        if (!Files.exists(ignore)) {
            StoreFiles.writeAtomically(ignore, "# Compiled classes and lock files: safe to delete, never committed.\n"
                    + "/.cache/\n");
        }
    }

    private Path folder(MethodKey key) {
        String owner = key.owner();
        int slash = owner.indexOf('/');
        return slash < 0 ? root.resolve(owner) : root.resolve(owner.substring(0, slash)).resolve(owner.substring(slash + 1));
    }

    private Path cacheFolder(MethodKey key) {
        return root.resolve(".cache").resolve(root.relativize(folder(key)));
    }

    private Path linkedFile(MethodKey key, String sourceHash, String policy) {
        return cacheFolder(key).resolve(key.signature() + "-" + sourceHash.substring(0, 16) + "-" + RUNTIME_TAG + "-"
                + policy + ".linked");
    }

    /** Keyed by the source's SHA-256, the JDK and jit-java's version: a change to any compiles again. */
    private Path classesFolder(MethodKey key, String sourceHash) {
        return cacheFolder(key).resolve(key.signature() + "-" + sourceHash.substring(0, 16) + "-" + RUNTIME_TAG);
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(StoreFiles::deleteQuietly);
        } catch (IOException e) {
            // A leftover temporary folder under .cache/ is harmless.
        }
    }

    // java.runtime.version rather than Runtime.version().toString(), which builds its text with streams
    /** The first entry of a .linked file: a change of layout makes old files misses. */
    private static final String LINKED_FORMAT = "jit-java linked classes 1";
    private static final String RUNTIME_TAG = dev.jitjava.bind.Fingerprint.of(System.getProperty("java.runtime.version")
            + "\u0000" + System.getProperty("java.vm.vendor") + "\u0000" + JIT_VERSION + "\u0000" + snapshotBuild());

    /**
     * For a -SNAPSHOT jit-java, when its verifier and allowlist were built: a rebuilt snapshot may
     * verify differently under the same version, so its .cache entries must not be reused. A release
     * is told apart by its version alone.
     */
    private static String snapshotBuild() {
        if (!JIT_VERSION.endsWith("-SNAPSHOT")) {
            return "";
        }
        try {
            Path location = Path.of(MethodStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return Files.getLastModifiedTime(location) + " " + Files.size(location);
            }
            long newest = 0;
            try (java.nio.file.DirectoryStream<Path> verify = Files.newDirectoryStream(location.resolve("dev/jitjava/verify"))) {
                for (Path file : verify) {
                    newest = Math.max(newest, Files.getLastModifiedTime(file).toMillis());
                }
            }
            return Long.toString(newest);
        } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
            return Long.toString(System.nanoTime()); // unknown: no reuse across processes
        }
    }

    private static String jitVersion() {
        try (InputStream in = MethodStore.class.getResourceAsStream("/dev/jitjava/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
