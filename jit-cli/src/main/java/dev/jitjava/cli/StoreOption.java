package dev.jitjava.cli;

import dev.jitjava.spi.StoreBrowser;
import dev.jitjava.spi.StoredMethod;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** {@code --store DIR}, shared by the store commands. */
final class StoreOption {
    @Option(names = "--store", paramLabel = "DIR",
            description = "The store folder (default: $JIT_STORE, else .jit in the current directory).")
    Path store;

    /** The folder this option (or JIT_STORE, or .jit here) names. */
    Path folder(Main.Context context) {
        return store != null ? context.workingDirectory().resolve(store) : context.configuration().store();
    }

    StoreBrowser open(Main.Context context) {
        return StoreBrowser.open(folder(context));
    }

    /** The one stored method a person means by {@code query}, or an exit with what to do. */
    static StoredMethod find(StoreBrowser store, String query) {
        List<StoredMethod> matches = store.find(query);
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new ExitException(ExitCodes.USAGE, "no stored method matches " + query + " in " + store.root(),
                    store.list().isEmpty() ? "the store is empty" : "jit ls lists the stored methods");
        }
        throw new ExitException(ExitCodes.USAGE, query + " matches " + matches.size() + " methods: "
                + matches.stream().map(StoredMethod::label).collect(Collectors.joining(", ")),
                "name one by its signature, e.g. jit show '" + matches.get(0).label() + "'");
    }
}
