package dev.jitjava.spi;

import dev.jitjava.Example;
import dev.jitjava.MissingMethodException;
import dev.jitjava.Version;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's side of a {@link MethodHost}: from {@link dev.jitjava.Jit#host}. A host asks for
 * each method it needs ({@link #require}), compiles them where they live, and has the engine check
 * what it compiled ({@link #accept}) before it defines anything. The engine applies the
 * {@code Jit}'s mode, model, tools, verifier, budgets, examples and store exactly as it does for an
 * interface's methods.
 *
 * <p>Thread safety: one host's methods are asked for from one thread at a time.
 */
public interface HostedMethods {
    /**
     * The method's current source: from the store when it is there and still what the request asks
     * for, else written by the model now (and stored). Calls the host's {@link MethodHost#compile}
     * for every candidate, and when a stored method's examples changed.
     *
     * @param method what the host's call asks for
     * @return the method's source, ready to compile where it lives
     * @throws MissingMethodException in LOCKED mode, when the method is missing or stale
     * @throws dev.jitjava.JitException when it cannot be written (the message names the method, the model,
     *                                  the attempts and the last problem); nothing is stored then
     */
    Ready require(MethodRequest method);

    /**
     * A method's source, ready to be compiled where it lives.
     *
     * @param source      as stored (members, imports first)
     * @param file        the stored {@code .java} file, which error messages name
     * @param written     true when the model wrote it in this call (rather than the store holding it)
     * @param libraries   the jars of the Maven libraries the method uses (resolved, their SHA-256 checked), in
     *                    order: the host puts them on the class path the method is compiled with and below
     *                    the class loader its classes are defined in; none for most methods
     */
    record Ready(String source, Path file, boolean written, List<Path> libraries) {
        /**
         * Copies the jars.
         *
         * @param source    as stored (members, imports first)
         * @param file      the stored {@code .java} file, which error messages name
         * @param written   true when the model wrote it in this call (rather than the store holding it)
         * @param libraries the jars of the Maven libraries the method uses, in order
         */
        public Ready {
            libraries = List.copyOf(libraries);
        }

        /**
         * A method that uses no library.
         *
         * @param source  as stored (members, imports first)
         * @param file    the stored {@code .java} file, which error messages name
         * @param written true when the model wrote it in this call (rather than the store holding it)
         */
        public Ready(String source, Path file, boolean written) {
            this(source, file, written, List.of());
        }
    }

    /**
     * Checks a method compiled where it lives: the signature, then the verifier; instruments its
     * classes with the budgets, and records a hand edit found in the store. A stored method that no
     * longer compiles where it lives is written again (in AUTO and REVIEW; a hand edit never is).
     *
     * @param method   what the host's call asks for
     * @param ready    what {@link #require} handed over
     * @param compiled the compilation where it lives
     * @return the method's own classes, to define instead of javac's; or a new source to compile
     * @throws dev.jitjava.VerificationException naming the member, the stored file and its line
     * @throws dev.jitjava.JitException naming the stored file and line of a compile error in a hand edit
     * @throws MissingMethodException in LOCKED mode, when it would have to be written again
     */
    Accepted accept(MethodRequest method, Ready ready, HostCompilation compiled);

    /** What {@link #accept} came to. */
    sealed interface Accepted {
        /**
         * The method's classes, verified and instrumented.
         *
         * @param classes the class files by binary name
         */
        record Checked(Map<String, byte[]> classes) implements Accepted {
            /**
             * Copies the classes.
             *
             * @param classes the verified, instrumented classes by binary name
             */
            public Checked {
                classes = Map.copyOf(classes);
            }
        }

        /**
         * The stored source no longer compiled where it lives and was written again: compile this one.
         *
         * @param ready the new source
         */
        record Rewritten(Ready ready) implements Accepted {
        }
    }

    /**
     * Writes the method again although the store has it, because the host found it no longer fits
     * (say, a call now needs another return type): recorded with {@code reason} in its history.
     *
     * @param method what the call asks for now
     * @param reason why it no longer fits
     * @return the new source
     *
     * @throws MissingMethodException in LOCKED mode
     * @throws dev.jitjava.JitException for a hand-edited method, which is never overwritten
     */
    Ready rewrite(MethodRequest method, String reason);

    /**
     * Writes a new version from feedback (and examples, kept from then on), compiled, checked and
     * stored like a first one.
     *
     * @param method   the method, as its call asks for it
     * @param feedback what to change, in words
     * @param examples examples it must pass from now on
     * @return the new source
     */
    Ready improve(MethodRequest method, String feedback, Example.Case... examples);

    /**
     * The stored methods of this host.
     *
     * @return their signatures ({@code countVowels(java.lang.String)}), sorted
     */
    List<String> stored();

    /**
     * Every version of a stored method, oldest first.
     *
     * @param signature {@code countVowels(java.lang.String)}
     * @return its versions; none when it is not stored
     */
    List<Version> history(String signature);

    /**
     * The stored method's current source.
     *
     * @param signature {@code countVowels(java.lang.String)}
     * @return the source, if it is stored
     */
    Optional<String> source(String signature);

    /**
     * The stamps (size, modification time, file key) of a stored method's files, for a host's own cache of
     * what it built from them: empty when it is not stored, or when a file changed too recently (within 2 s)
     * to be trusted by its stamp.
     *
     * @param signature {@code countVowels(java.lang.String)}
     * @return the stamps as one text
     */
    Optional<String> stamp(String signature);

    /**
     * What the verifier and the budgets of this host's methods decide by.
     *
     * @return a fingerprint that changes with a grant or a budget
     */
    String policy();

    /**
     * A cache of whole builds the host made from its methods, in the store's {@code .cache}.
     *
     * @return the cache
     */
    BuildCache cache();
}
