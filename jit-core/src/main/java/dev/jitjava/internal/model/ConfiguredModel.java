package dev.jitjava.internal.model;

import dev.langchain4j.model.chat.ChatModel;

import java.util.function.Supplier;

/**
 * The model a configuration names, built on first need: a process that only runs stored methods
 * (LOCKED, or everything stored) never builds it, never probes a server and needs no key.
 */
public final class ConfiguredModel implements Supplier<ChatModel> {
    private final ModelConfig config;
    private final RetryPolicy policy;
    private ModelSettings settings;
    private ChatModel model;

    /** @param policy the retry policy, or null for the standard one for the configured retries */
    public ConfiguredModel(ModelConfig config, RetryPolicy policy) {
        this.config = config;
        this.policy = policy;
    }

    public ModelConfig config() {
        return config;
    }

    /** The settings (working them out on first need); a {@code JitException} saying what to set when there are none. */
    public synchronized ModelSettings settings() {
        if (settings == null) {
            settings = config.settings();
        }
        return settings;
    }

    @Override
    public synchronized ChatModel get() {
        if (model == null) {
            ModelSettings chosen = settings();
            model = Providers.build(chosen, policy != null ? policy : RetryPolicy.standard(chosen.maxRetries()));
        }
        return model;
    }
}
