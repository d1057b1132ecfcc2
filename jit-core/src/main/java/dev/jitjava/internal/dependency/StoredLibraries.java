package dev.jitjava.internal.dependency;

import dev.jitjava.Jit;
import dev.jitjava.internal.method.Messages;
import dev.jitjava.JitException;
import dev.jitjava.internal.dependency.Artifact;
import dev.jitjava.internal.dependency.DependencyGrant;
import dev.jitjava.internal.dependency.Libraries;
import dev.jitjava.internal.dependency.MavenResolver;
import dev.jitjava.internal.dependency.ResolutionException;
import dev.jitjava.internal.method.MethodKey;
import dev.jitjava.internal.store.Metadata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The libraries of stored methods: recorded in the metadata with the SHA-256 of every jar, and on
 * load resolved again from the local repository (the remote ones only when the local one lacks
 * them), checked against those checksums, and allowed only if this {@code Jit} grants their group.
 * Thread-safe; a library is resolved once per process.
 */
public final class StoredLibraries {
    private final DependencyGrant grant;
    private final Supplier<MavenResolver> resolver;
    private final Map<String, List<Artifact>> resolved = new ConcurrentHashMap<>();

    public StoredLibraries(DependencyGrant grant, Supplier<MavenResolver> resolver) {
        this.grant = grant;
        this.resolver = resolver;
    }

    public static List<Metadata.Dependency> record(Libraries libraries) {
        List<Metadata.Dependency> dependencies = new ArrayList<>();
        for (Libraries.Added added : libraries.added()) {
            dependencies.add(new Metadata.Dependency(added.coordinates(), added.artifacts().stream()
                    .map(a -> new Metadata.Jar(a.coordinates(), a.sha256())).toList()));
        }
        return dependencies;
    }

    public Libraries restore(List<Metadata.Dependency> dependencies, MethodKey key, Path metadataFile) {
        if (dependencies.isEmpty()) {
            return Libraries.NONE;
        }
        List<Libraries.Added> added = new ArrayList<>();
        for (Metadata.Dependency dependency : dependencies) {
            String coordinates = dependency.coordinates();
            String group = coordinates.substring(0, Math.max(0, coordinates.indexOf(':')));
            if (!grant.allows(group)) {
                throw new JitException(Messages.forMethod(key, "The stored method uses the library " + coordinates + " ("
                        + metadataFile + "), and this Jit does not allow dependencies from group " + group
                        + ": allow it with " + DependencyGrant.howToAllow(group)));
            }
            List<Artifact> artifacts = resolved.computeIfAbsent(coordinates, c -> resolve(c, key));
            check(dependency, artifacts, key, metadataFile);
            added.add(new Libraries.Added(coordinates, artifacts));
        }
        return Libraries.of(added);
    }

    private List<Artifact> resolve(String coordinates, MethodKey key) {
        try {
            return resolver.get().resolve(coordinates, true);
        } catch (ResolutionException offline) {
            try {
                return resolver.get().resolve(coordinates, false);
            } catch (ResolutionException online) {
                throw new JitException(Messages.forMethod(key, "The stored method's library " + coordinates
                        + " is neither in the local repository nor could it be downloaded: " + online.getMessage()),
                        online);
            }
        }
    }

    private static void check(Metadata.Dependency dependency, List<Artifact> artifacts, MethodKey key, Path metadataFile) {
        Map<String, Artifact> byCoordinates = new HashMap<>();
        artifacts.forEach(a -> byCoordinates.put(a.coordinates(), a));
        for (Metadata.Jar jar : dependency.jars()) {
            Artifact found = byCoordinates.get(jar.coordinates());
            if (found == null) {
                throw new JitException(Messages.forMethod(key, "The library " + dependency.coordinates() + " no longer brings " + jar.coordinates()
                        + ", which " + metadataFile + " recorded when the method was written; remove the method "
                        + "(jit rm) to have it written again"));
            }
            if (!found.sha256().equals(jar.sha256())) {
                throw new JitException(Messages.forMethod(key, "The jar " + found.file() + " does not match the SHA-256 that " + metadataFile
                        + " recorded for " + jar.coordinates() + " (recorded " + jar.sha256() + ", found "
                        + found.sha256() + "): jit-java does not load it. Delete it from the local repository to "
                        + "download it again"));
            }
        }
    }
}
