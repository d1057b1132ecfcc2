package dev.jitjava.cli;

import dev.jitjava.spi.StoreBrowser;
import dev.jitjava.spi.StoredMethod;
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
        StoreBrowser methods = store.open(context);
        return run(methods, StoreOption.find(methods, method));
    }

    abstract int run(StoreBrowser methods, StoredMethod found) throws Exception;
}
