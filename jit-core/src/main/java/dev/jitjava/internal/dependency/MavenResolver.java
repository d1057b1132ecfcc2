package dev.jitjava.internal.dependency;

import eu.maveniverse.maven.mima.context.Context;
import eu.maveniverse.maven.mima.context.ContextOverrides;
import eu.maveniverse.maven.mima.context.Runtimes;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Resolves Maven coordinates to jars with Maven Resolver, configured as Maven configures itself:
 * {@code settings.xml} under {@code user.home}'s {@code .m2} (mirrors, servers, proxies, profiles,
 * {@code localRepository}), and {@code maven.repo.local} when set. Runtime dependencies come along.
 *
 * <p>Thread-safe; each resolution opens its own resolver session.
 */
public final class MavenResolver {
    private final Map<String, String> properties;

    /** @param properties where {@code user.home} and {@code maven.repo.local} are read (normally the system properties) */
    public MavenResolver(Map<String, String> properties) {
        this.properties = Map.copyOf(properties);
    }

    /** A resolver configured from the system properties. */
    public static MavenResolver fromSystemProperties() {
        Map<String, String> properties = new java.util.HashMap<>();
        for (String name : List.of("user.home", "maven.repo.local")) {
            String value = System.getProperty(name);
            if (value != null) {
                properties.put(name, value);
            }
        }
        return new MavenResolver(properties);
    }

    /**
     * The jars of {@code coordinates} ({@code group:artifact:version}) and its runtime
     * dependencies, the requested one first.
     *
     * @param offline from the local repository only
     */
    public List<Artifact> resolve(String coordinates, boolean offline) throws ResolutionException {
        ContextOverrides.Builder overrides = ContextOverrides.create().withUserSettings(true).offline(offline);
        String home = properties.get("user.home");
        if (home != null) {
            overrides.withMavenUserHomeOverride(Path.of(home, ".m2"));
        }
        String local = properties.get("maven.repo.local");
        if (local != null && !local.isBlank()) {
            overrides.withLocalRepositoryOverride(Path.of(local));
        }
        try (Context context = Runtimes.INSTANCE.getRuntime().create(overrides.build())) {
            CollectRequest collect = new CollectRequest();
            collect.setRoot(new Dependency(new DefaultArtifact(coordinates), JavaScopes.RUNTIME));
            collect.setRepositories(context.remoteRepositories());
            DependencyRequest request = new DependencyRequest(collect,
                    DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            DependencyResult result;
            try {
                result = context.repositorySystem().resolveDependencies(context.repositorySystemSession(), request);
            } catch (DependencyResolutionException e) {
                throw new ResolutionException(coordinates + " could not be resolved "
                        + (offline ? "from the local repository " + context.repositorySystemSession()
                        .getLocalRepository().getBasedir() : "from " + describe(context.remoteRepositories()))
                        + ": " + rootMessage(e), e);
            }
            List<Artifact> artifacts = new ArrayList<>();
            for (ArtifactResult resolved : result.getArtifactResults()) {
                org.eclipse.aether.artifact.Artifact artifact = resolved.getArtifact();
                Path file = artifact.getFile().toPath();
                String id = artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getBaseVersion()
                        + (artifact.getClassifier().isEmpty() ? "" : ":" + artifact.getClassifier());
                artifacts.add(new Artifact(id, file, sha256(file)));
            }
            return artifacts;
        } catch (IllegalArgumentException e) {
            throw new ResolutionException("\"" + coordinates + "\" is not group:artifact:version: " + e.getMessage(), e);
        }
    }

    private static String describe(List<RemoteRepository> repositories) {
        return repositories.stream().map(r -> r.getId() + " (" + r.getUrl() + ")").collect(Collectors.joining(", "));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** The SHA-256 of a file, hex. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
