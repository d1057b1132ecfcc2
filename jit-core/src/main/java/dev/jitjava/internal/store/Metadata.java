package dev.jitjava.internal.store;

import dev.jitjava.internal.method.ExampleSpec;


import java.util.List;

/**
 * The {@code .json} file beside a stored method: what it was asked to be, who wrote it, its status
 * and every version, oldest first, each with its source as lines (so that diffs stay readable).
 *
 * @param owner       the interface's binary name, or {@code object/<namespace>}
 * @param signature   {@code countVowels(java.lang.String)}
 * @param status      {@code generated}, {@code approved} or {@code edited}
 * @param specHash    the hash of {@code spec}
 * @param spec        what the method was asked to be
 * @param model       the model that wrote the current version
 * @param created     when the current version was written (ISO-8601)
 * @param attempts    the model requests the current version took
 * @param tokens      the tokens the current version took, when the model reported them
 * @param sourceHash  the hash of the current {@code .java} file, to notice hand edits
 * @param regenerated why the method was last regenerated, if it was
 * @param versions    every version, oldest first; the last is the current one
 * @param checks      the examples and checks the current version passed, or null if it had none
 * @param addedExamples examples given to {@code improve}, part of the spec from then on
 * @param dependencies the Maven libraries the current version added, with the checksums of their jars
 */
public record Metadata(String owner, String signature, Status status, String specHash, SpecRecord spec, String model,
                       String created, int attempts, Tokens tokens, String sourceHash, String regenerated,
                       List<VersionRecord> versions, Checks checks, List<ExampleSpec> addedExamples,
                       List<Dependency> dependencies) {

    /** Who stands behind the current version. */
    public enum Status {
        /** Written by the model and checked by jit-java, not reviewed by a person. */
        GENERATED,
        /** Reviewed and approved by a person ({@code jit approve}, or a reviewer in REVIEW mode). */
        APPROVED,
        /** Edited by a person (by hand in the store, or by a reviewer); never overwritten by jit-java. */
        EDITED;

        /** {@code generated}: as the {@code .json} file and {@code jit ls} spell it. */
        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The status a {@code .json} file names, or an {@link IllegalArgumentException} naming the bad text. */
        public static Status of(String text) {
            for (Status status : values()) {
                if (status.text().equals(text)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("unknown status \"" + text + "\" (generated, approved or edited)");
        }
    }

    public Metadata {
        versions = versions == null ? List.of() : List.copyOf(versions);
        addedExamples = addedExamples == null ? List.of() : List.copyOf(addedExamples);
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }

    /**
     * A Maven library the method added.
     *
     * @param coordinates what the model asked for, {@code group:artifact:version}
     * @param jars        every jar it resolved to (itself first, then its runtime dependencies)
     */
    public record Dependency(String coordinates, List<Jar> jars) {
        public Dependency {
            jars = List.copyOf(jars);
        }
    }

    /** One resolved jar and its SHA-256, checked whenever the method is loaded. */
    public record Jar(String coordinates, String sha256) {
    }

    /**
     * What the current version was checked against.
     *
     * @param hash   the fingerprint of the examples and checks; when it changes, the method is checked again
     * @param passed what it passed, one line each
     */
    public record Checks(String hash, List<String> passed) {
        public Checks {
            passed = List.copyOf(passed);
        }
    }

    /** A copy with another status. */
    public Metadata withStatus(Status newStatus) {
        return new Metadata(owner, signature, newStatus, specHash, spec, model, created, attempts, tokens, sourceHash,
                regenerated, versions, checks, addedExamples, dependencies);
    }

    /** A copy with other checks. */
    public Metadata withChecks(Checks newChecks) {
        return new Metadata(owner, signature, status, specHash, spec, model, created, attempts, tokens, sourceHash,
                regenerated, versions, newChecks, addedExamples, dependencies);
    }

    /** The fingerprint of what the current version passed, "" if nothing was checked. */
    public String checksHash() {
        return checks == null ? "" : checks.hash();
    }

    /** Input and output tokens, as the model reported them. */
    public record Tokens(long input, long output) {
    }

    /**
     * One version.
     *
     * @param feedback the feedback that led to it; null for the first version
     * @param reason   why it was written when no feedback was given (a changed spec, a hand edit)
     * @param requests the tokens of each model request it took, tool round trips included (empty for a person's)
     * @param cost     what its requests cost at the prices configured then, or null when none was
     */
    public record VersionRecord(int number, String model, String created, int attempts, Tokens tokens, String feedback,
                                String reason, List<String> source, List<Tokens> requests, Double cost) {
        public VersionRecord {
            source = source == null ? List.of() : List.copyOf(source);
            requests = requests == null ? List.of() : List.copyOf(requests);
        }

        /** A version without per-request figures (a person's, or one recorded before they were). */
        public VersionRecord(int number, String model, String created, int attempts, Tokens tokens, String feedback,
                             String reason, List<String> source) {
            this(number, model, created, attempts, tokens, feedback, reason, source, List.of(), null);
        }

        public String sourceText() {
            return String.join("\n", source);
        }
    }

    /** What every version's requests cost, or null when none was priced. */
    public Double totalCost() {
        return versions.stream().map(VersionRecord::cost).filter(java.util.Objects::nonNull)
                .reduce(Double::sum).orElse(null);
    }

    public VersionRecord current() {
        return versions.get(versions.size() - 1);
    }
}
