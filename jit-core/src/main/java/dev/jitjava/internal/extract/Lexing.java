package dev.jitjava.internal.extract;

/**
 * The little lexing the extractor does itself, always between positions javac gave it: skipping
 * whitespace and comments, and finding a class body's opening brace past annotations, strings and
 * record headers. Everything else comes from javac's trees.
 */
final class Lexing {
    private Lexing() {
    }

    /** The position after any whitespace and comments from {@code from} on. */
    static int skipTrivia(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int next = skipComment(text, i);
            if (next > i) {
                i = next;
            } else if (Character.isWhitespace(text.charAt(i))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * The end of the comments that start on the line of {@code from} (with only spaces between), so
     * that a comment after a member on its last line stays with that member: {@code from} if none.
     */
    static int sameLineComments(String text, int from, int limit) {
        int end = from;
        int i = from;
        while (i < limit) {
            char c = text.charAt(i);
            if (c == '\n') {
                break;
            }
            int next = skipComment(text, i);
            if (next > i) {
                i = Math.min(next, limit);
                end = i;
            } else if (c == ' ' || c == '\t' || c == ';') {
                i++;
            } else {
                break;
            }
        }
        return end;
    }

    /** The position after the comment starting at {@code at}, or {@code at} when none starts there. */
    static int skipComment(String text, int at) {
        if (text.startsWith("//", at)) {
            int newline = text.indexOf('\n', at);
            return newline < 0 ? text.length() : newline;
        }
        if (text.startsWith("/*", at)) {
            int close = text.indexOf("*/", at + 2);
            return close < 0 ? text.length() : close + 2;
        }
        return at;
    }

    /**
     * The position of the brace that opens the body of the class declared from {@code from} on:
     * the first {@code '{'} outside comments, literals and parentheses (annotation arguments and
     * record components hold braces and parentheses of their own).
     */
    static int bodyStart(String text, int from) {
        int depth = 0;
        int i = from;
        while (i < text.length()) {
            int next = skipComment(text, i);
            if (next > i) {
                i = next;
                continue;
            }
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipLiteral(text, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '{' && depth == 0) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** The position after the string, text block or character literal starting at {@code at}. */
    private static int skipLiteral(String text, int at) {
        char quote = text.charAt(at);
        if (quote == '"' && text.startsWith("\"\"\"", at)) {
            int i = at + 3;
            while (i < text.length() && !text.startsWith("\"\"\"", i)) {
                i += text.charAt(i) == '\\' ? 2 : 1;
            }
            return Math.min(text.length(), i + 3);
        }
        int i = at + 1;
        while (i < text.length() && text.charAt(i) != quote && text.charAt(i) != '\n') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(text.length(), i + 1);
    }

    /** The position of the first {@code '('} from {@code from} on, past comments and an identifier. */
    static int openParenthesis(String text, int from) {
        int i = skipTrivia(text, from);
        while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
            i++;
        }
        i = skipTrivia(text, i);
        return i < text.length() && text.charAt(i) == '(' ? i : text.indexOf('(', from);
    }

    /** The 0-based column of position {@code at}. */
    static int column(String text, int at) {
        return at - (text.lastIndexOf('\n', at - 1) + 1);
    }
}
