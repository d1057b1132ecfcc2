package dev.jitjava.cli.host;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java source file that methods are placed into (a {@code jit run} program, a shell session's
 * context), as javac's parser sees it: its first top-level class, where that class closes, where
 * imports may go, and the bodies of its methods and initializers, which a candidate's compilation
 * may stand in for while the calls in them still lack methods.
 *
 * @param fileName    {@code Vowels.java}
 * @param text        the file as written
 * @param packageName its package, or ""
 * @param className   the simple name of its first top-level class
 * @param classEnd    the offset of that class's closing brace
 * @param importsAt   the offset where import declarations may be inserted on an existing line
 * @param bodies      the bodies of methods and initializer blocks, outermost ones only, in file order
 */
record BaseFile(String fileName, String text, String packageName, String className, int classEnd, int importsAt,
                List<Body> bodies) {

    /**
     * A body.
     *
     * @param start    the offset of its opening brace
     * @param end      the offset just past its closing brace
     * @param yields   true when it must return a value (so a stand-in throws)
     */
    record Body(int start, int end, boolean yields) {
        boolean contains(long offset) {
            return offset >= start && offset < end;
        }
    }

    /** The binary name of the first top-level class. */
    String binaryName() {
        return packageName.isEmpty() ? className : packageName + "." + className;
    }

    /**
     * Reads a file.
     *
     * @throws IllegalArgumentException when it declares no class
     */
    static BaseFile parse(String fileName, String text) {
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + fileName), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
        JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler().getTask(null, null,
                new DiagnosticCollector<>(), List.of("-proc:none"), null, List.of(file));
        CompilationUnitTree unit;
        try {
            unit = task.parse().iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        ClassTree first = null;
        for (Tree type : unit.getTypeDecls()) {
            if (type instanceof ClassTree c) {
                first = c;
                break;
            }
        }
        if (first == null) {
            throw new IllegalArgumentException(fileName + " declares no class");
        }
        int classEnd = (int) positions.getEndPosition(unit, first) - 1;
        String packageName = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
        int importsAt = unit.getPackage() == null ? 0 : (int) positions.getEndPosition(unit, unit.getPackage());
        List<Body> bodies = new ArrayList<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitMethod(MethodTree method, Void unused) {
                if (method.getBody() != null) {
                    boolean yields = method.getReturnType() != null && !method.getReturnType().toString().equals("void");
                    bodies.add(new Body((int) positions.getStartPosition(unit, method.getBody()),
                            (int) positions.getEndPosition(unit, method.getBody()), yields));
                }
                return null; // the outermost body is enough: it is stood in for whole
            }

            @Override
            public Void visitClass(ClassTree type, Void unused) {
                for (Tree member : type.getMembers()) {
                    if (member instanceof BlockTree block) {
                        int start = text.indexOf('{', (int) positions.getStartPosition(unit, block));
                        bodies.add(new Body(start, (int) positions.getEndPosition(unit, block), false));
                    } else {
                        scan(member, null);
                    }
                }
                return null;
            }
        }.scan(unit, null);
        bodies.sort(java.util.Comparator.comparingInt(Body::start));
        return new BaseFile(fileName, text, packageName, first.getSimpleName().toString(), classEnd, importsAt,
                List.copyOf(bodies));
    }

    /** 1-based line of an offset of the text. */
    long lineOf(long offset) {
        long line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The text of a 1-based line, or "". */
    String line(long number) {
        String[] lines = text.split("\n", -1);
        return number >= 1 && number <= lines.length ? lines[(int) number - 1] : "";
    }
}
