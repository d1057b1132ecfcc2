package dev.jitjava.cli;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The methods a single-file program calls but does not define: javac attributes the file, and
 * every unqualified call it could not resolve is one, with the argument types javac computed and
 * the return type its place in the code asks for ({@code void} as a statement, the variable's type
 * in a declaration, the method's in a {@code return}, else {@code Object}).
 */
final class MissingMethods {
    /** javac's code for a call to a method it cannot find, with the argument types it computed. */
    static final String CANT_RESOLVE = "compiler.err.cant.resolve.location.args";
    private MissingMethods() {
    }

    /**
     * A call to a missing method.
     *
     * @param name          the method name
     * @param argumentTypes the arguments' types as javac prints them ({@code java.util.List<java.lang.Integer>})
     * @param returnType    what the call site needs
     * @param line          the call's line, for the prompt
     */
    record Call(String name, List<String> argumentTypes, String returnType, String line) {
        String signature() {
            return name + "(" + String.join(",", erased()) + ")";
        }

        List<String> erased() {
            List<String> erased = new ArrayList<>();
            for (String type : argumentTypes) {
                erased.add(type.replaceAll("<.*>", ""));
            }
            return erased;
        }
    }

    /** The first top-level class of the file (the program's), and the calls it is missing. */
    record Analysis(String className, List<Call> calls) {
    }

    static Analysis analyze(String source, String fileName) {
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + fileName), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler().getTask(null, null, diagnostics,
                List.of("-proc:none"), null, List.of(file));
        CompilationUnitTree unit;
        try {
            unit = task.parse().iterator().next();
            task.analyze();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Long> unresolved = new HashSet<>();
        for (var d : diagnostics.getDiagnostics()) {
            if (CANT_RESOLVE.equals(d.getCode())) {
                unresolved.add(d.getStartPosition());
                unresolved.add(d.getPosition());
            }
        }
        Trees trees = Trees.instance(task);
        String[] lines = source.split("\n", -1);
        Map<String, Call> calls = new LinkedHashMap<>();
        String className = unit.getTypeDecls().stream().filter(ClassTree.class::isInstance)
                .map(t -> ((ClassTree) t).getSimpleName().toString()).findFirst().orElse(fileName.replace(".java", ""));
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree invocation, Void unused) {
                super.visitMethodInvocation(invocation, unused);
                if (invocation.getMethodSelect() instanceof IdentifierTree identifier && unresolved.contains(
                        trees.getSourcePositions().getStartPosition(unit, identifier))) {
                    List<String> types = new ArrayList<>();
                    for (ExpressionTree argument : invocation.getArguments()) {
                        TypeMirror type = trees.getTypeMirror(new TreePath(getCurrentPath(), argument));
                        if (type == null || type.getKind() == TypeKind.ERROR) {
                            return null; // depends on another missing method: next round
                        }
                        types.add(type.toString());
                    }
                    long line = unit.getLineMap().getLineNumber(
                            trees.getSourcePositions().getStartPosition(unit, invocation));
                    Call call = new Call(identifier.getName().toString(), types, returnType(getCurrentPath(), trees),
                            lines[(int) line - 1].strip());
                    calls.putIfAbsent(call.signature(), call);
                }
                return null;
            }
        }.scan(unit, null);
        return new Analysis(className, List.copyOf(calls.values()));
    }

    private static String returnType(TreePath call, Trees trees) {
        Tree parent = call.getParentPath().getLeaf();
        if (parent instanceof ExpressionStatementTree) {
            return "void";
        }
        if (parent instanceof VariableTree variable && variable.getType() != null
                && !variable.getType().toString().equals("var")) {
            return variable.getType().toString();
        }
        if (parent instanceof AssignmentTree assignment) {
            TypeMirror target = trees.getTypeMirror(new TreePath(call.getParentPath(), assignment.getVariable()));
            if (target != null && target.getKind() != TypeKind.ERROR) {
                return target.toString();
            }
        }
        if (parent instanceof ReturnTree) {
            for (TreePath path = call; path != null; path = path.getParentPath()) {
                if (path.getLeaf() instanceof LambdaExpressionTree) {
                    break;
                }
                if (path.getLeaf() instanceof MethodTree method && method.getReturnType() != null) {
                    return method.getReturnType().toString();
                }
            }
        }
        return "Object";
    }
}
