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
                if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                    fence = stripped.substring(0, 3);
                    current = new StringBuilder();
                }
            } else if (stripped.startsWith(fence) && stripped.substring(3).isBlank()) {
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
