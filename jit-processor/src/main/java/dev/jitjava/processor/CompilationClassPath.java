package dev.jitjava.processor;

import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The class path of an in-memory compilation of stored methods, made of what the running
 * compilation sees: for each package javac asks about, the types that the processing
 * environment's elements list in it, as their class files (read through the {@link Filer} from the
 * compilation's own class path) or, for the types this compilation is compiling now (which have
 * no class file yet), as {@link Stubs}. The JDK comes from the platform, as usual. Works alike
 * under plain javac, Maven and Gradle: it needs no compiler internals.
 */
final class CompilationClassPath extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final Elements elements;
    private final Filer filer;
    private final Set<String> compiling;
    private final Stubs stubs;
    private final Map<String, List<Served>> packages = new HashMap<>();

    /**
     * @param compiling qualified names of the top-level types this compilation compiles from source
     */
    CompilationClassPath(StandardJavaFileManager platform, Elements elements, Filer filer, Set<String> compiling,
                         Stubs stubs) {
        super(platform);
        this.elements = elements;
        this.filer = filer;
        this.compiling = compiling;
        this.stubs = stubs;
    }

    /** A class file or a stub, with the binary name javac asks for. */
    private abstract static class Served extends SimpleJavaFileObject {
        final String binaryName;

        Served(URI uri, Kind kind, String binaryName) {
            super(uri, kind);
            this.binaryName = binaryName;
        }
    }

    /** Whether a file is a stub of a type this compilation compiles (its diagnostics are not about a stored method). */
    static boolean isStub(JavaFileObject file) {
        return file != null && "stub".equals(file.toUri().getScheme());
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                                         boolean recurse) throws IOException {
        if (location != StandardLocation.CLASS_PATH) {
            return super.list(location, packageName, kinds, recurse);
        }
        List<JavaFileObject> files = new ArrayList<>();
        for (Served served : packageFiles(packageName)) {
            if (kinds.contains(served.getKind())) {
                files.add(served);
            }
        }
        return files;
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        return file instanceof Served served ? served.binaryName : super.inferBinaryName(location, file);
    }

    @Override
    public boolean hasLocation(Location location) {
        return location == StandardLocation.CLASS_PATH || location != StandardLocation.SOURCE_PATH
                && super.hasLocation(location);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        return a instanceof Served || b instanceof Served ? a.toUri().equals(b.toUri()) : super.isSameFile(a, b);
    }

    private List<Served> packageFiles(String packageName) {
        return packages.computeIfAbsent(packageName, this::findPackage);
    }

    private List<Served> findPackage(String packageName) {
        List<Served> files = new ArrayList<>();
        if (packageName.startsWith("java.") || packageName.startsWith("javax.") || packageName.startsWith("jdk.")) {
            return files; // the platform's
        }
        PackageElement pkg = elements.getPackageElement(packageName);
        if (pkg == null) {
            return files;
        }
        for (Element member : pkg.getEnclosedElements()) {
            if (member instanceof TypeElement type) {
                if (compiling.contains(type.getQualifiedName().toString()) || !addClassFiles(type, packageName, files)) {
                    files.add(stub(type, packageName));
                }
            }
        }
        return files;
    }

    /** Adds the class files of a type and its member types; false when its own is not on the class path. */
    private boolean addClassFiles(TypeElement type, String packageName, List<Served> files) {
        String binaryName = elements.getBinaryName(type).toString();
        String relative = (packageName.isEmpty() ? binaryName : binaryName.substring(packageName.length() + 1)) + ".class";
        FileObject resource;
        try {
            resource = filer.getResource(StandardLocation.CLASS_PATH, packageName, relative);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        // javac's file objects need a hierarchical URI, which a jar entry's is not
        URI uri = URI.create("classpath:///" + binaryName.replace('.', '/') + ".class");
        files.add(new Served(uri, JavaFileObject.Kind.CLASS, binaryName) {
            private byte[] bytes;

            @Override
            public synchronized InputStream openInputStream() throws IOException {
                if (bytes == null) {
                    try (InputStream in = resource.openInputStream()) {
                        bytes = in.readAllBytes();
                    }
                }
                return new ByteArrayInputStream(bytes);
            }
        });
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof TypeElement nested) {
                addClassFiles(nested, packageName, files);
            }
        }
        return true;
    }

    private Served stub(TypeElement type, String packageName) {
        String path = type.getQualifiedName().toString().replace('.', '/');
        return new Served(URI.create("stub:///" + path + ".java"), JavaFileObject.Kind.SOURCE,
                type.getQualifiedName().toString()) {
            private String source;

            @Override
            public synchronized CharSequence getCharContent(boolean ignoreEncodingErrors) {
                if (source == null) {
                    source = stubs.of(type);
                }
                return source;
            }
        };
    }
}
