package dev.jitjava.cli;

import dev.jitjava.internal.store.Metadata;
import dev.jitjava.internal.store.MethodStore;
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
        MethodStore methods = store.open(context);
        List<MethodStore.Listed> listed = methods.list();
        if (listed.isEmpty()) {
            context.err().println("jit: no stored methods in " + methods.root());
            return ExitCodes.OK;
        }
        for (MethodStore.Listed method : listed) {
            Metadata m = method.metadata();
            String tokens = m.tokens() == null ? "-" : m.tokens().input() + "+" + m.tokens().output();
            context.out().printf("%-50s %-9s %-28s v%-3d %s%n", Methods.label(method), m.status(), m.model(),
                    m.versions().size(), tokens);
        }
        return ExitCodes.OK;
    }
}
