package dev.jitjava.cli;

import dev.jitjava.internal.store.MethodStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** A command about one stored method: finds it in the store, then does its part. */
abstract class StoredMethodCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Parameters(index = "0", paramLabel = "METHOD", description = "A method name, Type.method, or a full signature.")
    String method;

    final Main.Context context;

    StoredMethodCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public final Integer call() throws Exception {
        MethodStore methods = store.open(context);
        return run(methods, Methods.find(methods, method));
    }

    abstract int run(MethodStore methods, MethodStore.Listed found) throws Exception;
}
