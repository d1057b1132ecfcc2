package dev.jitjava.internal.engine;

import dev.jitjava.Allow;
import dev.jitjava.CheckFailedException;
import dev.jitjava.Describe;
import dev.jitjava.Diagnostic;
import dev.jitjava.Example;
import dev.jitjava.GenerationException;
import dev.jitjava.Jit;
import dev.jitjava.Model;
import dev.jitjava.Usage;
import dev.jitjava.VerificationException;
import dev.jitjava.Version;
import dev.jitjava.internal.model.Models;
import dev.jitjava.internal.check.CheckPlan;
import dev.jitjava.internal.check.CheckRunner;
import dev.jitjava.internal.compile.SourceUnit;
import dev.jitjava.internal.dependency.Libraries;
import dev.jitjava.internal.extract.CodeExtractor;
import dev.jitjava.internal.extract.Extraction;
import dev.jitjava.internal.model.ModelErrors;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.prompt.Prompts;
import dev.jitjava.internal.method.UserTypes;
import dev.jitjava.internal.store.Metadata;
import dev.jitjava.internal.tools.ToolChat;
import dev.jitjava.internal.tools.ToolLimitException;
import dev.jitjava.internal.tools.Toolbox;
import dev.jitjava.internal.verify.Violation;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the stages for one method: prompt, model, extract, compile, check, define; and the repair
 * loop around them, which sends every problem back to the model in the same conversation until an
 * answer works or {@code maxAttempts} requests have been made.
 */
public final class Generator {
    static final String CHECK_FAILED = "jit.check.failed";

    private final Models models;
    private final int maxAttempts;
    private final CodeLoader loader;
    private final CheckRunner checks;
    private final Trials trials;
    private final Toolbox.Settings tools;
    /** Requests, input tokens, output tokens. */
    private final long[] usage = new long[3];

    public Generator(Models models, int maxAttempts, CodeLoader loader, CheckRunner checks, Trials trials,
              Toolbox.Settings tools) {
        this.models = models;
        this.maxAttempts = maxAttempts;
        this.loader = loader;
        this.checks = checks;
        this.trials = trials;
        this.tools = tools;
    }

    /** The object a candidate is tested on: its method under test runs the candidate. */
    @FunctionalInterface
    public interface Trials {
        Object self(MethodSpec spec, MethodHandle candidate);
    }

    /**
     * A method that compiled and was defined.
     *
     * @param request what the model was asked first (for reviewers)
     * @param tokens  the tokens all attempts took, or null if the model did not say
     */
    public record Generated(String source, CodeLoader.Loaded loaded, String model, int attempts, Metadata.Tokens tokens,
                     String request, String status, Metadata.Checks checks, Libraries libraries) {
        public MethodHandle handle() {
            return loaded.handle();
        }

        public Generated withStatus(String newStatus) {
            return new Generated(source, loaded, model, attempts, tokens, request, newStatus, checks, libraries);
        }

        /** The same generation, with a reviewer's edit as its source. */
        public Generated edited(String editedSource, CodeLoader.Loaded editedCode) {
            return new Generated(editedSource, editedCode, model, attempts, tokens, request, Metadata.EDITED, checks,
                    libraries);
        }
    }

    /** What one answer came to: a method, or the problems to send back. */
    private record Outcome(String source, CodeLoader.Loaded loaded, List<Diagnostic> problems,
                           List<Violation> violations) {
        public Outcome(String source, CodeLoader.Loaded loaded, List<Diagnostic> problems) {
            this(source, loaded, problems, List.of());
        }
    }

    /** A toolbox for one generation of this method. */
    public Toolbox toolbox(MethodSpec spec, Libraries current) {
        return new Toolbox(spec.owner().anchor(),
                libraries -> loader.verifyContext(spec, libraries, libraries.isEmpty()
                        ? spec.owner().anchor().getClassLoader() : libraries.newLoader(spec.owner().anchor().getClassLoader())),
                tools, spec.key().display(), List.copyOf(UserTypes.reachable(spec.signatureTypes())), current,
                CodeLoader.notPublic(spec));
    }

