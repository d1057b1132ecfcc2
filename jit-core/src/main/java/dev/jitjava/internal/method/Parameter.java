package dev.jitjava.internal.method;

/**
 * One parameter of a method to write.
 *
 * @param name   its name: the declared one when compiled with {@code -parameters}, else derived from its type
 * @param type   its erased type
 * @param source its type as Java source writes it, generics included ({@code List<Integer>}, {@code int...})
 */
public record Parameter(String name, Class<?> type, String source) {
}
