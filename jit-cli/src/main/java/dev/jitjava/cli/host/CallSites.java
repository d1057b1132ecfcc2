package dev.jitjava.cli.host;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The calls of a file that name a method by its simple name, as javac attributed them: those it
 * could not resolve (the methods to write), and those of methods the host already placed (whose
 * calls may need another return type now). Each with the types of its arguments and what its place
 * in the code needs back: {@code void} as a statement, the variable's type in a declaration, the
 * method's in a {@code return}, {@code boolean} as a condition, the other operand's in arithmetic;
 * else whatever the method returns.
 */
final class CallSites {
    /** javac's code for a call to a method it cannot find, with the argument types it computed. */
    static final String CANT_RESOLVE = "compiler.err.cant.resolve.location.args";
    /** The same for a call javac reports without a location ({@code this.name(...)}). */
    private static final String CANT_RESOLVE_HERE = "compiler.err.cant.resolve.args";

    /** Whether a diagnostic is javac's for a call to a method it cannot find. */
    static boolean missingMethod(Diagnostic<?> diagnostic) {
        return CANT_RESOLVE.equals(diagnostic.getCode()) || CANT_RESOLVE_HERE.equals(diagnostic.getCode());
    }

    private CallSites() {
    }

    /**
     * A type as the prompt shows it and as the class file names it.
     *
     * @param source     {@code java.util.List<java.lang.Integer>}, or the erasure where the full type
     *                   cannot be written outside the call (captures, the caller's type variables)
     * @param descriptor {@code Ljava/util/List;}
     */
    record TypeText(String source, String descriptor) {
        static final TypeText OBJECT = new TypeText("Object", "Ljava/lang/Object;");
    }

    /**
     * One call.
     *
     * @param name      the method's name
     * @param arguments the arguments' types, with a name for each (the variable passed, or one from its type)
     * @param returns   what the call's place needs back, or null when anything will do
     * @param line      the call's line, 1-based
     * @param lineText  the call's line of code
     * @param start     the call's start position in the file
     * @param end       its end position
     */
    record Call(String name, List<Argument> arguments, TypeText returns, long line, String lineText, long start,
                long end) {
        /** {@code countVowels(java.lang.String)}: the method's identity, as the store names it. */
        String signature() {
            StringBuilder text = new StringBuilder(name).append('(');
            for (int i = 0; i < arguments.size(); i++) {
                text.append(i == 0 ? "" : ",").append(typeName(arguments.get(i).type().descriptor()));
            }
            return text.append(')').toString();
        }
    }

    record Argument(String name, TypeText type) {
    }

    /** The calls javac could not resolve; a call whose argument types are unknown yet (another missing call) is left for later. */
    static List<Call> missing(SourceCompiler.Run run) {
        Set<Long> unresolved = new HashSet<>();
        for (Diagnostic<? extends JavaFileObject> d : run.diagnostics()) {
            if (missingMethod(d)) {
                unresolved.add(d.getStartPosition());
                unresolved.add(d.getPosition());
            }
        }
        return scan(run, (invocation, select) -> unresolved.contains(start(run, select)));
    }

    /** The calls of methods named in {@code names} (methods the host placed, which javac resolved). */
    static List<Call> callsTo(SourceCompiler.Run run, Set<String> names) {
        return scan(run, (invocation, select) -> names.contains(name(select)));
    }

    private interface Wanted {
        boolean test(MethodInvocationTree invocation, ExpressionTree select);
    }

    /**
     * The method select of a call to one of the file's own static methods: {@code name}, or qualified by
     * {@code this} or by a class the file declares at its top ({@code Vowels.name}); null for any other.
     */
    private static ExpressionTree ownSelect(SourceCompiler.Run run, MethodInvocationTree invocation) {
        ExpressionTree select = invocation.getMethodSelect();
        if (select instanceof IdentifierTree) {
            return select;
        }
        if (select instanceof MemberSelectTree member && member.getExpression() instanceof IdentifierTree qualifier) {
            String name = qualifier.getName().toString();
            boolean own = name.equals("this") || run.unit().getTypeDecls().stream()
                    .anyMatch(type -> type instanceof ClassTree c && c.getSimpleName().contentEquals(name));
            return own ? select : null;
        }
        return null;
    }

    private static String name(ExpressionTree select) {
        return select instanceof MemberSelectTree member ? member.getIdentifier().toString()
                : ((IdentifierTree) select).getName().toString();
    }

