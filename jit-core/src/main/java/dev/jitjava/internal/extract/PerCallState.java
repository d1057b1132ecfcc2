package dev.jitjava.internal.extract;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import dev.jitjava.internal.method.MethodSpec;

import javax.lang.model.element.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Answers keep a memo, a counter or a DP table in a static field ({@code private static Map<Long, Long>
 * memo = new HashMap<>();}): correct Java, but state that every call and thread would share, which the
 * verifier refuses without {@code STATE}. Such a unit is made per call instead, with no model request:
 * its members move, as written, into a nested class {@code PerCall} whose fields, methods and
 * initializers are no longer static (constants of primitive or {@code String} type and nested types
 * stay so), and the unit's method makes a {@code PerCall} for each call and calls its method there.
 * Each call then starts from a fresh memo, as the same code run once per process would. The edits keep
 * every line where it was, so the compiler's and verifier's line numbers still name the answer's lines.
 */
public final class PerCallState {
    static final String NESTED = "PerCall";
    private static final Pattern STATIC = Pattern.compile("\\bstatic\\b");
    private static final Set<String> CONSTANT_TYPES = Set.of("byte", "short", "int", "long", "float", "double", "char",
            "boolean", "String", "java.lang.String");

    private PerCallState() {
    }

    /**
     * The unit with its static state made per call, or null when it keeps none in static fields (or
     * the shape is one this does not handle: the verifier's refusal then stands).
     *
     * @param className the unit's class, which holds the method
     */
    public static String rewrite(String source, String className, MethodSpec spec) {
        ParsedBlock unit = ParsedBlock.parseSource(source, source.split("\n", -1), 0);
        if (!unit.errors.isEmpty()) {
            return null;
        }
        for (Tree type : unit.unit.getTypeDecls()) {
            if (type instanceof ClassTree c && c.getSimpleName().contentEquals(className)) {
                int closing = unit.source.lastIndexOf('}', (int) unit.end(c) - 1);
                return rewrite(unit, c, className, spec, unit.bodyStart(c), closing);
            }
        }
        return null;
    }

    /**
     * A host's source (imports, then the members it places in a class of its own) with its static
     * state made per call, or null as above.
     */
    public static String rewriteMembers(String source, MethodSpec spec) {
        StringBuilder imports = new StringBuilder();
        String[] lines = source.split("\n", -1);
        int first = 0;
        while (first < lines.length && (lines[first].isBlank() || lines[first].startsWith("import "))) {
            imports.append(lines[first]).append('\n');
            first++;
        }
        String members = String.join("\n", java.util.Arrays.asList(lines).subList(first, lines.length));
        ParsedBlock block = ParsedBlock.parse(members);
        if (!block.errors.isEmpty() || block.wrapper == null) {
            return null;
        }
        int bodyStart = block.bodyStart(block.wrapper) + 1; // the start of the members' first line
        int closing = block.source.lastIndexOf('}');
        String rewritten = rewrite(block, block.wrapper, ParsedBlock.WRAPPER, spec, bodyStart, closing);
        if (rewritten == null) {
            return null;
        }
        String body = rewritten.substring(bodyStart, rewritten.lastIndexOf('}'));
        return imports + body.stripTrailing() + "\n";
    }

    /**
     * @param opening where the line that opens {@code PerCall} goes (after the class's brace)
     * @param closing where the brace that closes it goes (the class's own closing brace)
     */
    private static String rewrite(ParsedBlock unit, ClassTree top, String className, MethodSpec spec, int opening,
                                  int closing) {
        if (top.getMembers().stream().anyMatch(m -> m instanceof ClassTree c && c.getSimpleName().contentEquals(NESTED))) {
            return null;
        }
        int parameters = spec.parameters().size() + (spec.owner().selfType() == null ? 0 : 1);
        SourceEdits edits = new SourceEdits();
        List<MethodTree> entries = new ArrayList<>();
        boolean state = false;
        for (Tree member : top.getMembers()) {
            if (member instanceof VariableTree field && isStatic(field.getModifiers()) && !isConstant(field)) {
                state = true;
                dropStatic(unit, field.getModifiers(), edits);
            } else if (member instanceof MethodTree method && isStatic(method.getModifiers())) {
                dropStatic(unit, method.getModifiers(), edits);
                if (method.getName().contentEquals(spec.name()) && method.getParameters().size() == parameters) {
                    entries.add(method);
                }
            } else if (member instanceof BlockTree block && block.isStatic()) {
                int at = unit.source.indexOf("static", (int) unit.start(block));
                edits.replace(at, at + "static".length(), "");
            }
        }
        if (!state || entries.isEmpty()) {
            return null;
        }
        requalify(unit, top, className, edits);
        // One line, where the class's body starts: the answer's lines keep their numbers.
        String open = entries.stream().map(method -> entry(unit, method)).collect(Collectors.joining(" "))
                + " private static final class " + NESTED + " {";
        edits.insert(opening, " " + open);
        edits.insert(closing, "}\n");
        return edits.apply(unit.source);
    }

