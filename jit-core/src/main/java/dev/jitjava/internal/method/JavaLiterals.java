package dev.jitjava.internal.method;

import dev.jitjava.Example;

/** Writes an expected value as the Java expression that produces it. */
public final class JavaLiterals {
    private JavaLiterals() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return quote(text, '"');
        }
        if (value instanceof Character c) {
            return quote(String.valueOf(c), '\'');
        }
        if (value instanceof Long l) {
            return l + "L";
        }
        if (value instanceof Float f) {
            return f + "f";
        }
        if (value instanceof Double d) {
            return d + "d";
        }
        if (value instanceof Integer || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Short || value instanceof Byte) {
            return "(" + (value instanceof Short ? "short" : "byte") + ") " + value;
        }
        throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as a Java literal: give the "
                + "expected value as a Java expression instead, e.g. new Example.Case(call, \"List.of(1, 2)\", null)");
    }

    private static String quote(String text, char quote) {
        StringBuilder out = new StringBuilder().append(quote);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.append(quote).toString();
    }
}
