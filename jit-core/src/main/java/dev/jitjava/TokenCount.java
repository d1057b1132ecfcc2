package dev.jitjava;

import dev.jitjava.store.Metadata;
import dev.langchain4j.model.output.TokenUsage;

/** Adds up the token usage of a generation's responses; null when no response reported any. */
final class TokenCount {
    private long input;
    private long output;
    private boolean reported;

    void add(TokenUsage usage) {
        if (usage != null) {
            reported = true;
            input += usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
            output += usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        }
    }

    Metadata.Tokens total() {
        return reported ? new Metadata.Tokens(input, output) : null;
    }
}
