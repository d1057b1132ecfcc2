package dev.jitjava.cli;

import dev.jitjava.spi.StoreBrowser;
import dev.jitjava.spi.StoredMethod;
import picocli.CommandLine.Command;

@Command(name = "rm", mixinStandardHelpOptions = true,
        description = "Delete a stored method (its .java, .json and transcripts); its next call writes it again.")
final class RmCommand extends StoredMethodCommand {
    RmCommand(Main.Context context) {
        super(context);
    }

    @Override
    int run(StoreBrowser methods, StoredMethod found) {
        methods.remove(found);
        context.err().println("jit: removed " + found.label());
        return ExitCodes.OK;
    }
}