    /**
     * {@code Unit::visit} and {@code Unit.count}, written with the class name (the answer's, which is
     * now the unit's) in the moved members, name the {@code PerCall} they now belong to.
     */
    private static void requalify(ParsedBlock unit, ClassTree top, String className, SourceEdits edits) {
        java.util.Set<String> moved = new java.util.HashSet<>();
        for (Tree member : top.getMembers()) {
            if (member instanceof MethodTree method) {
                moved.add(method.getName().toString());
            } else if (member instanceof VariableTree field) {
                moved.add(field.getName().toString());
            }
        }
        TreeScanner<Void, Void> scanner = new TreeScanner<>() {
            @Override
            public Void visitClass(ClassTree type, Void unused) {
                return null; // a member type is static: PerCall.this means nothing there
            }

            @Override
            public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
                requalify(reference.getQualifierExpression(), reference.getName().toString());
                return super.visitMemberReference(reference, unused);
            }

            @Override
            public Void visitMemberSelect(MemberSelectTree select, Void unused) {
                requalify(select.getExpression(), select.getIdentifier().toString());
                return super.visitMemberSelect(select, unused);
            }

            private void requalify(ExpressionTree qualifier, String name) {
                if (qualifier instanceof IdentifierTree identifier && identifier.getName().contentEquals(className)
                        && moved.contains(name)) {
                    edits.replace(unit.start(qualifier), unit.end(qualifier), NESTED + ".this");
                }
            }
        };
        for (Tree member : top.getMembers()) {
            if (!(member instanceof ClassTree)) {
                member.accept(scanner, null);
            }
        }
    }

    /** The unit's method: a new {@code PerCall} for each call, its method called with the arguments. */
    private static String entry(ParsedBlock unit, MethodTree method) {
        String typeParameters = method.getTypeParameters().isEmpty() ? "" : method.getTypeParameters().stream()
                .map(unit::text).collect(Collectors.joining(", ", "<", "> "));
        String returns = unit.text(method.getReturnType());
        String parameters = method.getParameters().stream().map(unit::text).collect(Collectors.joining(", "));
        String arguments = method.getParameters().stream().map(p -> p.getName().toString())
                .collect(Collectors.joining(", "));
        String throwsClause = method.getThrows().isEmpty() ? "" : " throws " + method.getThrows().stream()
                .map(unit::text).collect(Collectors.joining(", "));
        return (method.getModifiers().getFlags().contains(Modifier.PUBLIC) ? "public " : "") + "static " + typeParameters + returns + " " + method.getName() + "(" + parameters + ")"
                + throwsClause + " { " + (returns.equals("void") ? "" : "return ") + "new " + NESTED + "()."
                + method.getName() + "(" + arguments + "); }";
    }

    private static boolean isStatic(ModifiersTree modifiers) {
        return modifiers.getFlags().contains(Modifier.STATIC);
    }

    /** {@code static final} of a primitive or {@code String} type: a constant, which no call can change. */
    private static boolean isConstant(VariableTree field) {
        return field.getModifiers().getFlags().contains(Modifier.FINAL)
                && CONSTANT_TYPES.contains(field.getType().toString());
    }

    private static void dropStatic(ParsedBlock unit, ModifiersTree modifiers, SourceEdits edits) {
        long start = unit.start(modifiers);
        long end = unit.end(modifiers);
        if (start < 0 || end <= start) {
            return;
        }
        Matcher matcher = STATIC.matcher(unit.source).region((int) start, (int) end);
        if (matcher.find()) {
            int after = matcher.start() + "static".length();
            while (after < unit.source.length() && Character.isWhitespace(unit.source.charAt(after))
                    && unit.source.charAt(after) != '\n') {
                after++;
            }
            edits.replace(matcher.start(), after, "");
        }
    }
}