    private static List<Call> scan(SourceCompiler.Run run, Wanted wanted) {
        String[] lines = run.source().split("\n", -1);
        Map<String, Call> calls = new LinkedHashMap<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree invocation, Void unused) {
                super.visitMethodInvocation(invocation, unused);
                ExpressionTree select = ownSelect(run, invocation);
                if (select == null || !wanted.test(invocation, select)) {
                    return null;
                }
                List<Argument> arguments = new ArrayList<>();
                Set<String> taken = new HashSet<>();
                for (ExpressionTree argument : invocation.getArguments()) {
                    TypeMirror type = ArgumentTypes.of(run, new TreePath(getCurrentPath(), argument));
                    if (type == null && ArgumentTypes.needsTheParameter(argument)) {
                        long start = start(run, argument);
                        String text = run.source().substring((int) start,
                                (int) run.trees().getSourcePositions().getEndPosition(run.unit(), argument));
                        throw new ProgramException("line " + run.unit().getLineMap().getLineNumber(start) + ": `" + text
                                + "` is passed to " + name(select)
                                + ", which does not exist yet, so nothing says what type it has",
                                "declare it with its type first (`Function<Integer, Integer> f = " + text
                                        + ";`, say, or a cast) and pass that");
                    }
                    if (type == null) {
                        return null; // depends on another missing method: a later round
                    }
                    arguments.add(new Argument(name(argument, type, taken), text(run, type)));
                }
                long start = run.trees().getSourcePositions().getStartPosition(run.unit(), invocation);
                long end = run.trees().getSourcePositions().getEndPosition(run.unit(), invocation);
                long line = run.unit().getLineMap().getLineNumber(start);
                Call call = new Call(name(select), arguments, expected(run, getCurrentPath()), line,
                        lines[(int) line - 1].strip(), start, end);
                Call earlier = calls.get(call.signature());
                if (earlier == null || earlier.returns() == null && call.returns() != null) {
                    calls.put(call.signature(), call); // the first call that says what it needs back speaks for all
                }
                return null;
            }
        }.scan(run.unit(), null);
        return List.copyOf(calls.values());
    }

    /** What the call's place in the code needs back, or null when anything will do. */
    private static TypeText expected(SourceCompiler.Run run, TreePath call) {
        TreePath path = call;
        while (path.getParentPath().getLeaf() instanceof ParenthesizedTree) {
            path = path.getParentPath();
        }
        Tree child = path.getLeaf();
        TreePath parentPath = path.getParentPath();
        Tree parent = parentPath.getLeaf();
        if (parent instanceof com.sun.source.tree.ExpressionStatementTree) {
            return new TypeText("void", "V");
        }
        if (parent instanceof VariableTree variable && variable.getInitializer() == child) {
            return variable.getType() == null || isVar(variable) ? null : typeOf(run, parentPath);
        }
        if (parent instanceof AssignmentTree assignment && assignment.getExpression() == child) {
            return typeOf(run, new TreePath(parentPath, assignment.getVariable()));
        }
        if (parent instanceof CompoundAssignmentTree assignment && assignment.getExpression() == child) {
            return typeOf(run, new TreePath(parentPath, assignment.getVariable()));
        }
        if (parent instanceof IfTree || parent instanceof WhileLoopTree || parent instanceof DoWhileLoopTree
                || parent instanceof ForLoopTree loop && loop.getCondition() == child
                || parent instanceof ConditionalExpressionTree conditional && conditional.getCondition() == child
                || parent instanceof UnaryTree unary && unary.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
            return new TypeText("boolean", "Z");
        }
        if (parent instanceof BinaryTree binary) {
            return forOperand(run, parentPath, binary, child);
        }
        if (parent instanceof EnhancedForLoopTree loop && loop.getExpression() == child && !isVar(loop.getVariable())) {
            TypeText element = typeOf(run, new TreePath(new TreePath(parentPath, loop.getVariable()),
                    loop.getVariable().getType()));
            return element == null ? null : new TypeText("java.lang.Iterable<" + boxed(element.source()) + ">",
                    "Ljava/lang/Iterable;");
        }
        if (parent instanceof ReturnTree) {
            for (TreePath up = parentPath; up != null; up = up.getParentPath()) {
                if (up.getLeaf() instanceof LambdaExpressionTree) {
                    return null;
                }
                if (up.getLeaf() instanceof MethodTree method && method.getReturnType() != null) {
                    return typeOf(run, new TreePath(up, method.getReturnType()));
                }
            }
        }
        return null;
    }

    private static TypeText forOperand(SourceCompiler.Run run, TreePath binaryPath, BinaryTree binary, Tree child) {
        switch (binary.getKind()) {
            case CONDITIONAL_AND, CONDITIONAL_OR -> {
                return new TypeText("boolean", "Z");
            }
            case PLUS, MINUS, MULTIPLY, DIVIDE, REMAINDER, LESS_THAN, GREATER_THAN, LESS_THAN_EQUAL,
                    GREATER_THAN_EQUAL, EQUAL_TO, NOT_EQUAL_TO -> {
                Tree other = binary.getLeftOperand() == child ? binary.getRightOperand() : binary.getLeftOperand();
                TypeMirror type = run.trees().getTypeMirror(new TreePath(binaryPath, other));
                if (type != null && type.getKind().isPrimitive()) {
                    return text(run, type);
                }
                return null; // a string concatenation, or a comparison of references: anything will do
            }
            default -> {
                return null;
            }
        }
    }

    private static boolean isVar(VariableTree variable) {
        return variable.getType() != null && variable.getType().toString().equals("var");
    }

    private static TypeText typeOf(SourceCompiler.Run run, TreePath path) {
        TypeMirror type = run.trees().getTypeMirror(path);
        return type == null || type.getKind() == TypeKind.ERROR ? null : text(run, type);
    }

    /** The type as source a method declared elsewhere can use, and its erasure's descriptor. */
    static TypeText text(SourceCompiler.Run run, TypeMirror type) {
        if (type.getKind() == TypeKind.NULL) {
            return TypeText.OBJECT;
        }
        TypeMirror erased = run.types().erasure(type);
        String source = type.toString();
        boolean writable = type.getKind() != TypeKind.INTERSECTION && type.getKind() != TypeKind.UNION
                && !source.contains("capture#") && !mentionsTypeVariable(type);
        return new TypeText(writable ? source : erased.toString(), descriptor(run, erased));
    }

    private static boolean mentionsTypeVariable(TypeMirror type) {
        if (type.getKind() == TypeKind.TYPEVAR) {
            return true;
        }
        if (type instanceof ArrayType array) {
            return mentionsTypeVariable(array.getComponentType());
        }
        if (type instanceof DeclaredType declared) {
            for (TypeMirror argument : declared.getTypeArguments()) {
                if (mentionsTypeVariable(argument)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String descriptor(SourceCompiler.Run run, TypeMirror erased) {
        return switch (erased.getKind()) {
            case BOOLEAN -> "Z";
            case BYTE -> "B";
            case CHAR -> "C";
            case SHORT -> "S";
            case INT -> "I";
            case LONG -> "J";
            case FLOAT -> "F";
            case DOUBLE -> "D";
            case VOID -> "V";
            case ARRAY -> "[" + descriptor(run, ((ArrayType) erased).getComponentType());
            case DECLARED -> "L" + run.elements().getBinaryName((TypeElement) ((DeclaredType) erased).asElement())
                    .toString().replace('.', '/') + ";";
            default -> "Ljava/lang/Object;";
        };
    }

    /** {@code java.lang.String} for {@code Ljava/lang/String;}, {@code int[]} for {@code [I}. */
    static String typeName(String descriptor) {
        int dimensions = 0;
        while (descriptor.charAt(dimensions) == '[') {
            dimensions++;
        }
        String element = switch (descriptor.charAt(dimensions)) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            case 'V' -> "void";
            default -> descriptor.substring(dimensions + 1, descriptor.length() - 1).replace('/', '.');
        };
        return element + "[]".repeat(dimensions);
    }

    private static String boxed(String source) {
        return switch (source) {
            case "int" -> "Integer";
            case "char" -> "Character";
            case "boolean", "byte", "short", "long", "float", "double" ->
                    Character.toUpperCase(source.charAt(0)) + source.substring(1);
            default -> source;
        };
    }

    /** The name the argument suggests: the variable passed, else one a person would give its type. */
    private static String name(ExpressionTree argument, TypeMirror type, Set<String> taken) {
        String base = argument instanceof IdentifierTree identifier ? identifier.getName().toString() : nameFor(type);
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + n;
        }
        return name;
    }

    private static String nameFor(TypeMirror type) {
        return switch (type.getKind()) {
            case INT, LONG, SHORT, BYTE -> "n";
            case DOUBLE, FLOAT -> "x";
            case BOOLEAN -> "flag";
            case CHAR -> "c";
            case ARRAY -> "values";
            case DECLARED -> {
                String simple = ((DeclaredType) type).asElement().getSimpleName().toString();
                if (simple.equals("String") || simple.equals("CharSequence")) {
                    yield "text";
                }
                String name = simple.substring(0, 1).toLowerCase(Locale.ROOT) + simple.substring(1);
                yield javax.lang.model.SourceVersion.isKeyword(name) ? name + "Value" : name;
            }
            default -> "value";
        };
    }

    private static long start(SourceCompiler.Run run, Tree tree) {
        return run.trees().getSourcePositions().getStartPosition(run.unit(), tree);
    }
}
