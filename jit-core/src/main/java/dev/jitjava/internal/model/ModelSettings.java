package dev.jitjava.internal.model;

import java.time.Duration;

/**
 * One configured model: which provider, which model, where, and with what limits.
 *
 * @param provider    {@code openai}, {@code anthropic}, {@code gemini} or {@code ollama}
 * @param modelName   the provider's model name, e.g. {@code qwen2.5-coder:7b}
 * @param apiKey      the key, or null where none is needed; never printed
 * @param baseUrl     the server, or null for the provider's own
 * @param timeout     per request
 * @param maxRetries  retries after the first try
 * @param temperature null for the provider's default
 */
public record ModelSettings(String provider, String modelName, String apiKey, String baseUrl, Duration timeout,
                            int maxRetries, Double temperature) {

    /** {@code openai:gpt-4.1-mini}: how messages and metadata name the model. */
    public String label() {
        return provider + ":" + modelName;
    }

    /** The environment variable that holds this provider's key, or null if it has none. */
    public String keyVariable() {
        return Providers.keyVariable(provider);
    }

    @Override
    public String toString() {
        return "ModelSettings[" + label() + ", baseUrl=" + baseUrl + ", timeout=" + timeout + ", maxRetries="
                + maxRetries + ", temperature=" + temperature + ", apiKey=" + (apiKey == null ? "none" : "***") + "]";
    }
}
