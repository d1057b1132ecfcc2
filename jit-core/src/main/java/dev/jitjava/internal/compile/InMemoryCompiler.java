package dev.jitjava.internal.compile;

import dev.jitjava.Diagnostic;
import dev.jitjava.JitException;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compiles generated units in memory with the running JDK's javac, at the JDK's own language
 * level, with annotation processing off. The class path is the JVM's plus wherever the owner's and
 * the signature's classes came from.
 *
 * <p>The process keeps one javac file manager for all instances (every {@code Jit}), because
 * reopening the class path's jars costs more than a compilation. Compilations are therefore
 * serialized; model requests, the slow part of a generation, still run in parallel.
 */
public final class InMemoryCompiler {
    private static final List<String> OPTIONS = List.of("-proc:none", "-parameters", "-g", "-implicit:none",
            "-Xlint:none", "-nowarn");

    private static final AtomicLong COMPILATIONS = new AtomicLong();

    private static final Object LOCK = new Object();
    // Guarded by LOCK.
    private static JavaCompiler javac;
    private static StandardJavaFileManager files;
    private static final Set<File> classPath = new LinkedHashSet<>();
    private static List<File> current = List.of();

    /** How many times javac has run in this process: lets tests see that stored classes were reused. */
    public static long compilations() {
        return COMPILATIONS.get();
    }

    public Compilation compile(SourceUnit unit, Collection<Class<?>> visible) {
        return compile(List.of(unit), visible, List.of());
    }

    public Compilation compile(List<SourceUnit> units, Collection<Class<?>> visible) {
        return compile(units, visible, List.of());
    }

    /**
     * Compiles units together; a diagnostic's source line comes from the unit it is about.
     *
     * @param libraries jars on the class path of this compilation only (a method's added dependencies)
     */
    public Compilation compile(List<SourceUnit> units, Collection<Class<?>> visible, List<Path> libraries) {
        synchronized (LOCK) {
            return compileLocked(units, visible, libraries);
        }
    }

    private static Compilation compileLocked(List<SourceUnit> units, Collection<Class<?>> visible, List<Path> libraries) {
        COMPILATIONS.incrementAndGet();
        StandardJavaFileManager standard = fileManager();
        List<File> wanted = classPathFor(visible);
        libraries.forEach(jar -> wanted.add(jar.toFile()));
        if (!wanted.equals(current)) {
            setLocations(wanted);
        }
        return compileWith(standard, units);
    }

    /**
     * Where the visible types came from first, in their order, then every other place seen: two class
     * loaders may hold different versions of the same class names (an application redeployed, a type
     * changed), and javac must see the ones the method will link against.
     */
    private static List<File> classPathFor(Collection<Class<?>> visible) {
        Set<File> ordered = new LinkedHashSet<>();
        for (Class<?> type : visible) {
            File location = location(type);
            if (location != null) {
                ordered.add(location);
            }
        }
        classPath.addAll(ordered);
        ordered.addAll(classPath);
        return new ArrayList<>(ordered);
    }

    private static Compilation compileWith(StandardJavaFileManager standard, List<SourceUnit> units) {
        MemoryFiles.ClassOutput memory = new MemoryFiles.ClassOutput(standard);
        Map<JavaFileObject, SourceUnit> sources = new LinkedHashMap<>();
        for (SourceUnit unit : units) {
            String path = (unit.packageName().isEmpty() ? "" : unit.packageName().replace('.', '/') + "/")
                    + unit.className() + ".java";
            sources.put(MemoryFiles.source(path, unit.source()), unit);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = javac.getTask(null, memory, diagnostics, OPTIONS, null, sources.keySet()).call();
        if (ok) {
            return new Compilation.Classes(memory.classes());
        }
        List<Diagnostic> errors = new ArrayList<>();
        for (var d : diagnostics.getDiagnostics()) {
            if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
                SourceUnit unit = sources.getOrDefault(d.getSource(), units.get(0));
                String[] lines = unit.source().split("\n", -1);
                long line = d.getLineNumber();
                String code = line >= 1 && line <= lines.length ? lines[(int) line - 1] : "";
                errors.add(new Diagnostic(d.getCode(), Math.max(0, line), d.getMessage(Locale.ROOT), code));
            }
        }
        if (errors.isEmpty()) {
            errors.add(new Diagnostic("jit.compile.failed", 0, "javac failed without reporting an error", ""));
        }
        return new Compilation.Failed(errors);
    }

    private static StandardJavaFileManager fileManager() {
        if (javac == null) {
            javac = ToolProvider.getSystemJavaCompiler();
            if (javac == null) {
                throw new JitException("jit-java compiles generated code with javac, and this Java runtime has none: "
                        + "run on a JDK (java " + Runtime.version().feature() + " with the jdk.compiler module), not a JRE");
            }
            files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
            for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    classPath.add(new File(entry));
                }
            }
        }
        return files;
    }

    private static void setLocations(List<File> entries) {
        current = entries;
        try {
            files.setLocation(StandardLocation.CLASS_PATH, entries);
            files.setLocation(StandardLocation.SOURCE_PATH, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI()).toFile();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
