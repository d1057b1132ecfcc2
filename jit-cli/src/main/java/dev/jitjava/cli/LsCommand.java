package dev.jitjava.cli;

import dev.jitjava.spi.StoreBrowser;
import dev.jitjava.spi.StoredMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "ls", mixinStandardHelpOptions = true, description = "List stored methods: status (generated, approved, edited), model, versions, tokens of the "
        + "current version, and what all versions cost where prices are configured (JIT_PRICES).")
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
            String cost = method.cost().isPresent() ? "cost " + cost(method.cost().getAsDouble()) : "";
            context.out().printf("%-50s %-9s %-28s v%-3d %-12s %s%n", method.label(), method.status(), method.model(),
                    method.versions().size(), tokens, cost);
        }
        return ExitCodes.OK;
    }

    /** Four significant digits at most, never an exponent: {@code 0.000948}. */
    static String cost(double cost) {
        return new BigDecimal(cost).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
