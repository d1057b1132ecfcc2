package dev.jitjava;

/** Minimal but real response bodies of each provider's chat API, holding a model's answer. */
final class WireFormats {
    private WireFormats() {
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String reply(String provider, String model, String answer) {
        return switch (provider) {
            case "openai" -> """
                    {"id":"chatcmpl-1","object":"chat.completion","created":1764000000,"model":"%s",
                     "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":11,"completion_tokens":22,"total_tokens":33}}""".formatted(model, json(answer));
            case "anthropic" -> """
                    {"id":"msg_1","type":"message","role":"assistant","model":"%s",
                     "content":[{"type":"text","text":%s}],"stop_reason":"end_turn","stop_sequence":null,
                     "usage":{"input_tokens":11,"output_tokens":22}}""".formatted(model, json(answer));
            case "gemini" -> """
                    {"candidates":[{"content":{"parts":[{"text":%s}],"role":"model"},"finishReason":"STOP","index":0}],
                     "usageMetadata":{"promptTokenCount":11,"candidatesTokenCount":22,"totalTokenCount":33},
                     "modelVersion":"%s"}""".formatted(json(answer), model);
            case "ollama" -> """
                    {"model":"%s","created_at":"2026-11-25T10:00:00Z","message":{"role":"assistant","content":%s},
                     "done":true,"done_reason":"stop","prompt_eval_count":11,"eval_count":22}""".formatted(model, json(answer));
            default -> throw new IllegalArgumentException(provider);
        };
    }
}
