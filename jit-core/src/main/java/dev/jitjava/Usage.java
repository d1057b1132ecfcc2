package dev.jitjava;

/**
 * What a {@code Jit} has asked of its models so far.
 *
 * @param requests     model requests (first answers, repairs and improvements; HTTP retries not counted)
 * @param inputTokens  input tokens, as the models reported them
 * @param outputTokens output tokens, as the models reported them
 */
public record Usage(long requests, long inputTokens, long outputTokens) {
}
