package dev.jitjava.internal.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits a model's answer into the pieces that may hold code: fenced blocks, or the code-like span of unfenced text. */
public final class Blocks {
    private static final Pattern CODE_START = Pattern.compile(
            "^\\s*(import\\s|package\\s|@|public\\s|private\\s|protected\\s|static\\s|final\\s|class\\s|record\\s"
                    + "|interface\\s|enum\\s|abstract\\s|/\\*\\*|//)");

    private Blocks() {
    }

    public static List<String> of(String answer, String methodName) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        String fence = null;
        for (String line : answer.split("\n", -1)) {
            String stripped = line.strip();
            if (current == null) {
                String opening = fence(stripped);
                if (opening != null) {
                    fence = opening;
                    current = new StringBuilder();
                }
            } else if (closes(stripped, fence) && !insideTextBlock(current)) {
                blocks.add(current.toString());
                current = null;
            } else {
                current.append(line).append('\n');
            }
        }
        if (current != null && !current.toString().isBlank()) {
            blocks.add(current.toString());
        }
        if (blocks.isEmpty()) {
            blocks.add(unfenced(answer, methodName));
        }
        return blocks;
    }

    /** The fence a line opens (three or more backticks or tildes, then the language), or null. */
    private static String fence(String stripped) {
        if (!stripped.startsWith("```") && !stripped.startsWith("~~~")) {
            return null;
        }
        int length = 0;
        while (length < stripped.length() && stripped.charAt(length) == stripped.charAt(0)) {
            length++;
        }
        return stripped.substring(0, length);
    }

    /** Whether a line closes the fence: the same character, at least as many times, and nothing else. */
    private static boolean closes(String stripped, String fence) {
        String run = fence(stripped);
        return run != null && run.length() == stripped.length() && run.charAt(0) == fence.charAt(0)
                && run.length() >= fence.length();
    }

    /** Whether the code so far has opened a text block it has not closed: a fence-like line there is its content. */
    private static boolean insideTextBlock(StringBuilder code) {
        int count = 0;
        for (int i = code.indexOf("\"\"\""); i >= 0; i = code.indexOf("\"\"\"", i + 3)) {
            count++;
        }
        return count % 2 == 1;
    }

    /** Drops the prose before the first line that looks like code and after the last closing brace. */
    private static String unfenced(String answer, String methodName) {
        String[] lines = answer.split("\n", -1);
        int first = -1;
        int last = -1;
        for (int i = 0; i < lines.length; i++) {
            if (first < 0 && (CODE_START.matcher(lines[i]).find() || lines[i].contains(methodName + "("))) {
                first = i;
            }
            if (lines[i].strip().endsWith("}")) {
                last = i;
            }
        }
        if (first < 0 || last < first) {
            return answer;
        }
        return String.join("\n", java.util.Arrays.copyOfRange(lines, first, last + 1)) + "\n";
    }
}
