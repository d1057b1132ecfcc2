package dev.jitjava.processor;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import dev.jitjava.internal.compile.MemoryFiles;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compiles source units in memory against a {@link CompilationClassPath}, with the options the
 * run-time engine uses, and reads their structure (imports, members and their text) from javac's
 * own trees, so that they can be written into the generated class verbatim.
 */
final class UnitCompiler {
    private static final List<String> OPTIONS = List.of("-proc:none", "-parameters", "-g", "-implicit:none",
            "-Xlint:none", "-nowarn");

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final CompilationClassPath classPath;

    UnitCompiler(CompilationClassPath classPath) {
        this.classPath = classPath;
    }

    /** A unit to compile: its binary class name and text. */
    record Unit(String packageName, String className, String source) {
        String binaryName() {
            return packageName.isEmpty() ? className : packageName + "." + className;
        }
    }

    /**
     * A compilation error.
     *
     * @param unit the unit it is in, or null when it is in a stub of the compilation's types
     * @param line its line in that unit, or 0
     */
    record Error(Unit unit, long line, String message, String sourceLine) {
    }

    /**
     * The structure of a compiled unit.
     *
     * @param imports     its import declarations, as written
     * @param topLevel    how many top-level types it declares
     * @param body        the text between the braces of its class
     * @param memberNames the simple names its class declares (methods, fields, member types)
     */
    record Shape(List<String> imports, int topLevel, String body, List<String> memberNames) {
    }

    /** The outcome: every class by binary name and every unit's shape, or the errors. */
    record Result(Map<String, byte[]> classes, Map<Unit, Shape> shapes, List<Error> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    Result compile(List<Unit> units) {
        MemoryFiles.ClassOutput memory = new MemoryFiles.ClassOutput(classPath);
        Map<JavaFileObject, Unit> files = new LinkedHashMap<>();
        for (Unit unit : units) {
            files.put(MemoryFiles.source(unit.binaryName().replace('.', '/') + ".java", unit.source()), unit);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) javac.getTask(null, memory, diagnostics, OPTIONS, null, files.keySet());
        Map<Unit, Shape> shapes = new LinkedHashMap<>();
        try {
            Iterable<? extends CompilationUnitTree> trees = task.parse();
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree tree : trees) {
                Unit unit = unitOf(tree.getSourceFile(), files);
                if (unit != null) {
                    shapes.put(unit, shape(tree, unit, positions));
                }
            }
            task.analyze();
            if (errors(diagnostics, files).isEmpty()) {
                task.generate();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Error> errors = errors(diagnostics, files);
        return new Result(memory.classes(), shapes, errors);
    }

    private static List<Error> errors(DiagnosticCollector<JavaFileObject> diagnostics, Map<JavaFileObject, Unit> files) {
        List<Error> errors = new ArrayList<>();
        for (var d : diagnostics.getDiagnostics()) {
            if (d.getKind() != javax.tools.Diagnostic.Kind.ERROR) {
                continue;
            }
            Unit unit = unitOf(d.getSource(), files);
            String line = "";
            if (unit != null && d.getLineNumber() >= 1) {
                String[] lines = unit.source().split("\n", -1);
                line = d.getLineNumber() <= lines.length ? lines[(int) d.getLineNumber() - 1] : "";
            }
            String message = d.getMessage(Locale.ROOT);
            if (unit == null && d.getSource() != null) {
                message = d.getSource().toUri() + ":" + d.getLineNumber() + ": " + message;
            }
            errors.add(new Error(unit, Math.max(0, d.getLineNumber()), message, line));
        }
        return errors;
    }

    /** The unit a file is, or null for a stub: javac may hand back its own wrapper of the file. */
    private static Unit unitOf(JavaFileObject file, Map<JavaFileObject, Unit> files) {
        if (file == null) {
            return null;
        }
        for (Map.Entry<JavaFileObject, Unit> entry : files.entrySet()) {
            if (entry.getKey().toUri().equals(file.toUri())) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static Shape shape(CompilationUnitTree tree, Unit unit, SourcePositions positions) {
        String source = unit.source();
        List<String> imports = new ArrayList<>();
        for (ImportTree anImport : tree.getImports()) {
            imports.add(source.substring((int) positions.getStartPosition(tree, anImport),
                    (int) positions.getEndPosition(tree, anImport)).strip());
        }
        int topLevel = 0;
        String body = null;
        List<String> names = new ArrayList<>();
        for (Tree declaration : tree.getTypeDecls()) {
            if (!(declaration instanceof ClassTree type)) {
                continue; // a stray semicolon
            }
            topLevel++;
            if (!type.getSimpleName().contentEquals(unit.className())) {
                continue;
            }
            int start = (int) positions.getStartPosition(tree, type);
            int end = (int) positions.getEndPosition(tree, type);
            int open = source.indexOf('{', source.indexOf(unit.className(), start));
            if (open > 0 && end > open) {
                body = source.substring(open + 1, end - 1);
            }
            for (Tree member : type.getMembers()) {
                if (member instanceof MethodTree method) {
                    names.add(method.getName().toString());
                } else if (member instanceof VariableTree variable) {
                    names.add(variable.getName().toString());
                } else if (member instanceof ClassTree nested) {
                    names.add(nested.getSimpleName().toString());
                } else {
                    names.add("<init block>"); // never merged: it would run when the whole class does
                }
            }
        }
        return new Shape(imports, topLevel, body, names);
    }

}
