package dev.jitjava.cli;

import dev.jitjava.internal.store.Metadata;
import dev.jitjava.internal.store.MethodStore;
import picocli.CommandLine.Command;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List a stored method's versions, oldest first, with the feedback or reason for each.")
final class HistoryCommand extends StoredMethodCommand {
    HistoryCommand(Main.Context context) {
        super(context);
    }

    @Override
    int run(MethodStore methods, MethodStore.Listed found) {
        for (Metadata.VersionRecord version : found.metadata().versions()) {
            String why = version.feedback() != null ? "feedback: " + version.feedback()
                    : version.reason() != null ? version.reason() : "first version";
            context.out().printf("v%d  %s  %s  %d attempt(s)  %s%n", version.number(), version.created(), version.model(),
                    version.attempts(), why);
        }
        return ExitCodes.OK;
    }
}
