package dev.jitjava.internal.extract;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The text of one member of a parsed block as it goes into the generated class: exactly as the model
 * wrote it, from the comments above it to those after it on its last line, with only these edits,
 * each at a position javac gave: modifiers changed (made {@code static}; the method asked for made
 * {@code public static}; {@code @Override}, {@code default} and {@code abstract} dropped), {@code self}
 * added as the method's first parameter, and the lines re-indented for a class body (text blocks
 * keep theirs).
 */
final class MemberText {
    /** {@code synchronized} too: on a static method it would lock the class, one call at a time for every thread. */
    private static final Set<String> TARGET_DROPS = Set.of("public", "protected", "private", "static", "abstract",
            "default", "synchronized");
    /** A method's: a class may stay abstract. */
    private static final Set<String> HELPER_METHOD_DROPS = Set.of("abstract", "default");
    private static final Set<String> ACCESS = Set.of("public", "protected", "private");

    private final ParsedBlock block;
    final SourceEdits edits = new SourceEdits();
    /** Lines whose start a dropped token's line now continues: they keep the indentation already there. */
    private final Set<Integer> movedUp = new java.util.HashSet<>();
    /** Lines deleted with the members on them: they get no indentation of their own. */
    private final List<long[]> deleted = new ArrayList<>();

    MemberText(ParsedBlock block) {
        this.block = block;
    }

    /** One member of a class: a method, a type, an initializer, or fields declared together ({@code int a, b;}). */
    record Member(ClassTree owner, List<Tree> trees, int index) {
        Tree first() {
            return trees.get(0);
        }

        Tree last() {
            return trees.get(trees.size() - 1);
        }
    }

    /** The members of a class, fields declared together grouped as one. */
    static List<Member> members(ParsedBlock block, ClassTree owner) {
        List<Member> members = new ArrayList<>();
        List<Tree> group = new ArrayList<>();
        for (Tree tree : owner.getMembers()) {
            if (block.start(tree) < 0) {
                continue; // made up by the parser, not written
            }
            if (!group.isEmpty() && tree instanceof VariableTree && group.get(0) instanceof VariableTree
                    && block.start(tree) == block.start(group.get(0))) {
                group.add(tree);
                continue;
            }
            if (!group.isEmpty()) {
                members.add(new Member(owner, List.copyOf(group), members.size()));
            }
            group = new ArrayList<>(List.of(tree));
        }
        if (!group.isEmpty()) {
            members.add(new Member(owner, List.copyOf(group), members.size()));
        }
        return members;
    }

    /**
     * The method asked for, {@code public static}, with {@code self} (of type {@code selfSource}) first
     * unless {@code selfSource} is null or the answer has it already.
     */
    static String target(ParsedBlock block, List<Member> siblings, Member member, String selfSource) {
        MemberText text = new MemberText(block);
        MethodTree method = (MethodTree) member.first();
        text.modifiers(method.getModifiers(), member.first(), TARGET_DROPS, "public static ", false);
        if (selfSource != null) {
            if (method.getParameters().isEmpty()) {
                int open = Lexing.openParenthesis(block.source, (int) (method.getReturnType() == null
                        ? block.start(method) : block.end(method.getReturnType())));
                text.edits.insert(open + 1, selfSource + " self");
            } else {
                text.edits.insert(block.start(method.getParameters().get(0)), selfSource + " self, ");
            }
        }
        return text.render(siblings, member);
    }

    /** A helper: a method, field, type or initializer that came with the method, made static. */
    static String helper(ParsedBlock block, List<Member> siblings, Member member) {
        MemberText text = new MemberText(block);
        Tree first = member.first();
        if (first instanceof BlockTree initializer) {
            if (!initializer.isStatic()) {
                text.edits.insert(block.start(initializer), "static ");
            }
        } else {
            ModifiersTree modifiers = first instanceof MethodTree m ? m.getModifiers()
                    : first instanceof ClassTree c ? c.getModifiers() : ((VariableTree) first).getModifiers();
            boolean isStatic = modifiers.getFlags().contains(javax.lang.model.element.Modifier.STATIC);
            text.modifiers(modifiers, first, first instanceof MethodTree ? HELPER_METHOD_DROPS : Set.of(),
                    isStatic ? "" : "static ", true);
        }
        return text.render(siblings, member);
    }

