package dev.jitjava.internal.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replacements at positions javac gave, applied to a source text in one pass: everything not
 * replaced stays exactly as written, comments and layout included.
 */
public final class SourceEdits {
    private record Edit(int from, int to, String text, int order) {
    }

    /** By position; at one position, insertions before a replacement, each kind in the order made. */
    private static final Comparator<Edit> BY_POSITION = Comparator.comparingInt(Edit::from)
            .thenComparing(edit -> edit.to() > edit.from()).thenComparingInt(Edit::order);

    private final List<Edit> edits = new ArrayList<>();

    public void replace(long from, long to, String text) {
        edits.add(new Edit((int) from, (int) to, text, edits.size()));
    }

    public void insert(long at, String text) {
        replace(at, at, text);
    }

    public boolean isEmpty() {
        return edits.isEmpty();
    }

    /** {@code source[from, to)} with the edits inside it applied; an edit overlapping an earlier one is dropped. */
    public String apply(String source, long from, long to) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(BY_POSITION);
        StringBuilder out = new StringBuilder();
        int at = (int) from;
        for (Edit edit : sorted) {
            if (edit.from() < at || edit.to() > to || edit.from() < from) {
                continue;
            }
            out.append(source, at, edit.from()).append(edit.text());
            at = edit.to();
        }
        return out.append(source, at, (int) to).toString();
    }

    public String apply(String source) {
        return apply(source, 0, source.length());
    }
}
