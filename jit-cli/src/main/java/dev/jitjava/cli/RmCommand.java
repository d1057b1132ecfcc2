package dev.jitjava.cli;

import dev.jitjava.internal.store.MethodStore;
import picocli.CommandLine.Command;

@Command(name = "rm", mixinStandardHelpOptions = true,
        description = "Delete a stored method (its .java and .json); its next call writes it again.")
final class RmCommand extends StoredMethodCommand {
    RmCommand(Main.Context context) {
        super(context);
    }

    @Override
    int run(MethodStore methods, MethodStore.Listed found) {
        methods.remove(found);
        context.err().println("jit: removed " + Methods.label(found));
        return ExitCodes.OK;
    }
}
