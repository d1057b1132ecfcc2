package dev.jitjava.internal.model;

import dev.jitjava.Jit;
import dev.jitjava.Model;
import dev.jitjava.internal.model.ModelConfig;
import dev.jitjava.internal.model.ModelNames;
import dev.jitjava.internal.model.ModelSettings;
import dev.jitjava.internal.model.Providers;
import dev.jitjava.internal.model.RetryPolicy;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.JitException;
import dev.jitjava.internal.method.Messages;
import dev.langchain4j.model.chat.ChatModel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The model for each method: the {@code Jit}'s own, or the one its {@code @Model} names, built once. */
public final class Models {
    /** A model with what messages call it, and its settings when jit-java built it (null otherwise). */
    public record Chosen(ChatModel model, String label, ModelSettings settings) {
    }

    private final Supplier<? extends ChatModel> model;
    /** Built on first use: asking a model for its name may start its logging, which start-up does not need. */
    private Chosen standard;
    private final Supplier<ModelConfig> config;
    private final Map<String, Chosen> byAnnotation = new ConcurrentHashMap<>();

    /**
     * @param model  the {@code Jit}'s model, made on first need (a {@link ConfiguredModel} also tells its
     *               settings, for messages), or null when none was given
     * @param config where {@code @Model} annotations find keys and servers
     */
    public Models(Supplier<? extends ChatModel> model, Supplier<ModelConfig> config) {
        this.model = model;
        this.config = config;
    }

    public Chosen forSpec(MethodSpec spec) {
        if (spec.model().isEmpty()) {
            if (model == null) {
                throw new JitException(Messages.forMethod(spec.key(), "No model is configured, so jit-java cannot "
                        + "write this method: give one with Jit.builder().model(chatModel), or set JIT_MODEL for "
                        + "Jit.create()"));
            }
            synchronized (this) {
                if (standard == null) {
                    ChatModel chosen;
                    try {
                        chosen = model.get();
                    } catch (JitException none) { // no model configured: say so about the method that needs one
                        throw new JitException(Messages.forMethod(spec.key(), "Writing this method needs a model. "
                                + none.getMessage()), none);
                    }
                    ModelSettings settings = model instanceof ConfiguredModel configured ? configured.settings() : null;
                    standard = new Chosen(chosen, settings == null ? ModelNames.of(chosen) : settings.label(), settings);
                }
                return standard;
            }
        }
        return byAnnotation.computeIfAbsent(spec.model(), text -> {
            ModelSettings settings = config.get().settingsFor(text, "@Model(\"" + text + "\") "
                    + spec.key().forMethod());
            return new Chosen(Providers.build(settings, RetryPolicy.standard(settings.maxRetries())), settings.label(),
                    settings);
        });
    }
}
