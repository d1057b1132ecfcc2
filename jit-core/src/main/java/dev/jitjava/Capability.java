package dev.jitjava;

/**
 * What generated code may do beyond pure computation, when granted with {@link Allow} on an
 * interface or {@link Jit.Builder#allow}. The allowlist files under
 * {@code dev/jitjava/verify/} say which JDK members each one opens.
 */
public enum Capability {
    /** Read files ({@code java.nio.file.Files.readString}, {@code FileReader}, ...). */
    FILES_READ,
    /** Write, create, move and delete files. */
    FILES_WRITE,
    /** Sockets, URLs, HTTP. */
    NETWORK,
    /** Read JVM settings: system properties, default locale and time zone. */
    ENVIRONMENT,
    /** Start threads, use executors and parallel streams. */
    THREADS,
    /** Print to {@code System.out} and {@code System.err}. Granted by default. */
    CONSOLE,
    /**
     * Keep state between calls: write into static fields (and the arrays, collections and objects
     * they hold) after class initialization. Such state is shared by every caller and every thread,
     * and lives outside the per-call budgets (a list that each call appends to grows without bound).
     */
    STATE
}
