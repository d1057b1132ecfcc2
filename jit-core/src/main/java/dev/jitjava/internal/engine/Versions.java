package dev.jitjava.internal.engine;

import dev.jitjava.Version;
import dev.jitjava.internal.method.ExampleSpec;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.store.Metadata;
import dev.jitjava.internal.store.SpecRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records a new version of a method in its metadata, however it came: a first generation, a
 * regeneration of a stale method, an improvement, a reviewer's edit, or a hand edit found on load.
 * One place, so that every version carries the same facts.
 */
public final class Versions {
    private final Clock clock;

    /** @param clock when versions are made; null for the system clock, made on first need */
    Versions(Clock clock) {
        this.clock = clock;
    }

    /**
     * A version to record.
     *
     * @param source   its source, as stored
     * @param model    the model that wrote it, or {@code hand edit}
     * @param attempts the model requests it took (0 for a person's)
     * @param tokens   the tokens it took, or null when the model did not say
     * @param feedback the feedback it answers, or null
     * @param reason   why it was written without feedback (regenerated because..., edited by hand), or null
     * @param status   who stands behind it now
     * @param requests the tokens of each model request it took
     * @param cost     what those requests cost, or null when no price is configured
     */
    record NewVersion(String source, String model, int attempts, Metadata.Tokens tokens, String feedback,
                      String reason, Metadata.Status status, List<Metadata.Tokens> requests, Double cost) {
        static NewVersion handEdit(String source) {
            return new NewVersion(source, "hand edit", 0, null, null, "edited by hand", Metadata.Status.EDITED,
                    List.of(), null);
        }
    }

    /**
     * The metadata with one more version, which becomes the current one.
     *
     * @param old           the metadata so far, or null for a first version
     * @param checks        the examples and checks it passed, or null
     * @param addedExamples examples given to {@code improve}, part of the spec from then on
     * @param dependencies  the libraries it uses
     */
    Metadata append(MethodSpec spec, Metadata old, NewVersion version, Metadata.Checks checks,
                    List<ExampleSpec> addedExamples, List<Metadata.Dependency> dependencies) {
        List<Metadata.VersionRecord> versions = new ArrayList<>(old == null ? List.of() : old.versions());
        String created = (clock != null ? clock : Clock.systemUTC()).instant().toString();
        versions.add(new Metadata.VersionRecord(versions.size() + 1, version.model(), created, version.attempts(),
                version.tokens(), version.feedback(), version.reason(), List.of(version.source().split("\n", -1)),
                version.requests(), version.cost()));
        SpecRecord record = SpecRecord.of(spec);
        String regenerated = version.reason() != null && version.reason().startsWith("regenerated")
                ? version.reason() : old == null ? null : old.regenerated();
        return new Metadata(spec.key().owner(), spec.key().signature(), version.status(), record.hash(), record,
                version.model(), created, version.attempts(), version.tokens(), SpecRecord.sha256(version.source()),
                regenerated, versions, checks, addedExamples, dependencies);
    }

    /** The versions as the API shows them, oldest first. */
    public static List<Version> of(Metadata metadata) {
        return metadata.versions().stream().map(v -> new Version(v.number(), v.sourceText(),
                Optional.ofNullable(v.feedback()), Optional.ofNullable(v.reason()), v.model(), Instant.parse(v.created()),
                v.attempts())).toList();
    }
}
