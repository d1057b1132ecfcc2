package dev.jitjava.spi;

import dev.jitjava.JitException;
import dev.jitjava.internal.store.Metadata;
import dev.jitjava.internal.store.MethodStore;
import dev.jitjava.internal.store.StoreFiles;
import dev.jitjava.internal.observe.TranscriptText;
import dev.jitjava.internal.engine.Versions;
import dev.jitjava.internal.method.MethodKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads a store as its files are: every stored method with its metadata, and the two changes a
 * person makes by hand besides editing a source, approving and removing. For tools such as
 * {@code jit ls}; a {@code Jit} reads its store on its own.
 */
public final class StoreBrowser {
    private final MethodStore store;

    private StoreBrowser(Path root) {
        this.store = new MethodStore(root);
    }

    /**
     * The store in a folder.
     *
     * @param root the folder, which need not exist yet: it then holds nothing
     * @return the store
     */
    public static StoreBrowser open(Path root) {
        return new StoreBrowser(Objects.requireNonNull(root, "root"));
    }

    /**
     * The store's folder.
     *
     * @return the folder, absolute
     */
    public Path root() {
        return store.root();
    }

    /**
     * Every stored method, sorted by owner and signature.
     *
     * @return the methods
     * @throws JitException naming the file when a {@code .json} cannot be read
     */
    public List<StoredMethod> list() {
        return store.list().stream().map(StoreBrowser::describe).toList();
    }

    /**
     * The stored methods a person means by {@code query}: a name ({@code countVowels}), {@code Type.name},
     * a signature ({@code countVowels(java.lang.String)}) or {@code Type.signature}, the owner named by
     * its label or its full store name. Spaces are ignored.
     *
     * @param query what the person typed
     * @return the methods it matches
     */
    public List<StoredMethod> find(String query) {
        String wanted = query.replace(" ", "");
        return list().stream().filter(method -> matches(method, wanted)).toList();
    }

    /**
     * Marks a stored method approved (reviewed), keeping everything else.
     *
     * @param method the method
     */
    public void approve(StoredMethod method) {
        store.approve(listed(method));
    }

    /**
     * The conversation that wrote a version of a stored method, if it was kept: versions written before
     * transcripts existed, and a person's edits, have none.
     *
     * @param method  the method
     * @param version its version, from 1
     * @return the transcript
     * @throws JitException naming the file when it cannot be read
     */
    public Optional<Transcript> transcript(StoredMethod method, int version) {
        Path file = store.transcriptFile(key(method.owner(), method.signature()), version);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String jsonLines = StoreFiles.read(file);
        try {
            return Optional.of(new Transcript(file, version, TranscriptText.render(jsonLines),
                    TranscriptText.why(jsonLines)));
        } catch (IllegalArgumentException e) {
            throw new JitException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes a stored method's {@code .java}, {@code .json} and transcripts: its next call writes it again.
     *
     * @param method the method
     */
    public void remove(StoredMethod method) {
        store.remove(listed(method));
    }

    /**
     * The stamps of a stored method's files (size, modification time, file key) as one text; empty when
     * it is not stored, or a file changed too recently (within 2 s) to be trusted by its stamp.
     *
     * @param owner     the store's name for the owner: {@code file/Vowels}
     * @param signature {@code countVowels(java.lang.String)}
     * @return the stamps as one text
     */
    public Optional<String> stamp(String owner, String signature) {
        return store.stamp(key(owner, signature));
    }

    /**
     * A stored method's current source, reading its files.
     *
     * @param owner     the store's name for the owner
     * @param signature the method's signature
     * @return the source, if it is stored
     */
    public Optional<String> source(String owner, String signature) {
        return store.load(key(owner, signature)).map(MethodStore.Stored::source);
    }

    /**
     * The builds a host keeps for an owner in the store's {@code .cache}.
     *
     * @param owner the store's name for the owner
     * @return the cache
     */
    public BuildCache buildCache(String owner) {
        return new BuildCache() {
            @Override
            public Optional<Build> read(String key) {
                return store.cache().build(owner, key);
            }

            @Override
            public void write(String key, Build build) {
                store.cache().cacheBuild(owner, key, build);
            }
        };
    }

    private static MethodKey key(String owner, String signature) {
        String label = owner.substring(Math.max(owner.lastIndexOf('/'), Math.max(owner.lastIndexOf('.'),
                owner.lastIndexOf('$'))) + 1);
        return MethodKey.of(owner, label, signature);
    }

    private MethodStore.Listed listed(StoredMethod method) {
        return store.list().stream().filter(l -> l.metadataFile().equals(method.metadataFile())).findFirst()
                .orElseThrow(() -> new JitException(method.metadataFile() + " is no longer in the store"));
    }

    private static boolean matches(StoredMethod method, String query) {
        String signature = method.signature();
        String name = method.name();
        return query.equals(name) || query.equals(signature)
                || query.equals(method.ownerLabel() + "." + name) || query.equals(method.ownerLabel() + "." + signature)
                || query.equals(method.owner() + "." + name) || query.equals(method.owner() + "." + signature);
    }

    private static StoredMethod describe(MethodStore.Listed listed) {
        Metadata metadata = listed.metadata();
        return new StoredMethod(listed.owner(), listed.key().ownerLabel(), listed.signature(), listed.source(),
                listed.metadataFile(), metadata.status().text(), metadata.model(), Versions.of(metadata),
                metadata.tokens() == null ? -1 : metadata.tokens().input(),
                metadata.tokens() == null ? -1 : metadata.tokens().output(),
                metadata.totalCost() == null ? OptionalDouble.empty() : OptionalDouble.of(metadata.totalCost()));
    }
}
