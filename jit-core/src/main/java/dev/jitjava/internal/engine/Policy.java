package dev.jitjava.internal.engine;

import dev.jitjava.Capability;
import dev.jitjava.internal.verify.BytecodeVerifier;
import dev.jitjava.internal.verify.Instrumenter;

import java.util.HashSet;
import java.util.Set;

/**
 * Everything the verifier and the budgets decide one method's code by, besides the code itself:
 * the capabilities granted, the types and packages trusted, the budget of a call. Built once per
 * method ({@link Policies}) and handed to every step that verifies, instruments or caches; classes
 * verified under one policy are reused only under the same {@link #fingerprint()}.
 *
 * @param grants          the capabilities granted
 * @param trustedTypes    internal names of the classes generated code may use freely (the interface, its
 *                        signature's types and the user types they reach)
 * @param trustedPackages internal names of packages used freely: those of libraries whose group is allowed
 * @param cpuNanos        the CPU budget of one call
 * @param memoryBytes     the memory budget of one call
 * @param wallNanos       the wall-clock budget of one call
 * @param fingerprint     changes whenever any of the above, or an added library's jars, change
 */
public record Policy(Set<Capability> grants, Set<String> trustedTypes, Set<String> trustedPackages, long cpuNanos,
                     long memoryBytes, long wallNanos, String fingerprint) {

    public Policy {
        grants = Set.copyOf(grants);
        trustedTypes = Set.copyOf(trustedTypes);
        trustedPackages = Set.copyOf(trustedPackages);
    }

    /**
     * What the verifier allows, resolving the code's references through {@code loader}.
     *
     * @param hostTypes a host's own classes compiled beside the method (trusted: they are the user's code)
     */
    public BytecodeVerifier.Context verifyContext(ClassLoader loader, Set<String> hostTypes) {
        Set<String> trusted = trustedTypes;
        if (!hostTypes.isEmpty()) {
            trusted = new HashSet<>(trustedTypes);
            trusted.addAll(hostTypes);
        }
        return new BytecodeVerifier.Context(grants, trusted, loader).trusting(trustedPackages);
    }

    /**
     * The budget as the instrumenter writes it into the code.
     *
     * @param method          how messages name the method
     * @param entryName       the method the call site runs, which gets the call boundary
     * @param entryDescriptor its descriptor
     */
    public Instrumenter.Limits limits(String method, String entryName, String entryDescriptor) {
        return new Instrumenter.Limits(cpuNanos, memoryBytes, method, entryName, entryDescriptor, wallNanos);
    }
}
