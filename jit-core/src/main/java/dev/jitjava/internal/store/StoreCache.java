package dev.jitjava.internal.store;

import dev.jitjava.internal.method.MethodKey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The store's {@code .cache/}: what jit-java derived from the stored sources, kept so that a later
 * start does not derive it again. javac's classes (keyed by source hash, JDK and jit-java), the
 * verified and instrumented classes of each method (keyed by those and the policy they passed
 * under), each interface's implementation class, and each interface's {@link Snapshot}.
 * Everything here is a shortcut: a missing, unreadable or damaged entry is a miss, never an error;
 * writes go to a temporary name first.
 */
public final class StoreCache {
    private static final String JIT_VERSION = jitVersion();

    private final Path root;
    private final Path cacheRoot;
    private final ConcurrentHashMap<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    /** @param root the store */
    public StoreCache(Path root) {
        this.root = root;
        this.cacheRoot = root.resolve(".cache");
    }

    /** Classes compiled earlier from this exact source, by this JDK and this jit-java. */
    public Optional<Map<String, byte[]>> cachedClasses(MethodKey key, String sourceHash) {
        return readClasses(classesFolder(key, sourceHash));
    }

    /** The world {@link #cachedClasses} were compiled in, as {@link #cacheClasses} was given it; "" if unknown. */
    public String cachedWorld(MethodKey key, String sourceHash) {
        try {
            return Files.readString(classesFolder(key, sourceHash).resolve(WORLD_FILE));
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Keeps compiled classes for {@link #cachedClasses}, with a digest of the classes outside them they were
     * compiled against; a failure to write only costs a later compilation.
     */
    public void cacheClasses(MethodKey key, String sourceHash, Map<String, byte[]> classes, String world) {
        writeClasses(classesFolder(key, sourceHash), classes, world);
    }

    /**
     * Classes of this exact source that passed the verifier and were instrumented under {@code policy},
     * in an order they can be defined in, with the method's descriptor; empty when there are none.
     */
    public record LinkedClasses(Map<String, byte[]> classes, String descriptor, String world) {
    }

    public Optional<LinkedClasses> linkedClasses(MethodKey key, String sourceHash, String policy) {
        byte[] bytes;
        try {
            bytes = readAll(linkedFile(key, sourceHash, policy));
        } catch (IOException e) {
            return Optional.empty();
        }
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            if (!in.readUTF().equals(LINKED_FORMAT)) {
                return Optional.empty();
            }
            String descriptor = in.readUTF();
            String world = in.readUTF();
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int count = in.readInt(); count > 0; count--) {
                String name = in.readUTF();
                byte[] classBytes = new byte[in.readInt()];
                in.readFully(classBytes);
                classes.put(name, classBytes);
            }
            return Optional.of(new LinkedClasses(classes, descriptor, world));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged entry is a miss: verify and write it again
        }
    }

    /**
     * Keeps verified, instrumented classes for {@link #linkedClasses}, in one file (one read at
     * start-up); a failure to write only costs time later.
     */
    public void cacheLinked(MethodKey key, String sourceHash, String policy, LinkedClasses linked) {
        Map<String, byte[]> classesInOrder = linked.classes();
        Path file = linkedFile(key, sourceHash, policy); // written over when there: it was a miss, so it is damaged
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeUTF(LINKED_FORMAT);
            out.writeUTF(linked.descriptor());
            out.writeUTF(linked.world());
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
            MethodStore.ensureRoot(root);
            StoreFiles.writeAtomically(file, bytes.toByteArray());
        } catch (RuntimeException e) {
            // the cache is only a shortcut
        }
    }

    /** The snapshot of an owner's methods, read from its file once per process; empty if there is none. */
    public Snapshot snapshot(String owner) {
        return snapshots.computeIfAbsent(owner, this::readSnapshot);
    }

    /**
     * Puts a method's entry into its owner's snapshot, merged with what the file has (another process
     * may have added entries); a failure to write only costs time later.
     */
    public synchronized void updateSnapshot(String owner, String signature, Snapshot.Entry entry) {
        Snapshot updated = readSnapshot(owner).with(signature, entry);
        snapshots.put(owner, updated);
        try {
            StoreFiles.writeAtomically(snapshotFile(owner), updated.toBytes());
        } catch (RuntimeException e) {
            // the cache is only a shortcut
        }
    }

    private Snapshot readSnapshot(String owner) {
        try {
            return Snapshot.fromBytes(readAll(snapshotFile(owner)));
        } catch (IOException e) {
            return Snapshot.empty();
        }
    }

    /**
     * A file's bytes through {@code java.io}: {@code Files.readAllBytes} goes through file channels,
     * some thirty classes that a plain program never loads.
     */
    private static byte[] readAll(Path file) throws IOException {
        try (java.io.FileInputStream in = new java.io.FileInputStream(file.toFile())) {
            return in.readAllBytes();
        }
    }

