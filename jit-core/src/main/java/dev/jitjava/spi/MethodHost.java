package dev.jitjava.spi;

import dev.jitjava.Capability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A place static methods are written into, other than an interface or a {@code JitObject}: the
 * {@code jit run} program, the {@code jit shell} session. It says only what really differs between
 * hosts: where the methods live, what the model is asked, and how a candidate compiles and runs in
 * place. The engine ({@link HostedMethods}) does the rest as it does for interfaces.
 *
 * <p>A host's methods are static and take no {@code self}; their source, as stored, is the method and
 * its helpers as members (with any imports the answer needs first), which the host places where
 * they live: for example inside a nested class of the program, so that they can call the program's
 * own static members by their simple names.
 *
 * <p>Methods are called from the thread that asked the engine for a method.
 */
public interface MethodHost {
    /**
     * The store folder of the host's methods.
     *
     * @return two names, slash-separated: {@code file/Vowels}, {@code shell/session}
     */
    String storeId();

    /**
     * How messages name the host.
     *
     * @return {@code Vowels}, {@code session}
     */
    String label();

    /**
     * What the host is for, in words, for the prompt and the spec.
     *
     * @return a program's {@code @Describe}, or "" for none
     */
    default String description() {
        return "";
    }

    /**
     * Capabilities the host grants its methods on top of the {@code Jit}'s.
     *
     * @return a program's {@code @Allow}, say; none by default
     */
    default Set<Capability> grants() {
        return Set.of();
    }

    /**
     * How a user grants a capability to the host's methods, for the message that refuses code needing it.
     *
     * @param capability the capability the refused code needs
     * @return {@code @Allow(Capability.FILES_READ) on class Vowels}, {@code start jit shell with --allow
     *         FILES_READ}; by default, a sentence naming the host
     */
    default String howToGrant(Capability capability) {
        return "grant " + capability + " to the methods of " + label();
    }

    /**
     * The budget of one call of the host's methods, when the host declares one.
     *
     * @return a program's {@code @Budget}, say; the {@code Jit}'s by default
     */
    default Optional<Budgets> budgets() {
        return Optional.empty();
    }

    /**
     * A per-call budget.
     *
     * @param cpu         CPU time
     * @param memoryBytes memory
     * @param wall        wall-clock time, or null for the default (5 times the CPU time, at least 3 s)
     */
    record Budgets(Duration cpu, long memoryBytes, Duration wall) {
        /**
         * A budget with the default wall-clock time.
         *
         * @param cpu         CPU time
         * @param memoryBytes memory
         */
        public Budgets(Duration cpu, long memoryBytes) {
            this(cpu, memoryBytes, null);
        }
    }

    /**
     * The system message: who the model is and how to answer. The engine adds what it says about tools.
     *
     * @return the message
     */
    String systemMessage();

    /**
     * The user message asking for a first version.
     *
     * @param method the method
     * @return the message
     */
    String request(MethodRequest method);

    /**
     * The user message asking for a new version.
     *
     * @param method          the method
     * @param current         the current source
     * @param earlierFeedback the feedback that led to earlier versions, oldest first
     * @param feedback        what to change now
     * @return the message
     */
    String improvement(MethodRequest method, String current, List<String> earlierFeedback, String feedback);

    /**
     * Compiles a method where it will live, with what else the host holds.
     *
     * @param method   the method
     * @param source   the method's source as stored: members, imports first
     * @param examples members of a class that runs the method's examples, to be compiled where it can call
     *                 the method by its simple name (its binary name goes into {@link HostCompilation.Classes});
     *                 null when there are none
     * @return the classes, or the errors; errors inside {@code source} carry its own line numbers
     */
    HostCompilation compile(MethodRequest method, String source, String examples);

    /**
     * Whether the host compiles and runs methods that use Maven libraries. When it does, and the
     * {@code Jit} allows dependencies ({@code JIT_DEPENDENCIES}, {@code Jit.builder().dependencies(...)}),
     * the model is offered {@code add_dependency} as for an interface, and the host is handed each
     * method's jars: in {@link #compile(MethodRequest, String, String, List)}, {@link #trialLoader(Map, List)}
     * and {@link HostedMethods.Ready#libraries()}.
     *
     * @return false by default: the model is not offered libraries
     */
    default boolean takesLibraries() {
        return false;
    }

    /**
     * Compiles a method where it will live, as {@link #compile(MethodRequest, String, String)} does, with
     * the jars of the libraries the method uses on the class path (besides those of the host's other methods).
     *
     * @param method    the method
     * @param source    the method's source as stored: members, imports first
     * @param examples  members of a class that runs the method's examples, or null
     * @param libraries the method's jars, in order; empty unless {@link #takesLibraries()}
     * @return the classes, or the errors; errors inside {@code source} carry its own line numbers
     */
    default HostCompilation compile(MethodRequest method, String source, String examples, List<Path> libraries) {
        if (!libraries.isEmpty()) {
            throw new UnsupportedOperationException(label() + " compiles no method that uses libraries");
        }
        return compile(method, source, examples);
    }

    /**
     * Called when the model starts writing a method, so that the host can show it (a spinner, a line);
     * the engine runs what it returns when the model is done, whether it succeeded or not.
     *
     * @param method the method
     * @param model  how messages name the model
     * @return what ends the showing
     */
    default Runnable writing(MethodRequest method, String model) {
        return () -> { };
    }

    /**
     * Defines a compilation's classes (the method's own already verified and instrumented) where its
     * examples can run; the loader is discarded afterwards.
     *
     * @param classes class files by binary name
     * @return a loader that defines them on demand
     */
    ClassLoader trialLoader(Map<String, byte[]> classes);

    /**
     * As {@link #trialLoader(Map)}, below a loader of the jars of the libraries the method uses, so that
     * its classes and its examples find them.
     *
     * @param classes   class files by binary name
     * @param libraries the method's jars, in order; empty unless {@link #takesLibraries()}
     * @return a loader that defines them on demand
     */
    default ClassLoader trialLoader(Map<String, byte[]> classes, List<Path> libraries) {
        if (!libraries.isEmpty()) {
            throw new UnsupportedOperationException(label() + " runs no method that uses libraries");
        }
        return trialLoader(classes);
    }
}
