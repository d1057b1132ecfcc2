package dev.jitjava.cli;

import dev.jitjava.Capability;
import dev.jitjava.Diagnostic;
import dev.jitjava.internal.dependency.DependencyGrant;
import dev.jitjava.internal.dependency.Libraries;
import dev.jitjava.internal.tools.ToolChat;
import dev.jitjava.internal.tools.ToolLimitException;
import dev.jitjava.internal.tools.Toolbox;
import dev.jitjava.internal.verify.BytecodeVerifier;
import dev.jitjava.internal.extract.CodeExtractor;
import dev.jitjava.internal.extract.Extraction;
import dev.jitjava.internal.model.ModelNames;
import dev.jitjava.internal.method.MethodKey;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Owner;
import dev.jitjava.internal.method.Parameter;
import dev.jitjava.internal.prompt.Prompts;
import dev.jitjava.internal.store.Metadata;
import dev.jitjava.internal.store.MethodStore;
import dev.jitjava.internal.store.SpecRecord;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writes one static method for a program or a shell session: asks the model, extracts the method,
 * tries it where it will live (the caller's trial: compile, verify), sends every problem back in
 * the same conversation, and stores the method that passed, with its history.
 */
final class MethodWriter {
    private final MethodStore store;
    private final Supplier<ChatModel> model;
    private final int maxAttempts;
    private final Activity activity;
    /** As many tool calls as the library allows by default. */
    private static final int MAX_TOOL_CALLS = 8;

    MethodWriter(MethodStore store, Supplier<ChatModel> model, int maxAttempts, Activity activity) {
        this.store = store;
        this.model = model;
        this.maxAttempts = maxAttempts;
        this.activity = activity;
    }

    /** An improvement: the stored history it extends and the feedback that led to it. */
    record Improvement(Metadata previous, String feedback) {
    }

    /** A spec for a static method with no {@code self}: what the extractor needs to find it in an answer. */
    static MethodSpec spec(String owner, String label, String name, List<String> argumentTypes, String returnType) {
        List<String> erased = new ArrayList<>();
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < argumentTypes.size(); i++) {
            erased.add(argumentTypes.get(i).replaceAll("<.*>", ""));
            parameters.add(new Parameter("arg" + i, Object.class, argumentTypes.get(i)));
        }
        MethodKey key = new MethodKey(owner, label, name, erased);
        return new MethodSpec(key, new Owner(owner, label, "", Object.class, Object.class, null), "", Object.class,
                returnType, returnType.equals("Object"), parameters, List.of(), List.of(), "", List.of(), List.of(),
                Set.of(), Set.of(), "");
    }

    /**
     * @param trial the problems of a candidate method where it will live; empty when it may be kept
     */
    String write(MethodSpec spec, String system, String request, Function<String, List<Diagnostic>> trial,
                 Improvement improvement) {
        ChatModel chatModel = model.get();
        String modelName = ModelNames.of(chatModel);
        try (Activity.Shown shown = activity.show("writing " + spec.key().display() + " with " + modelName)) {
            Toolbox toolbox = toolbox(spec);
            List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(ToolChat.knownWithoutTools(chatModel)
                    ? system : system + Prompts.toolsParagraph(null)), UserMessage.from(request)));
            List<Diagnostic> problems = List.of();
            for (int attempt = 1; attempt <= maxAttempts; attempt++) {
                if (attempt > 1) {
                    messages.add(UserMessage.from(Prompts.repair(spec, problems)));
                }
                String answer = ask(chatModel, messages, toolbox, spec);
                messages.add(AiMessage.from(answer == null ? "" : answer));
                Extraction extraction = CodeExtractor.extract(answer, spec);
                if (extraction instanceof Extraction.Missing missing) {
                    problems = missing.problems();
                    continue;
                }
                String member = String.join("\n\n", ((Extraction.Found) extraction).members());
                problems = trial.apply(member);
                if (problems.isEmpty()) {
                    save(spec.key(), member, modelName, attempt, improvement);
                    return member;
                }
            }
            throw new ExitException(ExitCodes.FAILURE, "no usable answer from " + modelName + " for "
                    + spec.key().display() + " after " + maxAttempts + " attempts; last problem: "
                    + problems.get(0).describe(),
                    "describe what the method should do where it is called, or try another model (JIT_MODEL)");
        }
    }

    /**
     * describe_type and search_types, as the library offers them; the method's code sees the JDK
     * and what the program or session declares, so no dependencies are offered here.
     */
    private Toolbox toolbox(MethodSpec spec) {
        ClassLoader loader = MethodWriter.class.getClassLoader();
        return new Toolbox(MethodWriter.class,
                libraries -> new BytecodeVerifier.Context(Set.of(Capability.CONSOLE), Set.of(), loader),
                new Toolbox.Settings(DependencyGrant.NONE, MAX_TOOL_CALLS, () -> null), spec.key().display(), List.of(),
                Libraries.NONE, null);
    }

    private String ask(ChatModel chatModel, List<ChatMessage> messages, Toolbox toolbox, MethodSpec spec) {
        try {
            String answer = ToolChat.ask(chatModel, messages, toolbox, response -> { }).aiMessage().text();
            return answer == null ? "" : answer;
        } catch (ToolLimitException e) {
            throw new ExitException(ExitCodes.FAILURE, "the model made " + e.getMessage() + " while writing "
                    + spec.key().display() + "; nothing was stored",
                    "describe the method more precisely where it is called, or try another model (JIT_MODEL)");
        }
    }

    private void save(MethodKey key, String member, String modelName, int attempts, Improvement improvement) {
        String created = Instant.now().toString();
        SpecRecord record = new SpecRecord(key.signature(), "", List.of(), "", Prompts.VERSION);
        List<Metadata.VersionRecord> versions = new ArrayList<>(improvement == null ? List.of()
                : improvement.previous().versions());
        versions.add(new Metadata.VersionRecord(versions.size() + 1, modelName, created, attempts, null,
                improvement == null ? null : improvement.feedback(), null, List.of(member.split("\n", -1))));
        store.save(key, new Metadata(key.owner(), key.signature(), Metadata.GENERATED, record.hash(), record,
                modelName, created, attempts, null, SpecRecord.sha256(member), null, versions, null, null, null));
    }
}