    private Path snapshotFile(String owner) {
        return MethodStore.ownerFolder(cacheRoot, owner).resolve("snapshot-" + RUNTIME_TAG + ".bin");
    }

    /**
     * A host's whole build kept under its own key (with the JDK and jit-java's version added), or empty;
     * a damaged entry is a miss.
     */
    public Optional<dev.jitjava.spi.BuildCache.Build> build(String owner, String key) {
        byte[] bytes;
        try {
            bytes = readAll(buildFile(owner, key));
        } catch (IOException e) {
            return Optional.empty();
        }
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            if (!in.readUTF().equals(BUILD_FORMAT) || !in.readUTF().equals(key)) {
                return Optional.empty();
            }
            Map<String, String> properties = new LinkedHashMap<>();
            for (int count = in.readInt(); count > 0; count--) {
                properties.put(in.readUTF(), in.readUTF());
            }
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int count = in.readInt(); count > 0; count--) {
                String name = in.readUTF();
                byte[] classBytes = new byte[in.readInt()];
                in.readFully(classBytes);
                classes.put(name, classBytes);
            }
            return Optional.of(new dev.jitjava.spi.BuildCache.Build(classes, properties));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Keeps a host's whole build; a failure to write only costs time later. */
    public void cacheBuild(String owner, String key, dev.jitjava.spi.BuildCache.Build build) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeUTF(BUILD_FORMAT);
            out.writeUTF(key);
            out.writeInt(build.properties().size());
            for (Map.Entry<String, String> entry : build.properties().entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeUTF(entry.getValue());
            }
            out.writeInt(build.classes().size());
            for (Map.Entry<String, byte[]> entry : build.classes().entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().length);
                out.write(entry.getValue());
            }
            MethodStore.ensureRoot(root);
            StoreFiles.writeAtomically(buildFile(owner, key), bytes.toByteArray());
        } catch (IOException | RuntimeException e) {
            // the cache is only a shortcut
        }
    }

    private Path buildFile(String owner, String key) {
        return MethodStore.ownerFolder(cacheRoot, owner).resolve("build-"
                + dev.jitjava.internal.bind.Fingerprint.of(key) + "-" + RUNTIME_TAG + ".bin");
    }

    /** An interface's implementation class kept under {@code key}, or null. */
    public byte[] implementationClass(String owner, String key) {
        try {
            return readAll(implementationFile(owner, key));
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

    private Path folder(MethodKey key) {
        return MethodStore.ownerFolder(cacheRoot, key.owner());
    }

    private Path implementationFile(String owner, String key) {
        return cacheRoot.resolve(owner).resolve("implementation-" + key + "-" + RUNTIME_TAG + ".class");
    }

    private static Optional<Map<String, byte[]>> readClasses(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        List<Path> files = new java.util.ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
            listing.forEach(files::add);
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
    private void writeClasses(Path folder, Map<String, byte[]> classes, String world) {
        if (Files.isDirectory(folder)) {
            return;
        }
        Path temp = folder.resolveSibling(StoreFiles.TEMP_PREFIX + folder.getFileName() + "-" + System.nanoTime());
        try {
            MethodStore.ensureRoot(root);
            Files.createDirectories(temp);
            for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
                Files.write(temp.resolve(entry.getKey() + ".class"), entry.getValue());
            }
            Files.writeString(temp.resolve(WORLD_FILE), world);
            StoreFiles.move(temp, folder);
        } catch (IOException e) {
            deleteTree(temp);
        }
    }

    private Path linkedFile(MethodKey key, String sourceHash, String policy) {
        return folder(key).resolve(key.signature() + "-" + sourceHash.substring(0, 16) + "-" + RUNTIME_TAG + "-"
                + policy + ".linked");
    }

    /** Keyed by the source's SHA-256, the JDK and jit-java's version: a change to any compiles again. */
    private Path classesFolder(MethodKey key, String sourceHash) {
        return folder(key).resolve(key.signature() + "-" + sourceHash.substring(0, 16) + "-" + RUNTIME_TAG);
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

    /** The first entry of a build file: a change of layout makes old files misses. */
    private static final String BUILD_FORMAT = "jit-java build 1";
    /** The first entry of a .linked file: a change of layout makes old files misses. */
    private static final String LINKED_FORMAT = "jit-java linked classes 1+world";
    private static final String WORLD_FILE = "world";
    // java.runtime.version rather than Runtime.version().toString(), which builds its text with streams
    private static final String RUNTIME_TAG = dev.jitjava.internal.bind.Fingerprint.of(System.getProperty("java.runtime.version")
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
                return Files.getLastModifiedTime(location).toMillis() + " " + Files.size(location);
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
        // From the jar's manifest, which the class loader has read already; from a resource when
        // running from a classes folder.
        String fromManifest = StoreCache.class.getPackage().getImplementationVersion();
        if (fromManifest != null) {
            return fromManifest;
        }
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
