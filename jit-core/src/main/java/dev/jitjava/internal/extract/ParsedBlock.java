package dev.jitjava.internal.extract;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import dev.jitjava.Diagnostic;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One piece of an answer parsed by javac inside a wrapper class, so that loose methods, fields and
 * whole classes are all members of one class: its text, its tree, and javac's positions in it.
 */
final class ParsedBlock {
    static final String WRAPPER = "JitAnswer__";
    private static final String HEAD = "class " + WRAPPER + " {\n";

    final String source;
    final CompilationUnitTree unit;
    final ClassTree wrapper;
    final List<Diagnostic> errors;
    private final SourcePositions positions;

    private ParsedBlock(String source, CompilationUnitTree unit, ClassTree wrapper, List<Diagnostic> errors,
                        SourcePositions positions) {
        this.source = source;
        this.unit = unit;
        this.wrapper = wrapper;
        this.errors = errors;
        this.positions = positions;
    }

    /** Parses a block's code (its imports already taken out); diagnostics' lines are the block's own. */
    static ParsedBlock parse(String body) {
        String source = HEAD + body + "\n}\n";
        return parseSource(source, body.split("\n", -1), 1);
    }

    /**
     * Parses a whole compilation unit, as {@code SourceUnit} and the self-call rewriting do.
     *
     * @param lineOffset lines of {@code source} before the first line diagnostics count
     */
    static ParsedBlock parseSource(String source, String[] lines, int lineOffset) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Answer.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, diagnostics, List.of("-proc:none"), null, List.of(file));
        CompilationUnitTree unit;
        try {
            unit = task.parse().iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Diagnostic> errors = new ArrayList<>();
        for (var d : diagnostics.getDiagnostics()) {
            if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
                long line = Math.max(0, d.getLineNumber() - lineOffset);
                String code = line >= 1 && line <= lines.length ? lines[(int) line - 1] : "";
                errors.add(new Diagnostic(d.getCode(), line, d.getMessage(Locale.ROOT), code));
            }
        }
        ClassTree wrapper = null;
        for (Tree type : unit.getTypeDecls()) {
            if (type instanceof ClassTree c) {
                wrapper = c;
                break;
            }
        }
        return new ParsedBlock(source, unit, wrapper, errors, Trees.instance(task).getSourcePositions());
    }

    long start(Tree tree) {
        return positions.getStartPosition(unit, tree);
    }

    long end(Tree tree) {
        return positions.getEndPosition(unit, tree);
    }

    String text(Tree tree) {
        return source.substring((int) start(tree), (int) end(tree));
    }

    /** The position right after the brace that opens a class's body. */
    int bodyStart(ClassTree type) {
        if (type == wrapper && source.startsWith(HEAD)) {
            return HEAD.length() - 1;
        }
        int brace = Lexing.bodyStart(source, (int) start(type));
        return brace < 0 ? (int) start(type) : brace + 1;
    }
}
