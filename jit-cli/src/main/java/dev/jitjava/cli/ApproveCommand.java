package dev.jitjava.cli;

import dev.jitjava.internal.store.MethodStore;
import picocli.CommandLine.Command;

@Command(name = "approve", mixinStandardHelpOptions = true, description = "Mark a stored method as reviewed and approved.")
final class ApproveCommand extends StoredMethodCommand {
    ApproveCommand(Main.Context context) {
        super(context);
    }

    @Override
    int run(MethodStore methods, MethodStore.Listed found) {
        methods.approve(found);
        context.err().println("jit: approved " + Methods.label(found));
        return ExitCodes.OK;
    }
}
