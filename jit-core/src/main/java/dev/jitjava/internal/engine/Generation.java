package dev.jitjava.internal.engine;

import dev.jitjava.CheckFailedException;
import dev.jitjava.Diagnostic;
import dev.jitjava.GenerationException;
import dev.jitjava.Usage;
import dev.jitjava.VerificationException;
import dev.jitjava.Version;
import dev.jitjava.internal.check.CheckPlan;
import dev.jitjava.internal.dependency.Libraries;
import dev.jitjava.internal.extract.CodeExtractor;
import dev.jitjava.internal.extract.Extraction;
import dev.jitjava.internal.method.Messages;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.UserTypes;
import dev.jitjava.internal.model.ModelErrors;
import dev.jitjava.internal.model.Models;
import dev.jitjava.internal.observe.Conversation;
import dev.jitjava.internal.prompt.Prompts;
import dev.jitjava.internal.store.Metadata;
import dev.jitjava.internal.tools.ToolChat;
import dev.jitjava.internal.tools.ToolLimitException;
import dev.jitjava.internal.tools.Toolbox;
import dev.jitjava.internal.verify.Violation;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Has the model write a version of a method: the first request (or the improvement request), then
 * the repair loop, which sends every problem the {@link Pipeline} finds back to the model in the
 * same conversation, word for word, until an answer passes every step or {@code maxAttempts}
 * requests have been made. Tool calls in between never count as attempts.
 */
final class Generation {
    private final Models models;
    private final int maxAttempts;
    private final Pipeline pipeline;
    private final Policies policies;
    private final Toolbox.Settings tools;
    /** Requests, input tokens, output tokens. */
    private final long[] usage = new long[3];
    /** What the priced requests cost; NaN while none was priced. */
    private double cost = Double.NaN;

    Generation(Models models, int maxAttempts, Pipeline pipeline, Policies policies, Toolbox.Settings tools) {
        this.models = models;
        this.maxAttempts = maxAttempts;
        this.pipeline = pipeline;
        this.policies = policies;
        this.tools = tools;
    }

    /**
     * A version the model wrote that passed every step, defined but not recorded.
     *
     * @param request what the model was asked first (for reviewers)
     * @param tokens  the tokens all attempts took, or null if the model did not say
     * @param checks  the examples and checks it passed, or null
     * @param requests the tokens of each request, tool round trips included
     * @param cost    what the requests cost at the configured prices, or null when the model has none
     */
    record Generated(Built built, String model, int attempts, Metadata.Tokens tokens, String request,
                     Metadata.Checks checks, List<Metadata.Tokens> requests, Double cost) {
        String source() {
            return built.source();
        }
    }