    /**
     * Drops {@code @Override} and the keywords in {@code drops}, each with the spaces after it (its
     * line, if it stood alone), and adds {@code added}: after the access keyword when {@code afterAccess}
     * and there is one, else before the first keyword kept, else before the declaration's type.
     */
    void modifiers(ModifiersTree modifiers, Tree member, Set<String> drops, String added, boolean afterAccess) {
        String source = block.source;
        long from = block.start(modifiers);
        long to = block.end(modifiers);
        Integer firstKeyword = null;
        Integer afterAccessAt = null;
        if (from >= 0 && to > from) {
            List<long[]> annotations = new ArrayList<>();
            for (AnnotationTree annotation : modifiers.getAnnotations()) {
                long start = block.start(annotation);
                long end = block.end(annotation);
                annotations.add(new long[]{start, end});
                String name = annotation.getAnnotationType().toString();
                if (name.equals("Override") || name.equals("java.lang.Override")) {
                    drop(start, end);
                }
            }
            int i = (int) from;
            while (i < to) {
                int next = Lexing.skipTrivia(source, i);
                if (next >= to) {
                    break;
                }
                i = next;
                long[] annotation = annotationAt(annotations, i);
                if (annotation != null) {
                    i = (int) annotation[1];
                    continue;
                }
                int wordEnd = i;
                while (wordEnd < to && Character.isJavaIdentifierPart(source.charAt(wordEnd))) {
                    wordEnd++;
                }
                if (wordEnd == i) {
                    i++;
                    continue;
                }
                String word = source.substring(i, wordEnd);
                if (drops.contains(word)) {
                    drop(i, wordEnd);
                } else {
                    if (firstKeyword == null) {
                        firstKeyword = i;
                    }
                    if (ACCESS.contains(word)) {
                        afterAccessAt = Lexing.skipTrivia(source, wordEnd);
                    }
                }
                i = wordEnd;
            }
        }
        if (added.isEmpty()) {
            return;
        }
        long at;
        if (afterAccess && afterAccessAt != null) {
            at = afterAccessAt;
        } else if (firstKeyword != null) {
            at = firstKeyword;
        } else {
            at = typeStart(member, to);
        }
        edits.insert(at, added);
    }

    private static long[] annotationAt(List<long[]> annotations, int position) {
        for (long[] annotation : annotations) {
            if (annotation[0] == position) {
                return annotation;
            }
        }
        return null;
    }

    /** Where the declaration proper starts, after its modifiers: its type parameters, type, or keyword. */
    private long typeStart(Tree member, long modifiersEnd) {
        if (modifiersEnd > 0 && modifiersEnd > block.start(member)) {
            return Lexing.skipTrivia(block.source, (int) modifiersEnd);
        }
        return block.start(member);
    }

    /** Deletes a token and the spaces after it, or, alone on its line, up to the next line's code. */
    void drop(long from, long to) {
        String source = block.source;
        int lineStart = source.lastIndexOf('\n', (int) from - 1) + 1;
        int after = (int) to;
        while (after < source.length() && (source.charAt(after) == ' ' || source.charAt(after) == '\t')) {
            after++;
        }
        boolean alone = source.substring(lineStart, (int) from).isBlank()
                && (after >= source.length() || source.charAt(after) == '\n');
        if (alone) { // the next line moves up in its place, as if the token had never been there
            int next = Math.min(source.length(), after + 1);
            while (next < source.length() && (source.charAt(next) == ' ' || source.charAt(next) == '\t')) {
                next++;
            }
            edits.replace(from, next, "");
            movedUp.add(Math.min(source.length(), after + 1));
        } else {
            edits.replace(from, after, "");
        }
    }

    /**
     * Where a member's text starts and ends: from the comments above it (past the previous member's
     * line) to the comments after it on its last line.
     */
    int[] range(List<Member> siblings, Member member) {
        String source = block.source;
        long start = block.start(member.first());
        long end = block.end(member.last());
        int index = siblings.indexOf(member);
        int limit = index + 1 < siblings.size() ? (int) block.start(siblings.get(index + 1).first())
                : source.length();
        int trailing = Lexing.sameLineComments(source, (int) end, limit);
        int regionStart = index == 0 ? block.bodyStart(member.owner())
                : Lexing.sameLineComments(source, (int) block.end(siblings.get(index - 1).last()), (int) start);
        int first = skipBlank(source, regionStart, (int) start);
        return new int[]{Math.min(first, (int) start), trailing};
    }

