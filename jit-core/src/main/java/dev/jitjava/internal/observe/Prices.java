package dev.jitjava.internal.observe;

import dev.jitjava.JitException;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the user pays a model's provider, per million input and output tokens, as configured
 * ({@code JIT_PRICES=openai:gpt-4.1-mini=0.40/1.60, ollama:qwen2.5-coder:7b=0/0}, or
 * {@code Jit.builder().price(...)}). No prices are built in: they change too often, and only the
 * user knows theirs. A price applies to a request when its model is the configured label
 * ({@code openai:gpt-4.1-mini}), the model part of the label ({@code gpt-4.1-mini}) or the model
 * name the response reports.
 */
public final class Prices {
    public static final Prices NONE = new Prices(Map.of());

    /** Input and output price per million tokens. */
    private record Price(double input, double output) {
    }

    private final Map<String, Price> byModel;

    private Prices(Map<String, Price> byModel) {
        this.byModel = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byModel));
    }

    /**
     * Reads {@code model=input/output} entries, separated by commas, semicolons or line breaks.
     *
     * @param source the setting's name, for messages
     * @throws JitException naming the setting and the entry that is not in that form
     */
    public static Prices parse(String text, String source) {
        Map<String, Price> prices = new LinkedHashMap<>();
        for (String entry : text.split("[,;\\n]")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.lastIndexOf('=');
            int slash = trimmed.indexOf('/', Math.max(equals, 0));
            if (equals <= 0 || slash < 0) {
                throw badEntry(source, trimmed);
            }
            try {
                prices.put(trimmed.substring(0, equals).strip(),
                        price(Double.parseDouble(trimmed.substring(equals + 1, slash).strip()),
                                Double.parseDouble(trimmed.substring(slash + 1).strip())));
            } catch (IllegalArgumentException e) {
                throw badEntry(source, trimmed);
            }
        }
        return new Prices(prices);
    }

    /** These prices and one more (or another for the same model). */
    public Prices with(String model, double inputPerMillion, double outputPerMillion) {
        Map<String, Price> more = new LinkedHashMap<>(byModel);
        more.put(model, price(inputPerMillion, outputPerMillion));
        return new Prices(more);
    }

    /** Takes a price: a model and what a million input and output tokens cost. */
    public interface Entry {
        void price(String model, double inputPerMillion, double outputPerMillion);
    }

    /** Hands each price to {@code entry}, in the order configured. */
    public void forEach(Entry entry) {
        byModel.forEach((model, price) -> entry.price(model, price.input(), price.output()));
    }

    public boolean isEmpty() {
        return byModel.isEmpty();
    }

    /**
     * What a request cost.
     *
     * @param models the names the request's model goes by (its label, the model the response names)
     * @return the cost, empty when no price is configured for any of the names
     */
    public OptionalDouble cost(Collection<String> models, long inputTokens, long outputTokens) {
        for (String model : models) {
            if (model == null) {
                continue;
            }
            Price price = byModel.get(model);
            if (price == null && model.indexOf(':') > 0) {
                price = byModel.get(model.substring(model.indexOf(':') + 1));
            }
            if (price != null) {
                return OptionalDouble.of((inputTokens * price.input() + outputTokens * price.output()) / 1_000_000);
            }
        }
        return OptionalDouble.empty();
    }

    private static Price price(double input, double output) {
        if (!(input >= 0) || !(output >= 0) || Double.isInfinite(input) || Double.isInfinite(output)) {
            throw new IllegalArgumentException("a price is a number, 0 or more");
        }
        return new Price(input, output);
    }

    private static JitException badEntry(String source, String entry) {
        return new JitException(source + " has \"" + entry + "\", which is not model=input/output: give each model's "
                + "price per million input and output tokens, as in " + source
                + "=openai:gpt-4.1-mini=0.40/1.60, anthropic:claude-sonnet-4-5=3/15");
    }
}