    /**
     * Writes a method: a first version when {@code feedback} is null, else a new version of the
     * current one (the last of {@code history}).
     *
     * @param current the libraries it starts with (an improvement keeps the method's)
     * @param conversation sees every request, response and problem, for the transcript and the figures
     */
    Generated write(MethodSpec spec, Placement place, List<Version> history, String feedback, Libraries current,
                    Conversation conversation) {
        Models.Chosen chosen = models.forSpec(spec);
        CheckPlan plan = CheckPlan.of(spec);
        String modelName = chosen.label();
        conversation.model(modelName);
        Toolbox toolbox = toolbox(spec, place, current);
        boolean offersTools = !ToolChat.knownWithoutTools(chosen.model());
        String libraries = tools.grant().enabled() ? tools.grant().describe() : null;
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(place.system(spec, offersTools, libraries)
                + (offersTools ? Prompts.toolsParagraph(libraries) : "")));
        String request = feedback == null ? place.request(spec) : place.improvement(spec, history, feedback);
        messages.add(UserMessage.from(request));
        Pipeline.Outcome.Problems last = null;
        Progress progress = Progress.start(spec.key().display(), modelName);
        Runnable watched = place.writing(spec, modelName);
        boolean done = false;
        try {
            for (int attempt = 1; attempt <= maxAttempts; attempt++) {
                conversation.attempt(attempt);
                if (attempt > 1) {
                    messages.add(UserMessage.from(Prompts.repair(spec, last.problems())));
                }
                ChatResponse response = ask(chosen, messages, spec, attempt, toolbox, conversation, modelName);
                if (chosen.settings() == null && response.modelName() != null && !response.modelName().isBlank()) {
                    modelName = response.modelName();
                    conversation.model(modelName);
                }
                String answer = response.aiMessage() == null || response.aiMessage().text() == null
                        ? "" : response.aiMessage().text();
                messages.add(AiMessage.from(answer));
                conversation.sync(messages);
                Pipeline.Outcome outcome = tryAnswer(spec, place, answer, plan, toolbox.libraries());
                if (outcome instanceof Pipeline.Outcome.Ready ready) {
                    done = true;
                    progress.finished("wrote", attempt, conversation.tokens());
                    Metadata.Checks passed = plan.isEmpty() ? null
                            : new Metadata.Checks(plan.fingerprint(), plan.descriptions());
                    return new Generated(ready.built(), modelName, attempt, conversation.tokens(), request, passed,
                            conversation.requestTokens(), conversation.cost().isPresent()
                            ? conversation.cost().getAsDouble() : null);
                }
                last = (Pipeline.Outcome.Problems) outcome;
                conversation.fedBack(last.problems());
            }
        } finally {
            watched.run();
            if (!done) {
                progress.finished("gave up on", messages.size() / 2, conversation.tokens());
            }
        }
        throw failure(spec, modelName, last, toolbox.denied());
    }

    /** Why no answer would do, as the exception for the caller: the verifier's, the checks', or the last problem. */
    private RuntimeException failure(MethodSpec spec, String modelName, Pipeline.Outcome.Problems last,
                                     List<String> deniedDependencies) {
        String attempts = maxAttempts + (maxAttempts == 1 ? " attempt" : " attempts");
        String denied = deniedDependencies.isEmpty() ? "" : "\nThe model asked for dependencies it may not add: "
                + String.join("; ", deniedDependencies) + ". Allow a group with Jit.builder().dependencies(\"group\") "
                + "or JIT_DEPENDENCIES=group.";
        if (!last.violations().isEmpty()) {
            List<String> lines = last.violations().stream().map(v -> v.forUser(spec.owner())).toList();
            return new VerificationException(Messages.forMethod(spec.key(), "No answer from model " + modelName
                    + " kept to what generated code may use, in " + attempts + ". Last answer:\n- "
                    + String.join("\n- ", lines) + denied + "\nNothing was stored"), lines);
        }
        if (last.checksFailed()) {
            List<String> failures = last.problems().stream().map(Diagnostic::message).toList();
            return new CheckFailedException(Messages.forMethod(spec.key(), "No answer from model " + modelName
                    + " passed the examples and checks in " + attempts + ". Last failures:\n- "
                    + String.join("\n- ", failures) + denied + "\nNothing was stored"), failures);
        }
        return new GenerationException(Messages.forMethod(spec.key(), "No usable answer from model " + modelName
                + " after " + attempts + ". Last problem: " + last.problems().get(0).describe() + denied
                + "\nDescribe the method more precisely (@Describe, @Example) or allow more attempts (maxAttempts)"),
                spec.key().display(), modelName, maxAttempts, last.problems());
    }

    /** Everything the models were asked so far. */
    Usage usage() {
        synchronized (usage) {
            return new Usage(usage[0], usage[1], usage[2],
                    Double.isNaN(cost) ? OptionalDouble.empty() : OptionalDouble.of(cost));
        }
    }

    /** A toolbox for one generation of this method. */
    private Toolbox toolbox(MethodSpec spec, Placement place, Libraries current) {
        Class<?> anchor = spec.owner().anchor() != null ? spec.owner().anchor()
                : place instanceof HostPlacement host ? host.host().getClass() : Object.class;
        ClassLoader base = anchor.getClassLoader();
        // A host that takes libraries defines the method's classes below a loader of their jars itself.
        boolean hosted = place instanceof HostPlacement host && host.host().takesLibraries();
        return new Toolbox(anchor,
                libraries -> policies.of(spec, libraries).verifyContext(
                        libraries.isEmpty() ? base : libraries.newLoader(base), java.util.Set.of()),
                spec.owner().anchor() == null && !hosted ? tools.withoutDependencies() : tools, spec.key().display(),
                List.copyOf(UserTypes.reachable(spec.signatureTypes())), current,
                hosted ? null : Policies.notPublic(spec));
    }

    private ChatResponse ask(Models.Chosen chosen, List<ChatMessage> messages, MethodSpec spec, int attempt,
                             Toolbox toolbox, Conversation conversation, String modelName) {
        ToolChat.Watch watch = new ToolChat.Watch() {
            @Override
            public void requesting(List<ChatMessage> sent, List<ToolSpecification> tools) {
                conversation.requesting(sent, tools);
            }

            @Override
            public void answered(ChatResponse response) {
                conversation.answered(response);
                count(response.tokenUsage(), conversation.costOf(response));
            }

            @Override
            public void failed(RuntimeException failure, boolean retried) {
                conversation.failed(failure, retried);
            }
        };
        try {
            return ToolChat.ask(chosen.model(), messages, toolbox, watch);
        } catch (ToolLimitException e) {
            throw new GenerationException(Messages.forMethod(spec.key(), "Model " + modelName + " made "
                    + e.getMessage() + " while writing the method; a generation may make " + e.limit()
                    + ". Nothing was stored. Allow more with Jit.builder().maxToolCalls(n), or describe the types it "
                    + "needs in @Describe"), spec.key().display(), modelName, attempt, List.of());
        } catch (RuntimeException e) {
            count(null, OptionalDouble.empty());
            throw ModelErrors.translate(e, chosen.label(), chosen.settings(), attempt, maxAttempts,
                    spec.key().forMethod());
        }
    }

    private void count(TokenUsage tokens, OptionalDouble requestCost) {
        synchronized (usage) {
            usage[0]++;
            if (requestCost.isPresent()) {
                cost = (Double.isNaN(cost) ? 0 : cost) + requestCost.getAsDouble();
            }
            if (tokens != null) {
                usage[1] += tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
                usage[2] += tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
            }
        }
    }

    private Pipeline.Outcome tryAnswer(MethodSpec spec, Placement place, String answer, CheckPlan plan,
                                       Libraries libraries) {
        Extraction extraction = CodeExtractor.extract(answer, spec);
        if (extraction instanceof Extraction.Missing missing) {
            return new Pipeline.Outcome.Problems(missing.problems(), List.of());
        }
        String source = place.source(spec, (Extraction.Found) extraction);
        Pipeline.Outcome outcome = pipeline.build(spec, place, source, plan, libraries, Optional.empty());
        if (outcome instanceof Pipeline.Outcome.Problems refused && refused.onlyStaticState()) {
            // A memo or counter in a static field: the same code, made per call, needs no STATE.
            String perCall = place.perCall(spec, source);
            if (perCall != null && pipeline.build(spec, place, perCall, plan, libraries, Optional.empty())
                    instanceof Pipeline.Outcome.Ready ready) {
                return ready;
            }
        }
        return outcome;
    }
}
