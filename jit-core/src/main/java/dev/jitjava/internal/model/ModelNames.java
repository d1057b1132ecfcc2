package dev.jitjava.internal.model;

import dev.langchain4j.model.chat.ChatModel;

/** What to call a model in messages and version records. */
public final class ModelNames {
    private ModelNames() {
    }

    /** The model's configured name, else its provider, else its class. */
    public static String of(ChatModel model) {
        try {
            var parameters = model.defaultRequestParameters();
            if (parameters != null && parameters.modelName() != null && !parameters.modelName().isBlank()) {
                return parameters.modelName();
            }
        } catch (RuntimeException e) {
            // Some implementations do not support default parameters; the class name will do.
        }
        return model.getClass().getSimpleName();
    }
}
