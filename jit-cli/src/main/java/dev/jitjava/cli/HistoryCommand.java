package dev.jitjava.cli;

import dev.jitjava.Version;
import dev.jitjava.spi.StoreBrowser;
import dev.jitjava.spi.StoredMethod;
import picocli.CommandLine.Command;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List a stored method's versions, oldest first, with the feedback or reason for each and, "
                + "from its transcript, what was fed back to the model after each attempt and the tools it called.")
final class HistoryCommand extends StoredMethodCommand {
    HistoryCommand(Main.Context context) {
        super(context);
    }

    @Override
    int run(StoreBrowser methods, StoredMethod found) {
        for (Version version : found.versions()) {
            context.out().printf("v%d  %s  %s  %d attempt(s)  %s%n", version.number(), version.createdAt(),
                    version.model(), version.attempts(), why(version));
            methods.transcript(found, version.number())
                    .ifPresent(transcript -> transcript.why().forEach(line -> context.out().println("    " + line)));
        }
        return ExitCodes.OK;
    }

    /** {@code feedback: ...}, the reason it was written, or {@code first version}. */
    static String why(Version version) {
        return version.feedback().map(f -> "feedback: " + f).or(version::reason).orElse("first version");
    }
}
