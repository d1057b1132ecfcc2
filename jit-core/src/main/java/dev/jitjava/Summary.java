package dev.jitjava;

/**
 * How the API's records show text in {@code toString}: a log line or a debugger shows one line per
 * record, so a source is given by its size and free text is quoted on one line and cut short.
 */
final class Summary {
    private static final int MAX_TEXT = 80;

    private Summary() {
    }

    /** {@code 412 chars in 14 lines}. */
    static String size(String source) {
        long lines = source.lines().count();
        return source.length() + " chars in " + lines + (lines == 1 ? " line" : " lines");
    }

    /** The text in quotes, line breaks and quotes escaped, cut at 80 characters with an ellipsis. */
    static String quoted(String text) {
        String cut = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
        return '"' + cut.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n") + '"';
    }
}
