package dev.jitjava.spi;

import java.util.Map;
import java.util.Optional;

/**
 * Where a host keeps what it built (a compiled program with its methods verified and instrumented),
 * in the store's {@code .cache}: jit-java's own output, safe to delete, never committed. Entries are
 * keyed by the host's own key, which must say everything the build depends on; jit-java adds the JDK
 * and its own version. A damaged entry reads as a miss.
 */
public interface BuildCache {
    /**
     * A kept build.
     *
     * @param classes    class files by binary name
     * @param properties what the host wants to check before it trusts the build (say, the stamps of the
     *                   stored methods it used)
     */
    record Build(Map<String, byte[]> classes, Map<String, String> properties) {
        /**
         * Copies both maps.
         *
         * @param classes class files by binary name
         * @param properties what the host wants to check before it trusts the build (say, the stamps of the stored methods it used)
         */
        public Build {
            classes = Map.copyOf(classes);
            properties = Map.copyOf(properties);
        }
    }

    /**
     * The build kept under a key.
     *
     * @param key the host's key
     * @return the build, or empty when there is none or it cannot be read
     */
    Optional<Build> read(String key);

    /**
     * Keeps a build; a failure to write only costs time later.
     *
     * @param key   the host's key, saying everything the build depends on
     * @param build the build
     */
    void write(String key, Build build);
}
