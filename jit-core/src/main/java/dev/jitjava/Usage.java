package dev.jitjava;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a {@code Jit} has asked of its models so far.
 *
 * @param requests     model requests (first answers, repairs, improvements and tool round trips; HTTP retries not
 *                     counted)
 * @param inputTokens  input tokens, as the models reported them
 * @param outputTokens output tokens, as the models reported them
 * @param cost         what the requests cost at the prices configured for their models ({@code JIT_PRICES} or
 *                     {@link Jit.Builder#price}), in the prices' currency; requests to a model without a price
 *                     add nothing, and it is empty when no request had one
 */
public record Usage(long requests, long inputTokens, long outputTokens, OptionalDouble cost) {
    /**
     * Checks that the cost is given (empty when unknown, never null).
     *
     * @param requests     model requests
     * @param inputTokens  input tokens
     * @param outputTokens output tokens
     * @param cost         what they cost, empty when no price applied
     */
    public Usage {
        Objects.requireNonNull(cost, "cost");
    }

    /**
     * Usage without a cost, as before prices could be configured.
     *
     * @param requests     model requests
     * @param inputTokens  input tokens
     * @param outputTokens output tokens
     */
    public Usage(long requests, long inputTokens, long outputTokens) {
        this(requests, inputTokens, outputTokens, OptionalDouble.empty());
    }

    /**
     * One line, the cost only when there is one: {@code Usage[requests=3, inputTokens=2436,
     * outputTokens=288, cost=0.001435]}.
     */
    @Override
    public String toString() {
        return "Usage[requests=" + requests + ", inputTokens=" + inputTokens + ", outputTokens=" + outputTokens
                + (cost.isPresent() ? ", cost=" + cost.getAsDouble() : "") + "]";
    }
}
