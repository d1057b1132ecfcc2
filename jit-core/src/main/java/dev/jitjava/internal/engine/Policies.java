package dev.jitjava.internal.engine;

import dev.jitjava.Allow;
import dev.jitjava.Budget;
import dev.jitjava.Capability;
import dev.jitjava.generated.Anchor;
import dev.jitjava.internal.bind.Fingerprint;
import dev.jitjava.internal.dependency.Artifact;
import dev.jitjava.internal.dependency.DependencyGrant;
import dev.jitjava.internal.dependency.Libraries;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Owner;
import dev.jitjava.internal.method.UserTypes;
import dev.jitjava.internal.verify.WallClock;
import dev.jitjava.spi.MethodHost;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Works out each method's {@link Policy} from the {@code Jit}'s grants and budgets, the owner's
 * ({@code @Allow}, {@code @Budget}, a host's) and the libraries the method added. Methods of one
 * interface mostly share their types, so a policy without libraries is worked out once per set of
 * types and budget. Thread-safe.
 */
final class Policies {
    private final Set<Capability> grants;
    private final Set<Class<?>> allowedTypes;
    private final Set<String> allowedPackages;
    private final Duration cpuBudget;
    private final long memoryBudget;
    private final Duration wallBudget;
    private final DependencyGrant dependencies;
    private final ConcurrentHashMap<List<Object>, Policy> known = new ConcurrentHashMap<>();

    /** @param wallBudget the wall-clock budget of a call, or null for {@link WallClock#defaultFor} */
    Policies(Set<Capability> grants, Set<Class<?>> allowedTypes, Set<String> allowedPackages, Duration cpuBudget,
             long memoryBudget, Duration wallBudget, DependencyGrant dependencies) {
        this.grants = Set.copyOf(grants);
        this.allowedTypes = Set.copyOf(allowedTypes);
        this.allowedPackages = Set.copyOf(allowedPackages);
        this.cpuBudget = cpuBudget;
        this.memoryBudget = memoryBudget;
        this.wallBudget = wallBudget;
        this.dependencies = dependencies;
    }

    DependencyGrant dependencies() {
        return dependencies;
    }

    Policy of(MethodSpec spec, Libraries libraries) {
        if (!libraries.isEmpty()) {
            return compute(spec, libraries);
        }
        Budget budget = spec.budget();
        Object owner = spec.owner() instanceof Owner.Hosted hosted ? hosted.host() : spec.owner().selfType();
        List<Object> key = List.of(visibleTypes(spec), owner, budget == null ? "" : budget);
        Policy policy = known.get(key);
        if (policy == null) {
            policy = compute(spec, libraries);
            known.put(key, policy);
        }
        return policy;
    }

    private Policy compute(MethodSpec spec, Libraries libraries) {
        Set<Capability> granted = EnumSet.noneOf(Capability.class);
        granted.addAll(grants);
        long cpu = cpuBudget.toNanos();
        long memory = memoryBudget;
        Long wall = wallBudget == null ? null : wallBudget.toNanos();
        List<Class<?>> userTypes = new ArrayList<>(allowedTypes);
        Set<String> packages = new HashSet<>();
        allowedPackages.forEach(name -> packages.add(name.replace('.', '/')));
        Owner owner = spec.owner();
        if (owner instanceof Owner.Interface iface) {
            Allow allow = iface.type().getAnnotation(Allow.class);
            if (allow != null) {
                granted.addAll(List.of(allow.value()));
                userTypes.addAll(List.of(allow.types()));
                Stream.of(allow.packages()).forEach(name -> packages.add(name.replace('.', '/')));
            }
            if (UserTypes.isUsersOwnPackage(iface.type())) { // the types beside the interface are the user's code
                packages.add(iface.type().getPackageName().replace('.', '/'));
            }
        } else if (owner instanceof Owner.Hosted hosted) {
            MethodHost host = hosted.host();
            granted.addAll(host.grants());
            if (host.budgets().isPresent()) {
                MethodHost.Budgets budgets = host.budgets().get();
                cpu = budgets.cpu().toNanos();
                memory = budgets.memoryBytes();
                wall = budgets.wall() == null ? null : budgets.wall().toNanos();
            }
        }
        Budget budget = spec.budget();
        if (budget != null) {
            cpu = budget.cpuMillis() * 1_000_000L;
            memory = budget.memoryMegabytes() << 20;
            if (budget.wallMillis() > 0) {
                wall = budget.wallMillis() * 1_000_000L;
            }
        }
        long wallNanos = wall != null ? wall : WallClock.defaultFor(cpu);
        Set<String> trusted = new HashSet<>();
        for (Class<?> type : UserTypes.reachable(visibleTypes(spec))) {
            trusted.add(internalName(type));
            for (Class<?> member : type.getDeclaredClasses()) {
                trusted.add(internalName(member));
            }
        }
        for (Class<?> type : userTypes) {
            trusted.add(internalName(type));
            for (Class<?> member : type.getDeclaredClasses()) {
                trusted.add(internalName(member));
            }
        }
        trusted.remove(internalName(Anchor.class));
        if (!libraries.isEmpty()) {
            packages.addAll(libraries.grantedPackages(dependencies));
        }
        StringBuilder text = new StringBuilder();
        List<Capability> sortedGrants = new ArrayList<>(granted);
        Collections.sort(sortedGrants);
        text.append(sortedGrants).append('\n');
        appendSorted(text, trusted);
        appendSorted(text, packages);
        text.append(cpu).append(' ').append(memory).append(' ').append(wallNanos).append('\n');
        for (Libraries.Added added : libraries.added()) {
            for (Artifact artifact : added.artifacts()) {
                text.append(artifact.coordinates()).append(' ').append(artifact.sha256()).append('\n');
            }
        }
        return new Policy(granted, trusted, packages, cpu, memory, wallNanos, Fingerprint.of(text));
    }

    /** The types generated code sees by name: the owner's and the signature's (none loadable for a host). */
    static Set<Class<?>> visibleTypes(MethodSpec spec) {
        Set<Class<?>> types = new HashSet<>(spec.signatureTypes());
        Owner owner = spec.owner();
        if (owner.anchor() != null) {
            types.add(owner.anchor());
        }
        if (owner.selfType() != null) {
            types.add(owner.selfType());
        }
        return types;
    }

    /**
     * The first of the method's own types (its interface, its signature's types) that code in
     * another class loader could not use, or null when all are public.
     */
    static String notPublic(MethodSpec spec) {
        // The JVM checks a class's own access flag only: a public interface nested in a package-private class is fine.
        for (Class<?> type : visibleTypes(spec)) {
            if (!java.lang.reflect.Modifier.isPublic(type.getModifiers()) && type != Anchor.class) {
                return type.getName();
            }
        }
        return null;
    }

    private static void appendSorted(StringBuilder text, Set<String> values) {
        List<String> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        text.append(sorted).append('\n');
    }

    /** {@code java/lang/String}: ASM's Type.getInternalName without loading ASM at start-up. */
    static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }
}
