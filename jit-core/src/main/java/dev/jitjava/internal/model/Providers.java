package dev.jitjava.internal.model;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import java.util.List;

/** Builds LangChain4j's model for each provider, on jit-java's HTTP transport and retry policy. */
public final class Providers {
    static final List<String> NAMES = List.of("openai", "anthropic", "gemini", "ollama");
    static final String GEMINI_DEFAULT_URL = "https://generativelanguage.googleapis.com/v1beta";
    static final String OLLAMA_DEFAULT_URL = "http://localhost:11434";

    private Providers() {
    }

    public static String keyVariable(String provider) {
        return switch (provider) {
            case "openai" -> "OPENAI_API_KEY";
            case "anthropic" -> "ANTHROPIC_API_KEY";
            case "gemini" -> "GEMINI_API_KEY";
            default -> null;
        };
    }

    public static String defaultModel(String provider) {
        return switch (provider) {
            case "openai" -> "gpt-4.1-mini";
            case "anthropic" -> "claude-sonnet-4-5";
            case "gemini" -> "gemini-2.5-flash";
            default -> "qwen2.5-coder:7b";
        };
    }

    public static ChatModel build(ModelSettings settings, RetryPolicy policy) {
        RetryingHttpClient.Builder http = new RetryingHttpClient.Builder(policy);
        return switch (settings.provider()) {
            case "openai" -> OpenAiChatModel.builder().httpClientBuilder(http).baseUrl(settings.baseUrl())
                    .apiKey(settings.apiKey()).modelName(settings.modelName()).timeout(settings.timeout())
                    .maxRetries(0).temperature(settings.temperature()).build();
            case "anthropic" -> AnthropicChatModel.builder().httpClientBuilder(http)
                    .baseUrl(anthropicUrl(settings.baseUrl())).apiKey(settings.apiKey())
                    .modelName(settings.modelName()).timeout(settings.timeout()).maxRetries(0)
                    .temperature(settings.temperature()).build();
            case "gemini" -> GoogleAiGeminiChatModel.builder().httpClientBuilder(http)
                    .baseUrl(settings.baseUrl() == null ? GEMINI_DEFAULT_URL : settings.baseUrl())
                    .apiKey(settings.apiKey()).modelName(settings.modelName()).timeout(settings.timeout())
                    .maxRetries(0).temperature(settings.temperature()).build();
            case "ollama" -> OllamaChatModel.builder().httpClientBuilder(http)
                    .baseUrl(settings.baseUrl() == null ? OLLAMA_DEFAULT_URL : settings.baseUrl())
                    .modelName(settings.modelName()).timeout(settings.timeout()).maxRetries(0)
                    .temperature(settings.temperature()).build();
            default -> throw new IllegalArgumentException("unknown provider " + settings.provider());
        };
    }

    /** Anthropic's client wants the URL up to and including {@code /v1/}; users write it with or without. */
    public static String anthropicUrl(String baseUrl) {
        if (baseUrl == null) {
            return null;
        }
        String url = baseUrl.replaceAll("/+$", "");
        return (url.endsWith("/v1") ? url : url + "/v1") + "/";
    }
}
