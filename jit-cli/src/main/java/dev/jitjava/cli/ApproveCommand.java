package dev.jitjava.cli;

import dev.jitjava.store.MethodStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "approve", mixinStandardHelpOptions = true, description = "Mark a stored method as reviewed and approved.")
final class ApproveCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "METHOD", description = "A method name, Type.method, or a full signature.")
    String method;

    private final Main.Context context;

    ApproveCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MethodStore methods = store.open(context);
        MethodStore.Listed found = Methods.find(methods, method);
        methods.approve(found);
        context.err().println("jit: approved " + Methods.label(found));
        return ExitCodes.OK;
    }
}
