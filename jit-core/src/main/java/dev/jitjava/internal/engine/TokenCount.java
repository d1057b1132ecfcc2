package dev.jitjava.internal.engine;

import dev.jitjava.internal.store.Metadata;
import dev.langchain4j.model.output.TokenUsage;

/** Adds up the token usage of a generation's responses; null when no response reported any. */
public final class TokenCount {
    private long input;
    private long output;
    private boolean reported;

    public void add(TokenUsage usage) {
        if (usage != null) {
            reported = true;
            input += usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
            output += usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        }
    }

    public Metadata.Tokens total() {
        return reported ? new Metadata.Tokens(input, output) : null;
    }
}
