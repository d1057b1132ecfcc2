package dev.jitjava.cli.host;

import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The type an argument of a call to a missing method has on its own. javac types a poly expression
 * (a conditional of references, a switch expression) from the method it is passed to; when that
 * method does not exist, it leaves the expression with no type at all. Its type is then the one its
 * results share, as a variable declared with {@code var} would have it: the same type when they
 * agree, binary numeric promotion for numbers, else their nearest common supertype.
 */
final class ArgumentTypes {
    private ArgumentTypes() {
    }

    /**
     * The argument's type, or null when it cannot be told without the method (a lambda or a method
     * reference, which take their type from the parameter) or when it depends on another missing method.
     */
    static TypeMirror of(SourceCompiler.Run run, TreePath argument) {
        TypeMirror type = run.trees().getTypeMirror(argument);
        if (type == null || type.getKind() == TypeKind.ERROR) {
            return null;
        }
        if (type.getKind() != TypeKind.NONE) {
            return type;
        }
        List<TreePath> results = results(argument);
        if (results.isEmpty()) {
            return null;
        }
        List<TypeMirror> types = new ArrayList<>();
        TypeMirror nullType = null;
        for (TreePath result : results) {
            TypeMirror resultType = of(run, result);
            if (resultType == null) {
                return null;
            }
            if (resultType.getKind() == TypeKind.NULL) {
                nullType = resultType;
            } else {
                types.add(resultType);
            }
        }
        return types.isEmpty() ? nullType : shared(run.types(), types, nullType != null);
    }

    /** Whether javac gives the argument no type until it knows the parameter: a lambda or a method reference. */
    static boolean needsTheParameter(ExpressionTree argument) {
        ExpressionTree inner = argument;
        while (inner instanceof ParenthesizedTree parenthesized) {
            inner = parenthesized.getExpression();
        }
        return inner.getKind() == com.sun.source.tree.Tree.Kind.LAMBDA_EXPRESSION
                || inner.getKind() == com.sun.source.tree.Tree.Kind.MEMBER_REFERENCE;
    }

    /** The expressions whose values the expression takes: a conditional's branches, a switch's results. */
    private static List<TreePath> results(TreePath path) {
        if (path.getLeaf() instanceof ParenthesizedTree parenthesized) {
            return List.of(new TreePath(path, parenthesized.getExpression()));
        }
        if (path.getLeaf() instanceof ConditionalExpressionTree conditional) {
            return List.of(new TreePath(path, conditional.getTrueExpression()),
                    new TreePath(path, conditional.getFalseExpression()));
        }
        if (path.getLeaf() instanceof SwitchExpressionTree switchExpression) {
            List<TreePath> results = new ArrayList<>();
            for (CaseTree caseTree : switchExpression.getCases()) {
                TreePath casePath = new TreePath(path, caseTree);
                if (caseTree.getBody() instanceof ExpressionTree value) {
                    results.add(new TreePath(casePath, value));
                } else {
                    results.addAll(yields(casePath));
                }
            }
            return results;
        }
        return List.of();
    }

    /** The values a case yields, leaving out those of switch expressions, lambdas and classes inside it. */
    private static List<TreePath> yields(TreePath casePath) {
        List<TreePath> found = new ArrayList<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitYield(YieldTree yield, Void unused) {
                found.add(new TreePath(getCurrentPath(), yield.getValue()));
                return null;
            }

            @Override
            public Void visitSwitchExpression(SwitchExpressionTree node, Void unused) {
                return null;
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
                return null;
            }

            @Override
            public Void visitClass(ClassTree node, Void unused) {
                return null;
            }
        }.scan(casePath, null);
        return found;
    }

    private static TypeMirror shared(Types types, List<TypeMirror> results, boolean withNull) {
        TypeMirror first = results.get(0);
        if (results.stream().allMatch(type -> types.isSameType(type, first))) {
            return withNull && first.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) first).asType() : first;
        }
        TypeMirror promoted = promoted(types, results);
        if (promoted != null) {
            return withNull ? types.boxedClass((PrimitiveType) promoted).asType() : promoted;
        }
        List<TypeMirror> references = results.stream().map(type -> boxed(types, type)).toList();
        Deque<TypeMirror> candidates = new ArrayDeque<>(List.of(references.get(0)));
        while (!candidates.isEmpty()) { // nearest first: the class and its interfaces, then theirs
            TypeMirror candidate = candidates.removeFirst();
            if (declarable(candidate) && references.stream().allMatch(type -> types.isAssignable(type, candidate))) {
                return candidate;
            }
            candidates.addAll(types.directSupertypes(candidate));
        }
        return null;
    }

    /**
     * Whether a person would declare a parameter of this type: not a marker every value class has
     * ({@code Serializable}, {@code Comparable}, {@code Constable}), nor a JDK skeleton such as
     * {@code AbstractList}, whose interface ({@code List}) is what the values share in their eyes.
     */
    private static boolean declarable(TypeMirror type) {
        if (!(type instanceof DeclaredType declared)) {
            return true;
        }
        TypeElement element = (TypeElement) declared.asElement();
        return !MARKERS.contains(element.getQualifiedName().toString())
                && !element.getSimpleName().toString().startsWith("Abstract");
    }

    private static final Set<String> MARKERS = Set.of("java.io.Serializable", "java.lang.Cloneable",
            "java.lang.Comparable", "java.lang.constant.Constable", "java.lang.constant.ConstantDesc");

    /** Binary numeric promotion of numbers, boxed or not; null when one of them is not a number. */
    private static TypeMirror promoted(Types types, List<TypeMirror> results) {
        TypeKind widest = null;
        for (TypeMirror type : results) {
            TypeKind kind = unboxed(types, type);
            if (kind == null || !kind.isPrimitive() || kind == TypeKind.BOOLEAN) {
                return null;
            }
            widest = widest == null || rank(kind) > rank(widest) ? kind : widest;
        }
        return types.getPrimitiveType(rank(widest) < rank(TypeKind.INT) ? TypeKind.INT : widest);
    }

    private static TypeKind unboxed(Types types, TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return type.getKind();
        }
        try {
            return types.unboxedType(type).getKind();
        } catch (IllegalArgumentException notABox) {
            return null;
        }
    }

    private static int rank(TypeKind kind) {
        return switch (kind) {
            case BYTE, SHORT, CHAR -> 0;
            case INT -> 1;
            case LONG -> 2;
            case FLOAT -> 3;
            default -> 4;
        };
    }

    private static TypeMirror boxed(Types types, TypeMirror type) {
        return type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
    }
}
