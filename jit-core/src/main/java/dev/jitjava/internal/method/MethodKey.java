package dev.jitjava.internal.method;

import java.util.List;

/**
 * Identifies a method across calls and runs: the owner (an interface's binary name, or
 * {@code object/<namespace>}), the method name and the erased parameter types. Overloads are distinct keys.
 *
 * @param owner      {@code dev.example.Numbers} or {@code object/scratch}
 * @param ownerLabel what messages call the owner: {@code Numbers} or {@code scratch}
 * @param name       the method name
 * @param parameterTypes the erased parameter types' names, as {@link Class#getTypeName()} spells them ({@code int[]})
 */
public record MethodKey(String owner, String ownerLabel, String name, List<String> parameterTypes) {
    public MethodKey {
        parameterTypes = List.copyOf(parameterTypes);
    }

    /** The key a signature names ({@code countVowels(java.lang.String)}; spaces ignored) for an owner. */
    public static MethodKey of(String owner, String ownerLabel, String signature) {
        int open = signature.indexOf('(');
        String name = open < 0 ? signature : signature.substring(0, open);
        String parameters = open < 0 ? "" : signature.substring(open + 1, signature.length() - 1).replace(" ", "");
        return new MethodKey(owner, ownerLabel, name, parameters.isEmpty() ? List.of() : List.of(parameters.split(",")));
    }

    /** {@code countVowels(java.lang.String)}: stable, readable, used for file names. */
    public String signature() {
        return name + "(" + String.join(",", parameterTypes) + ")";
    }

    /** {@code Numbers.countVowels(String)}: how messages name the method. */
    public String display() {
        StringBuilder text = new StringBuilder(ownerLabel).append('.').append(name).append('(');
        for (int i = 0; i < parameterTypes.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(simpleName(parameterTypes.get(i)));
        }
        return text.append(')').toString();
    }

    /** The ending every error message about this method has. */
    public String forMethod() {
        return "for method " + display();
    }

    private static String simpleName(String typeName) {
        String name = typeName.substring(typeName.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    @Override
    public String toString() {
        return display();
    }

    // Written out: a record's generated equals and hashCode bootstrap through invokedynamic, which
    // costs milliseconds at start-up, and keys are hashed from the first stored method on.
    @Override
    public boolean equals(Object other) {
        return other instanceof MethodKey key && owner.equals(key.owner) && name.equals(key.name)
                && parameterTypes.equals(key.parameterTypes) && ownerLabel.equals(key.ownerLabel);
    }

    @Override
    public int hashCode() {
        return (owner.hashCode() * 31 + name.hashCode()) * 31 + parameterTypes.hashCode();
    }
}
