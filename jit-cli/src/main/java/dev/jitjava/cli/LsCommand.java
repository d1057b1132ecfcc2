package dev.jitjava.cli;

import dev.jitjava.spi.StoreBrowser;
import dev.jitjava.spi.StoredMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "ls", mixinStandardHelpOptions = true, description = "List stored methods: status (generated, approved, edited), model, versions, tokens.")
final class LsCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    private final Main.Context context;

    LsCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        StoreBrowser methods = store.open(context);
        List<StoredMethod> listed = methods.list();
        if (listed.isEmpty()) {
            context.err().println("jit: no stored methods in " + methods.root());
            return ExitCodes.OK;
        }
        for (StoredMethod method : listed) {
            String tokens = method.inputTokens() < 0 ? "-" : method.inputTokens() + "+" + method.outputTokens();
            context.out().printf("%-50s %-9s %-28s v%-3d %s%n", method.label(), method.status(), method.model(),
                    method.versions().size(), tokens);
        }
        return ExitCodes.OK;
    }
}
