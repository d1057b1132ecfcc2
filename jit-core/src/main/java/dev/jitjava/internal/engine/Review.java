package dev.jitjava.internal.engine;

import dev.jitjava.JitException;
import dev.jitjava.Mode;
import dev.jitjava.RejectedException;
import dev.jitjava.Reviewer;
import dev.jitjava.internal.method.Messages;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.store.Metadata;

import java.util.Optional;

/**
 * The reviewer's turn in REVIEW mode: a new version runs and is stored only once a person approved
 * or edited it. An edit goes through the same {@link Pipeline} as an answer (no examples: the
 * reviewer has spoken). In the other modes every version passes as generated.
 */
final class Review {
    private final Mode mode;
    private final Reviewer reviewer;
    private final Pipeline pipeline;

    Review(Mode mode, Reviewer reviewer, Pipeline pipeline) {
        this.mode = mode;
        this.reviewer = reviewer;
        this.pipeline = pipeline;
    }

    /**
     * What will be recorded: the version (an edit's, when the reviewer edited it) and who stands behind it.
     */
    record Reviewed(Generation.Generated generated, Built built, Metadata.Status status) {
    }

    Reviewed review(MethodSpec spec, Placement place, Generation.Generated generated, Optional<String> feedback) {
        if (mode != Mode.REVIEW) {
            return new Reviewed(generated, generated.built(), Metadata.Status.GENERATED);
        }
        Reviewer.Decision decision = reviewer.review(new Reviewer.Review(spec.key().display(), generated.source(),
                generated.request(), feedback));
        return switch (decision.kind()) {
            case APPROVE -> new Reviewed(generated, generated.built(), Metadata.Status.APPROVED);
            case REJECT -> throw new RejectedException(Messages.forMethod(spec.key(), "The reviewer rejected the new "
                    + "version (" + decision.reason() + "); nothing was stored"));
            case EDIT -> {
                Pipeline.Outcome edited = pipeline.build(spec, place, decision.source(), null,
                        generated.built().libraries(), Optional.empty());
                if (edited instanceof Pipeline.Outcome.Problems problems) {
                    throw new JitException(Messages.forMethod(spec.key(), "The reviewer's edit does not compile: "
                            + problems.problems().get(0).describe() + "; nothing was stored"));
                }
                yield new Reviewed(generated, ((Pipeline.Outcome.Ready) edited).built(), Metadata.Status.EDITED);
            }
        };
    }
}
