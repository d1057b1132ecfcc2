package dev.jitjava.internal.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * Members as the allowlist files write them ({@code format(String,Object[])}, {@code <init>(int)},
 * {@code out}) and as the verifier looks them up: the name and the parameters' descriptors,
 * {@code format(Ljava/lang/String;[Ljava/lang/Object;)}. Overloads differ by their parameters; the
 * return type is left out (only bridges differ by it alone, and javac never calls those).
 */
public final class Signatures {
    private Signatures() {
    }

    /** {@code format(String,Object[])} to {@code format(Ljava/lang/String;[Ljava/lang/Object;)}; a field name stays as it is. */
    public static String memberKey(String written) {
        int open = written.indexOf('(');
        if (open < 0) {
            return written;
        }
        StringBuilder key = new StringBuilder(written.length() + 16).append(written, 0, open + 1);
        int close = written.lastIndexOf(')');
        int start = open + 1;
        while (start < close) {
            int comma = written.indexOf(',', start);
            int end = comma < 0 || comma > close ? close : comma;
            descriptor(written.substring(start, end).strip(), key);
            start = end + 1;
        }
        return key.append(')').toString();
    }

    /** The lookup key of a member the bytecode names: {@code name} plus its descriptor's parameter part. */
    public static String memberKey(String name, String descriptor, boolean field) {
        return field ? name : name + descriptor.substring(0, descriptor.indexOf(')') + 1);
    }

    /** {@code java.util.Map$Entry[]} (or {@code String}: java.lang's own classes are written bare) as a descriptor. */
    private static void descriptor(String type, StringBuilder into) {
        while (type.endsWith("[]")) {
            into.append('[');
            type = type.substring(0, type.length() - 2);
        }
        switch (type) {
            case "boolean" -> into.append('Z');
            case "byte" -> into.append('B');
            case "char" -> into.append('C');
            case "short" -> into.append('S');
            case "int" -> into.append('I');
            case "long" -> into.append('J');
            case "float" -> into.append('F');
            case "double" -> into.append('D');
            default -> into.append('L').append(type.indexOf('.') < 0 ? "java/lang/" + type : type.replace('.', '/'))
                    .append(';');
        }
    }

    /** How the files write a parameter type: {@code String}, {@code java.util.List}, {@code int[]}. */
    public static String written(Class<?> type) {
        String name = type.getTypeName();
        if (name.startsWith("java.lang.") && name.indexOf('.', 10) < 0) {
            return name.substring(10);
        }
        return name;
    }

    /** {@code name(String,int)} for a method or constructor ({@code <init>}) with these parameter types. */
    public static String written(String name, Class<?>[] parameters) {
        StringBuilder text = new StringBuilder(name).append('(');
        for (int i = 0; i < parameters.length; i++) {
            text.append(i == 0 ? "" : ",").append(written(parameters[i]));
        }
        return text.append(')').toString();
    }

    /** The words of a line, split at white space (no regular expression: the files are read in one go). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>(4);
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(text.substring(start, i));
            }
        }
        return words;
    }
}
