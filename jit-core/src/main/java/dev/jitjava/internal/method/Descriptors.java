package dev.jitjava.internal.method;

/** Type names from descriptors, without ASM (which start-up does not load): {@code [I} is {@code int[]}. */
public final class Descriptors {
    private Descriptors() {
    }

    /** The name {@link Class#getTypeName()} gives the type: {@code java.lang.String[]}, {@code Outer$Inner}. */
    public static String typeName(String descriptor) {
        int dimensions = 0;
        while (descriptor.charAt(dimensions) == '[') {
            dimensions++;
        }
        String element = switch (descriptor.charAt(dimensions)) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            case 'V' -> "void";
            case 'L' -> descriptor.substring(dimensions + 1, descriptor.length() - 1).replace('/', '.');
            default -> throw new IllegalArgumentException("not a type descriptor: " + descriptor);
        };
        return element + "[]".repeat(dimensions);
    }
}
