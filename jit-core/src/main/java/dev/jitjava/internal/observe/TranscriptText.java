package dev.jitjava.internal.observe;

import dev.jitjava.internal.store.JsonText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a transcript (see {@link Conversation}) for people: the whole conversation in order
 * ({@code jit show --transcript}), or the few lines that say why a version looks as it does
 * ({@code jit history}): the problems fed back after each attempt, and the tools the model called.
 */
public final class TranscriptText {
    private TranscriptText() {
    }

    /** The transcript, readable: a header with the outcome, then each message, request, response and problem. */
    public static String render(String jsonLines) {
        List<Map<String, Object>> entries = parse(jsonLines);
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> entry : entries) {
            switch (text(entry, "type")) {
                case "generation" -> out.append(text(entry, "method")).append(", started ")
                        .append(text(entry, "started")).append('\n');
                case "outcome" -> out.append(outcome(entry)).append('\n');
                default -> {
                }
            }
        }
        for (Map<String, Object> entry : entries) {
            switch (text(entry, "type")) {
                case "message" -> {
                    String role = text(entry, "role");
                    String tool = entry.get("tool") == null ? "" : " " + text(entry, "tool");
                    out.append("\n--- ").append(role).append(tool)
                            .append(Boolean.TRUE.equals(entry.get("replaces")) ? " (sent instead of message "
                                    + number(entry, "index") + ")" : "").append(" ---\n");
                    if (entry.get("text") != null && !text(entry, "text").isEmpty()) {
                        out.append(text(entry, "text")).append('\n');
                    }
                    for (Object call : list(entry.get("toolCalls"))) {
                        @SuppressWarnings("unchecked") Map<String, Object> fields = (Map<String, Object>) call;
                        out.append("calls ").append(text(fields, "name")).append(' ').append(text(fields, "arguments"))
                                .append('\n');
                    }
                }
                case "request" -> out.append("\n>> request ").append(number(entry, "number")).append(" (attempt ")
                        .append(number(entry, "attempt")).append("): ").append(number(entry, "messages"))
                        .append(" messages").append(list(entry.get("tools")).isEmpty() ? ""
                                : ", tools " + String.join(", ", strings(entry.get("tools")))).append('\n');
                case "response" -> out.append("<< response ").append(number(entry, "number")).append(" in ")
                        .append(number(entry, "millis")).append(" ms").append(entry.get("model") == null ? ""
                                : " from " + text(entry, "model")).append(tokens(entry)).append(cost(entry))
                        .append(number(entry, "toolCalls") > 0 ? ", " + plural(number(entry, "toolCalls"), "tool call")
                                : "").append('\n');
                case "error" -> out.append("<< request ").append(number(entry, "number")).append(" failed after ")
                        .append(number(entry, "millis")).append(" ms: ").append(text(entry, "message"))
                        .append(Boolean.TRUE.equals(entry.get("retried")) ? " (asked again without tools)" : "")
                        .append('\n');
                case "problems" -> {
                    out.append("\n!! attempt ").append(number(entry, "attempt")).append(" did not pass; fed back:\n");
                    problems(entry).forEach(line -> out.append("   ").append(line).append('\n'));
                }
                default -> {
                }
            }
        }
        return out.toString();
    }

    /**
     * Why a version looks as it does, one line each: what was fed back after each attempt that did
     * not pass, the tools the model called, and the outcome's figures.
     */
    public static List<String> why(String jsonLines) {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> entry : parse(jsonLines)) {
            switch (text(entry, "type")) {
                case "problems" -> {
                    List<String> problems = problems(entry);
                    lines.add("attempt " + number(entry, "attempt") + " fed back: " + problems.get(0)
                            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
                }
                case "message" -> {
                    for (Object call : list(entry.get("toolCalls"))) {
                        @SuppressWarnings("unchecked") Map<String, Object> fields = (Map<String, Object>) call;
                        lines.add("called " + text(fields, "name") + " " + text(fields, "arguments"));
                    }
                }
                case "outcome" -> lines.add(outcome(entry));
                default -> {
                }
            }
        }
        return lines;
    }

    private static String outcome(Map<String, Object> entry) {
        String outcome = text(entry, "outcome").replace('_', ' ');
        return outcome + (entry.get("version") == null ? "" : " as version " + number(entry, "version")) + " with "
                + text(entry, "model") + ": " + plural(number(entry, "attempts"), "attempt") + ", "
                + plural(number(entry, "requests"), "request") + ", " + plural(number(entry, "toolCalls"), "tool call")
                + tokens(entry) + cost(entry) + ", " + seconds(number(entry, "millis"))
                + (entry.get("problem") == null ? "" : "\n" + text(entry, "problem"));
    }

    private static List<String> problems(Map<String, Object> entry) {
        List<String> lines = new ArrayList<>();
        for (Object item : list(entry.get("problems"))) {
            @SuppressWarnings("unchecked") Map<String, Object> problem = (Map<String, Object>) item;
            long line = number(problem, "line");
            lines.add((line > 0 ? "line " + line + ": " : "") + firstLine(text(problem, "message")));
        }
        return lines;
    }

    private static String tokens(Map<String, Object> entry) {
        return entry.get("inputTokens") == null ? "" : ", " + number(entry, "inputTokens") + " tokens in, "
                + number(entry, "outputTokens") + " out";
    }

    private static String cost(Map<String, Object> entry) {
        return entry.get("cost") instanceof Number cost ? ", cost " + formatCost(cost.doubleValue()) : "";
    }

    /** A cost with four significant digits at most, without an exponent: {@code 0.0009480}. */
    public static String formatCost(double cost) {
        return new java.math.BigDecimal(cost).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String plural(long count, String what) {
        return count + " " + what + (count == 1 ? "" : "s");
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(String jsonLines) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String line : jsonLines.split("\n")) {
            if (!line.isBlank() && JsonText.parse(line) instanceof Map<?, ?> entry) {
                entries.add((Map<String, Object>) entry);
            }
        }
        return entries;
    }

    private static String text(Map<String, Object> entry, String name) {
        Object value = entry.get(name);
        return value == null ? "" : value.toString();
    }

    private static long number(Map<String, Object> entry, String name) {
        return entry.get(name) instanceof Number number ? number.longValue() : 0;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }
}