    /** Deletes a member with its comments and its lines. */
    void delete(List<Member> siblings, Member member) {
        int[] range = range(siblings, member);
        String source = block.source;
        int lineStart = source.lastIndexOf('\n', range[0] - 1) + 1;
        boolean ownLines = source.substring(lineStart, range[0]).isBlank();
        int end = range[1] < source.length() && source.charAt(range[1]) == '\n' ? range[1] + 1 : range[1];
        int previous = source.lastIndexOf('\n', lineStart - 2) + 1;
        if (ownLines && lineStart > 1 && source.substring(previous, lineStart - 1).isBlank()) {
            lineStart = previous; // and the blank line that set it apart
        }
        long from = ownLines ? lineStart : range[0];
        edits.replace(from, ownLines ? end : range[1], "");
        deleted.add(new long[]{from - 1, end});
    }

    /** The member from its leading comments to its trailing ones, edited and re-indented. */
    String render(List<Member> siblings, Member member) {
        String source = block.source;
        long start = block.start(member.first());
        int[] range = range(siblings, member);
        int lead = range[0];
        int trailing = range[1];
        int column = Lexing.column(source, (int) start);
        List<long[]> verbatim = textBlocks(member);
        int lineStart = source.indexOf('\n', lead);
        stripTrailing(source, lead, lineStart < 0 ? trailing : Math.min(lineStart, trailing), verbatim);
        while (lineStart >= 0 && lineStart < trailing) {
            int from = lineStart + 1;
            int lineEnd = source.indexOf('\n', from);
            lineEnd = lineEnd < 0 || lineEnd > trailing ? trailing : lineEnd;
            if (!inside(verbatim, from) && !movedUp.contains(from) && !inside(deleted, from)) {
                int strip = from;
                while (strip < lineEnd && strip - from < column && (source.charAt(strip) == ' ' || source.charAt(strip) == '\t')) {
                    strip++;
                }
                boolean blank = source.substring(from, lineEnd).isBlank();
                edits.replace(from, blank ? lineEnd : strip, blank ? "" : "    ");
                if (!blank) {
                    stripTrailing(source, from, lineEnd, verbatim);
                }
            }
            lineStart = lineEnd < trailing ? lineEnd : -1;
        }
        return "    " + edits.apply(source, lead, trailing);
    }

    private void stripTrailing(String source, int lineFrom, int lineEnd, List<long[]> verbatim) {
        int last = lineEnd;
        while (last > lineFrom && (source.charAt(last - 1) == ' ' || source.charAt(last - 1) == '\t')) {
            last--;
        }
        if (last < lineEnd && !inside(verbatim, last)) {
            edits.replace(last, lineEnd, "");
        }
    }

    /** The first position from {@code from} that is neither whitespace nor a stray semicolon. */
    private static int skipBlank(String source, int from, int to) {
        int i = from;
        while (i < to && (Character.isWhitespace(source.charAt(i)) || source.charAt(i) == ';')) {
            i++;
        }
        return i;
    }

    /** The text blocks in a member, whose lines must keep their indentation: it is part of their value. */
    private List<long[]> textBlocks(Member member) {
        List<long[]> ranges = new ArrayList<>();
        TreeScanner<Void, Void> scanner = new TreeScanner<>() {
            @Override
            public Void visitLiteral(LiteralTree literal, Void unused) {
                long start = block.start(literal);
                if (start >= 0 && block.source.startsWith("\"\"\"", (int) start)) {
                    ranges.add(new long[]{start, block.end(literal)});
                }
                return null;
            }
        };
        member.trees().forEach(tree -> tree.accept(scanner, null));
        return ranges;
    }

    private static boolean inside(List<long[]> ranges, long position) {
        for (long[] range : ranges) {
            if (position > range[0] && position < range[1]) {
                return true;
            }
        }
        return false;
    }
}
