package dev.jitjava;

import dev.jitjava.bind.ClassDefiner;
import dev.jitjava.compile.Compilation;
import dev.jitjava.compile.InMemoryCompiler;
import dev.jitjava.compile.SignatureCheck;
import dev.jitjava.compile.SourceUnit;
import dev.jitjava.extract.CodeExtractor;
import dev.jitjava.extract.Extraction;
import dev.jitjava.model.ModelNames;
import dev.jitjava.prompt.MethodSpec;
import dev.jitjava.prompt.Prompts;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the stages for one method: prompt, model, extract, compile, check, define; and the repair
 * loop around them, which sends every problem back to the model in the same conversation until an
 * answer works or {@code maxAttempts} requests have been made.
 */
final class Generator {
    private final ChatModel model;
    private final int maxAttempts;
    private final InMemoryCompiler compiler = new InMemoryCompiler();

    Generator(ChatModel model, int maxAttempts) {
        this.model = model;
        this.maxAttempts = maxAttempts;
    }

    /** A method that compiled and was defined: its source and its handle, typed {@code (self, params...)return}. */
    record Generated(String source, MethodHandle handle, String model, int attempts) {
    }

    /** What one answer came to: a method, or the problems to send back. */
    private record Outcome(Generated generated, List<Diagnostic> problems) {
    }

    /**
     * Writes a method: a first version when {@code feedback} is null, else a new version of the
     * current one (the last of {@code history}).
     */
    Generated generate(MethodSpec spec, List<Version> history, String feedback) {
        String modelName = ModelNames.of(model);
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(Prompts.system()));
        messages.add(UserMessage.from(feedback == null ? Prompts.write(spec) : Prompts.improve(spec, history, feedback)));
        List<Diagnostic> problems = List.of();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1) {
                messages.add(UserMessage.from(Prompts.repair(spec, problems)));
            }
            ChatResponse response = ask(messages, spec, modelName, attempt);
            if (response.modelName() != null && !response.modelName().isBlank()) {
                modelName = response.modelName();
            }
            String answer = response.aiMessage() == null || response.aiMessage().text() == null
                    ? "" : response.aiMessage().text();
            messages.add(AiMessage.from(answer));
            Outcome outcome = tryAnswer(spec, answer, modelName, attempt);
            if (outcome.generated() != null) {
                return outcome.generated();
            }
            problems = outcome.problems();
        }
        throw new GenerationException("No usable answer from model " + modelName + " after " + maxAttempts
                + (maxAttempts == 1 ? " attempt" : " attempts") + ". Last problem: " + problems.get(0).describe()
                + "\nDescribe the method more precisely (@Describe, @Example) or allow more attempts (maxAttempts), "
                + spec.key().forMethod(), spec.key().display(), modelName, maxAttempts, problems);
    }

    private ChatResponse ask(List<ChatMessage> messages, MethodSpec spec, String modelName, int attempt) {
        try {
            return model.chat(ChatRequest.builder().messages(List.copyOf(messages)).build());
        } catch (RuntimeException e) {
            throw new JitException("Model " + modelName + " failed on attempt " + attempt + " of " + maxAttempts
                    + ": " + e.getMessage() + ", " + spec.key().forMethod(), e);
        }
    }

    private Outcome tryAnswer(MethodSpec spec, String answer, String modelName, int attempt) {
        Extraction extraction = CodeExtractor.extract(answer, spec);
        if (extraction instanceof Extraction.Missing missing) {
            return new Outcome(null, missing.problems());
        }
        SourceUnit unit = SourceUnit.of(spec, (Extraction.Found) extraction);
        Compilation compilation = compiler.compile(unit, visibleTypes(spec));
        if (compilation instanceof Compilation.Failed failed) {
            return new Outcome(null, failed.errors());
        }
        var classes = ((Compilation.Classes) compilation).classes();
        ClassLoader loader = spec.owner().anchor().getClassLoader();
        SignatureCheck.Result signature = SignatureCheck.check(classes.get(unit.binaryName()), spec, loader);
        if (signature.descriptor() == null) {
            return new Outcome(null, signature.problems());
        }
        MethodHandles.Lookup lookup = ClassDefiner.lookupIn(spec.owner().anchor());
        Class<?> defined = ClassDefiner.define(lookup, classes, unit.binaryName());
        try {
            MethodType type = MethodType.fromMethodDescriptorString(signature.descriptor(), defined.getClassLoader());
            MethodHandle handle = lookup.findStatic(defined, spec.name(), type).asFixedArity();
            return new Outcome(new Generated(unit.source(), handle, modelName, attempt), List.of());
        } catch (ReflectiveOperationException e) {
            throw new JitException("jit-java could not link the method it compiled, " + spec.key().forMethod(), e);
        }
    }

    private static Set<Class<?>> visibleTypes(MethodSpec spec) {
        Set<Class<?>> types = new HashSet<>(spec.signatureTypes());
        types.add(spec.owner().anchor());
        types.add(spec.owner().selfType());
        return types;
    }
}
