package dev.jitjava.cli;

import dev.jitjava.store.MethodStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "rm", mixinStandardHelpOptions = true, description = "Delete a stored method (its .java and .json); its next call writes it again.")
final class RmCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "METHOD", description = "A method name, Type.method, or a full signature.")
    String method;

    private final Main.Context context;

    RmCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MethodStore methods = store.open(context);
        MethodStore.Listed found = Methods.find(methods, method);
        methods.remove(found);
        context.err().println("jit: removed " + Methods.label(found));
        return ExitCodes.OK;
    }
}
