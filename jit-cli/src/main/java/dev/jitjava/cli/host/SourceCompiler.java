package dev.jitjava.cli.host;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;

import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One javac run over one source file, as a host needs it: the tree (to find the calls that have no
 * method yet, with their types), javac's diagnostics with their positions, and the class files when
 * it compiled. The class path is the {@code jit} command's own, so programs may use jit-java's
 * annotations. One file manager serves the process (opening the class path's jars again for every
 * run costs more than a run).
 */
final class SourceCompiler {
    private static final List<String> OPTIONS = List.of("-proc:none", "-g", "-parameters", "-Xlint:none", "-nowarn");
    private static JavaCompiler javac;
    private static StandardJavaFileManager files;
    /** A file manager per set of library jars (a program's methods' libraries) beside the command's class path. */
    private static final Map<List<Path>, StandardJavaFileManager> WITH_LIBRARIES = new HashMap<>();

    private SourceCompiler() {
    }

    /**
     * What one run found.
     *
     * @param unit        the parsed and attributed file
     * @param trees       positions and types of its trees
     * @param diagnostics javac's errors (warnings are off)
     * @param generate    writes the class files, once: javac's trees and types are of no use after it
     */
    record Run(String source, CompilationUnitTree unit, Trees trees, Types types, Elements elements,
               List<Diagnostic<? extends JavaFileObject>> diagnostics, java.util.function.Supplier<Map<String, byte[]>> generate) {
        boolean compiled() {
            return diagnostics.isEmpty();
        }

        /** The class files by binary name, when there were no errors; else none. */
        Map<String, byte[]> classes() {
            return compiled() ? generate.get() : Map.of();
        }
    }

    /**
     * Parses, attributes and, when that found no error, compiles {@code source}.
     *
     * @param fileName the file's name ({@code Vowels.java}), which javac's messages use
     */
    static Run run(String fileName, String source) {
        return run(fileName, source, List.of());
    }

    /**
     * As {@link #run(String, String)}, with the jars of the methods' libraries on the class path too.
     *
     * @param libraries jars, in order; none for the command's class path alone
     */
    static synchronized Run run(String fileName, String source, List<Path> libraries) {
        if (javac == null) {
            javac = ToolProvider.getSystemJavaCompiler();
            if (javac == null) {
                throw new IllegalStateException("jit compiles programs with javac, and this Java runtime has none: "
                        + "run jit on a JDK, not a JRE");
            }
            files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        }
        Map<String, ByteArrayOutputStream> outputs = new LinkedHashMap<>();
        JavaFileManager memory = new ForwardingJavaFileManager<>(files(libraries)) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("memory:///" + className.replace('.', '/') + kind.extension),
                        kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        outputs.put(className, bytes);
                        return bytes;
                    }
                };
            }
        };
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + fileName), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) javac.getTask(null, memory, collector, OPTIONS, null, List.of(file));
        Trees trees = Trees.instance(task);
        CompilationUnitTree unit;
        try {
            unit = task.parse().iterator().next();
            task.analyze();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        java.util.function.Supplier<Map<String, byte[]>> generate = () -> {
            synchronized (SourceCompiler.class) {
                if (classes.isEmpty()) {
                    try {
                        task.generate();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    outputs.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
                }
                return Map.copyOf(classes);
            }
        };
        return new Run(source, unit, trees, task.getTypes(), task.getElements(), errors(collector), generate);
    }

    private static StandardJavaFileManager files(List<Path> libraries) {
        if (libraries.isEmpty()) {
            return files;
        }
        return WITH_LIBRARIES.computeIfAbsent(List.copyOf(libraries), jars -> {
            StandardJavaFileManager manager = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
            List<Path> path = new ArrayList<>();
            files.getLocationAsPaths(StandardLocation.CLASS_PATH).forEach(path::add);
            path.addAll(jars);
            try {
                manager.setLocationFromPaths(StandardLocation.CLASS_PATH, path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return manager;
        });
    }

    private static List<Diagnostic<? extends JavaFileObject>> errors(DiagnosticCollector<JavaFileObject> collector) {
        return collector.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }
}
