package dev.jitjava.cli;

import dev.jitjava.spi.StoreBrowser;
import dev.jitjava.spi.StoredMethod;
import picocli.CommandLine.Command;

@Command(name = "approve", mixinStandardHelpOptions = true, description = "Mark a stored method as reviewed and approved.")
final class ApproveCommand extends StoredMethodCommand {
    ApproveCommand(Main.Context context) {
        super(context);
    }

    @Override
    int run(StoreBrowser methods, StoredMethod found) {
        methods.approve(found);
        context.err().println("jit: approved " + found.label());
        return ExitCodes.OK;
    }
}
