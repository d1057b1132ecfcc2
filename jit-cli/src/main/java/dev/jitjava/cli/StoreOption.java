package dev.jitjava.cli;

import dev.jitjava.internal.store.MethodStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --store DIR}, shared by the store commands. */
final class StoreOption {
    @Option(names = "--store", paramLabel = "DIR",
            description = "The store folder (default: $JIT_STORE, else .jit in the current directory).")
    Path store;

    MethodStore open(Main.Context context) {
        Path folder = store != null ? store : Path.of(context.environment().getOrDefault("JIT_STORE", ".jit"));
        return new MethodStore(context.workingDirectory().resolve(folder));
    }
}