    /**
     * Writes a method: a first version when {@code feedback} is null, else a new version of the
     * current one (the last of {@code history}).
     */
    public Generated generate(MethodSpec spec, List<Version> history, String feedback, Libraries current) {
        Models.Chosen chosen = models.forSpec(spec);
        CheckPlan plan = CheckPlan.of(spec);
        String modelName = chosen.label();
        Toolbox toolbox = toolbox(spec, current);
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(Prompts.system(!ToolChat.knownWithoutTools(chosen.model()),
                tools.grant().enabled() ? tools.grant().describe() : null)));
        String request = feedback == null ? Prompts.write(spec) : Prompts.improve(spec, history, feedback);
        messages.add(UserMessage.from(request));
        List<Diagnostic> problems = List.of();
        List<Violation> violations = List.of();
        TokenCount tokens = new TokenCount();
        Progress progress = Progress.start(spec.key().display(), modelName);
        boolean done = false;
        try {
            for (int attempt = 1; attempt <= maxAttempts; attempt++) {
                if (attempt > 1) {
                    messages.add(UserMessage.from(Prompts.repair(spec, problems)));
                }
                ChatResponse response = ask(chosen, messages, spec, attempt, toolbox, tokens, modelName);
                if (chosen.settings() == null && response.modelName() != null && !response.modelName().isBlank()) {
                    modelName = response.modelName();
                }
                String answer = response.aiMessage() == null || response.aiMessage().text() == null
                        ? "" : response.aiMessage().text();
                messages.add(AiMessage.from(answer));
                Outcome outcome = tryAnswer(spec, answer, plan, toolbox.libraries());
                if (outcome.loaded() != null) {
                    done = true;
                    progress.finished("wrote", attempt, tokens.total());
                    Metadata.Checks passed = plan.isEmpty() ? null
                            : new Metadata.Checks(plan.fingerprint(), plan.descriptions());
                    return new Generated(outcome.source(), outcome.loaded(), modelName, attempt, tokens.total(), request,
                            Metadata.GENERATED, passed, toolbox.libraries());
                }
                problems = outcome.problems();
                violations = outcome.violations();
            }
        } finally {
            if (!done) {
                progress.finished("gave up on", messages.size() / 2, tokens.total());
            }
        }
        String denied = toolbox.denied().isEmpty() ? "" : "\nThe model asked for dependencies it may not add: "
                + String.join("; ", toolbox.denied()) + ". Allow a group with Jit.builder().dependencies(\"group\") "
                + "or JIT_DEPENDENCIES=group.";
        if (!violations.isEmpty()) {
            List<String> lines = violations.stream().map(v -> v.forUser(spec.owner().label())).toList();
            throw new VerificationException("No answer from model " + modelName + " kept to what generated code may use, in "
                    + maxAttempts + (maxAttempts == 1 ? " attempt" : " attempts") + ". Last answer:\n- "
                    + String.join("\n- ", lines) + denied + "\nNothing was stored, " + spec.key().forMethod(), lines);
        }
        if (problems.stream().allMatch(problem -> problem.code().equals(CHECK_FAILED))) {
            List<String> failures = problems.stream().map(Diagnostic::message).toList();
            throw new CheckFailedException("No answer from model " + modelName + " passed the examples and checks in "
                    + maxAttempts + (maxAttempts == 1 ? " attempt" : " attempts") + ". Last failures:\n- "
                    + String.join("\n- ", failures) + denied + "\nNothing was stored; " + spec.key().forMethod(), failures);
        }
        throw new GenerationException("No usable answer from model " + modelName + " after " + maxAttempts
                + (maxAttempts == 1 ? " attempt" : " attempts") + ". Last problem: " + problems.get(0).describe() + denied
                + "\nDescribe the method more precisely (@Describe, @Example) or allow more attempts (maxAttempts), "
                + spec.key().forMethod(), spec.key().display(), modelName, maxAttempts, problems);
    }

    /** Everything the models were asked so far. */
    public Usage usage() {
        synchronized (usage) {
            return new Usage(usage[0], usage[1], usage[2]);
        }
    }

    private ChatResponse ask(Models.Chosen chosen, List<ChatMessage> messages, MethodSpec spec, int attempt,
                             Toolbox toolbox, TokenCount tokens, String modelName) {
        try {
            return ToolChat.ask(chosen.model(), messages, toolbox, response -> {
                count(response.tokenUsage());
                tokens.add(response.tokenUsage());
            });
        } catch (ToolLimitException e) {
            throw new GenerationException("Model " + modelName + " made " + e.getMessage() + " while writing the method; "
                    + "a generation may make " + e.limit() + ". Nothing was stored. Allow more with "
                    + "Jit.builder().maxToolCalls(n), or describe the types it needs in @Describe, "
                    + spec.key().forMethod(), spec.key().display(), modelName, attempt, List.of());
        } catch (RuntimeException e) {
            count(null);
            throw ModelErrors.translate(e, chosen.label(), chosen.settings(), attempt, maxAttempts,
                    spec.key().forMethod());
        }
    }

    private void count(TokenUsage tokens) {
        synchronized (usage) {
            usage[0]++;
            if (tokens != null) {
                usage[1] += tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
                usage[2] += tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
            }
        }
    }

    private Outcome tryAnswer(MethodSpec spec, String answer, CheckPlan plan, Libraries libraries) {
        Extraction extraction = CodeExtractor.extract(answer, spec);
        if (extraction instanceof Extraction.Missing missing) {
            return new Outcome(null, null, missing.problems());
        }
        SourceUnit unit = SourceUnit.of(spec, (Extraction.Found) extraction);
        CodeLoader.Result result = loader.load(spec, unit, Optional.empty(), plan, libraries);
        if (result.loaded() == null) {
            return new Outcome(null, null, result.problems(), result.violations());
        }
        List<String> failures = runChecks(spec, plan, result.loaded());
        if (!failures.isEmpty()) {
            return new Outcome(null, null, failures.stream()
                    .map(failure -> new Diagnostic(CHECK_FAILED, 0, failure, "")).toList());
        }
        return new Outcome(unit.source(), result.loaded(), List.of());
    }

    /** Runs the plan against loaded code: the failures, or none. */
    public List<String> runChecks(MethodSpec spec, CheckPlan plan, CodeLoader.Loaded loaded) {
        if (plan.isEmpty()) {
            return List.of();
        }
        Object self = trials.self(spec, loaded.handle());
        return checks.run(plan, loaded.harness(), self, spec.owner().anchor().getClassLoader());
    }
}
