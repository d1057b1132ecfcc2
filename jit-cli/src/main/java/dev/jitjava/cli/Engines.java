package dev.jitjava.cli;

import dev.jitjava.Jit;
import dev.jitjava.JitException;
import dev.jitjava.Mode;
import dev.jitjava.Reviewer;

import java.nio.file.Path;

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
            builder = context.configuration().builder(context.model());
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
