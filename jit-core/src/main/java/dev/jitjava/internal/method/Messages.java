package dev.jitjava.internal.method;

/**
 * Builds every message about one method the same way, as Retrofit's {@code methodError} does: what
 * happened and what to do, then {@code for method Numbers.countVowels(String)}. Tests assert the
 * whole text, so the ending is written here only.
 */
public final class Messages {
    private Messages() {
    }

    /** {@code message} ended with the method it is about; a final period, comma or semicolon is dropped first. */
    public static String forMethod(MethodKey key, String message) {
        String text = message.strip();
        if (text.endsWith(".") && !text.endsWith("..") || text.endsWith(",") || text.endsWith(";")) {
            text = text.substring(0, text.length() - 1);
        }
        return text + ", " + key.forMethod();
    }
}
