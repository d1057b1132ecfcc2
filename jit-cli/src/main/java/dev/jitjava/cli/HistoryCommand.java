package dev.jitjava.cli;

import dev.jitjava.store.Metadata;
import dev.jitjava.store.MethodStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "history", mixinStandardHelpOptions = true, description = "List a stored method's versions, oldest first, with the feedback or reason for each.")
final class HistoryCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "METHOD", description = "A method name, Type.method, or a full signature.")
    String method;

    private final Main.Context context;

    HistoryCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MethodStore.Listed found = Methods.find(store.open(context), method);
        for (Metadata.VersionRecord version : found.metadata().versions()) {
            String why = version.feedback() != null ? "feedback: " + version.feedback()
                    : version.reason() != null ? version.reason() : "first version";
            context.out().printf("v%d  %s  %s  %d attempt(s)  %s%n", version.number(), version.created(), version.model(),
                    version.attempts(), why);
        }
        return ExitCodes.OK;
    }
}
