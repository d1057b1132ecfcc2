package dev.jitjava.internal.method;

/**
 * One parameter of a method to write.
 *
 * @param name          its name: the declared one when compiled with {@code -parameters}, else derived from its type
 * @param type          its erased type, or null for a host's method, whose types may not be loadable yet
 * @param source        its type as Java source writes it, generics included ({@code List<Integer>}, {@code int...})
 * @param descriptor    its erased type's descriptor ({@code Ljava/util/List;})
 * @param argumentClass the class of the argument it was typed from, for a method typed from a call (an
 *                      {@code ArrayList} where {@code type} is {@code List}): an answer may take that class;
 *                      else {@code type} itself
 */
public record Parameter(String name, Class<?> type, String source, String descriptor, Class<?> argumentClass) {
    public Parameter(String name, Class<?> type, String source) {
        this(name, type, source, type.descriptorString(), type);
    }

    public Parameter(String name, Class<?> type, String source, String descriptor) {
        this(name, type, source, descriptor, type);
    }

    /** The erased type's simple name, {@code List} or {@code int[]}, as an answer would spell it. */
    public String simpleTypeName() {
        if (type != null) {
            return type.getSimpleName();
        }
        String name = dev.jitjava.internal.method.Descriptors.typeName(descriptor);
        return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
    }
}
