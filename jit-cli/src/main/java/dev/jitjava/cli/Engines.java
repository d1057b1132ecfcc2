package dev.jitjava.cli;

import dev.jitjava.Jit;
import dev.jitjava.JitException;
import dev.jitjava.Mode;
import dev.jitjava.Reviewer;

import dev.langchain4j.model.chat.ChatModel;

import java.nio.file.Path;
import java.util.function.Supplier;

/** The {@code Jit} a command works with: configured as {@code Jit.create()} is, on the command's store. */
final class Engines {
    private Engines() {
    }

    /**
     * @param store       the store folder
     * @param maxAttempts model requests per method
     * @param reviewer    who approves new versions when {@code JIT_MODE=review}
     */
    static Jit open(Main.Context context, Path store, int maxAttempts, Reviewer reviewer) {
        Jit.Builder builder;
        try {
            // A model made only when a method must be written: a program whose methods are all stored runs
            // with no model configured (the engine names the method and what to set when one is needed).
            Supplier<ChatModel> model = context.model();
            builder = context.configuration().builder(() -> model.get());
        } catch (JitException e) {
            throw new ExitException(ExitCodes.USAGE, e.getMessage(), "JIT_MODE is auto, review or locked");
        }
        builder.store(store).maxAttempts(maxAttempts).reviewer(reviewer);
        return builder.build();
    }

    /** The mode the environment asks for. */
    static Mode mode(Main.Context context) {
        return context.configuration().mode();
    }
}
