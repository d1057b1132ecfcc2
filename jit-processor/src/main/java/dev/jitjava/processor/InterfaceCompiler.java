package dev.jitjava.processor;

import dev.jitjava.Allow;
import dev.jitjava.Capability;
import dev.jitjava.internal.bind.BuildTimeClasses;
import dev.jitjava.internal.method.ExampleSpec;
import dev.jitjava.internal.method.MethodKey;
import dev.jitjava.internal.store.Metadata;
import dev.jitjava.internal.verify.BytecodeVerifier;
import dev.jitjava.internal.verify.Violation;

import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the processor does for one interface: find each abstract method's stored source, check it
 * is current (and approved, when asked), compile it against this compilation's types, verify it
 * as the run-time engine would, and write the implementation class. Every problem is reported on
 * the interface method it is about, with the fix.
 */
final class InterfaceCompiler {
    private final ProcessingEnvironment env;
    private final Options options;
    private final Elements elements;
    private final Types types;
    private final Messager messager;
    private final ElementSpecs specs;
    private final ElementDeclarations declarations;
    private final Stubs stubs;
    private final ElementTrust trust;
    private final UnitCompiler compiler;
    private final ImplementationWriter writer;

    InterfaceCompiler(ProcessingEnvironment env, Options options, Set<String> compiling) {
        this.env = env;
        this.options = options;
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
        this.messager = env.getMessager();
        this.specs = new ElementSpecs(elements, types);
        this.declarations = new ElementDeclarations(elements, types);
        this.stubs = new Stubs(elements, types);
        this.trust = new ElementTrust(elements, env.getFiler(), compiling);
        StandardJavaFileManager platform = ToolProvider.getSystemJavaCompiler()
                .getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        try {
            platform.setLocation(StandardLocation.CLASS_PATH, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.compiler = new UnitCompiler(new CompilationClassPath(platform, elements, env.getFiler(), compiling, stubs));
        this.writer = new ImplementationWriter(elements, stubs);
    }

    /** Whether the interface names types that are not there yet (another processor may generate them). */
    boolean needsAnotherRound(TypeElement iface) {
        for (Element member : elements.getAllMembers(iface)) {
            if (member instanceof ExecutableElement method && (hasError(method.getReturnType())
                    || method.getParameters().stream().anyMatch(p -> hasError(p.asType())))) {
                return true;
            }
        }
        return iface.getInterfaces().stream().anyMatch(InterfaceCompiler::hasError);
    }

    private static boolean hasError(TypeMirror type) {
        return type.getKind() == TypeKind.ERROR;
    }

    void compile(TypeElement iface) {
        if (!valid(iface)) {
            return;
        }
        List<ElementSpecs.MethodInfo> methods = specs.methods(iface);
        String owner = elements.getBinaryName(iface).toString();
        String pkg = ElementSpecs.packageOf(iface);
        Map<ElementSpecs.MethodInfo, StoredUnit> stored = new LinkedHashMap<>();
        boolean complete = true;
        boolean reviewed = true;
        for (ElementSpecs.MethodInfo method : methods) {
            MethodKey key = key(iface, method);
            Optional<StoredUnit> found;
            try {
                found = StoredUnit.read(options.store(), owner, method.key());
            } catch (IllegalStateException e) {
                error(method, e.getMessage() + ", " + key.forMethod());
                complete = false;
                continue;
            }
            String problem = found.isEmpty() ? missing(iface, key) : stale(iface, key, method, found.get());
            if (problem != null) {
                missingOrStale(method, problem);
                complete = false;
            } else if (options.approved() && !found.get().reviewed()) {
                error(method, key.display() + " is not approved (its status is " + found.get().status() + ", and "
                        + "-A" + Options.APPROVED + "=true asks for review): read " + found.get().sourceFile()
                        + ", then run `jit approve " + iface.getSimpleName() + "." + method.name() + "` (or edit it), "
                        + key.forMethod());
                reviewed = false;
            } else {
                stored.put(method, found.get());
            }
        }
        if (!complete || !reviewed) {
            return;
        }
        List<ImplementationWriter.Piece> pieces = compileAndVerify(iface, pkg, stored);
        if (pieces == null) {
            return;
        }
        String className = BuildTimeClasses.className(pkg, simpleNames(iface));
        String simpleClassName = className.substring(className.lastIndexOf('.') + 1);
        ImplementationWriter.Fingerprints fingerprints = new ImplementationWriter.Fingerprints(
                specs.fingerprint(iface, methods), declarations.fingerprint(iface));
        ImplementationWriter.Written written = writer.write(iface, simpleClassName, fingerprints, pieces, compiler);
        written.sources().forEach((name, source) -> {
            try {
                JavaFileObject file = env.getFiler().createSourceFile(name, iface);
                try (Writer out = file.openWriter()) {
                    out.write(source);
                }
            } catch (IOException e) {
                messager.printMessage(Diagnostic.Kind.ERROR, "jit-java could not write " + name + ": " + e.getMessage(), iface);
            }
        });
    }

    /** Compiles every stored unit and verifies it; null (with errors reported) when any fails. */
    private List<ImplementationWriter.Piece> compileAndVerify(TypeElement iface, String pkg,
                                                              Map<ElementSpecs.MethodInfo, StoredUnit> stored) {
        Map<UnitCompiler.Unit, ElementSpecs.MethodInfo> units = new LinkedHashMap<>();
        String prefix = classPrefix(elements.getBinaryName(iface).toString());
        stored.forEach((method, unit) -> units.put(new UnitCompiler.Unit(pkg, prefix + "_" + method.name(), unit.source()),
                method));
        UnitCompiler.Result result = compiler.compile(new ArrayList<>(units.keySet()));
        if (!result.ok()) {
            for (UnitCompiler.Error error : result.errors()) {
                if (error.unit() == null) {
                    messager.printMessage(Diagnostic.Kind.ERROR, "jit-java could not compile the stored methods of "
                            + iface.getSimpleName() + " against the types of this compilation: " + error.message()
                            + " (a stub of a type of yours; please report it)", iface);
                    continue;
                }
                ElementSpecs.MethodInfo method = units.get(error.unit());
                error(method, "The stored source does not compile: " + stored.get(method).sourceFile()
                        + (error.line() > 0 ? ":" + error.line() : "") + ": " + error.message()
                        + (error.sourceLine().isBlank() ? "" : "\n    " + error.sourceLine().strip())
                        + "\nFix the file, or call improve to have the model change it, " + key(iface, method).forMethod());
            }
            return null;
        }
        Set<Capability> grants = EnumSet.of(Capability.CONSOLE);
        Allow allow = iface.getAnnotation(Allow.class);
        if (allow != null) {
            grants.addAll(List.of(allow.value()));
        }
        List<ImplementationWriter.Piece> pieces = new ArrayList<>();
        boolean verified = true;
        for (Map.Entry<UnitCompiler.Unit, ElementSpecs.MethodInfo> entry : units.entrySet()) {
            UnitCompiler.Unit unit = entry.getKey();
            ElementSpecs.MethodInfo method = entry.getValue();
            Map<String, byte[]> classes = new LinkedHashMap<>();
            result.classes().forEach((name, bytes) -> {
                if (name.equals(unit.binaryName()) || name.startsWith(unit.binaryName() + "$")) {
                    classes.put(name, bytes);
                }
            });
            Set<String> trusted = trust.trusted(iface, trust.userTypes(method.element()));
            trusted.addAll(trust.allowedTypes(iface));
            BytecodeVerifier.Context context = new BytecodeVerifier.Context(grants, trusted,
                    ClassLoader.getPlatformClassLoader()).trusting(trust.trustedPackages(iface));
            List<Violation> violations = BytecodeVerifier.verify(classes, context);
            StoredUnit storedUnit = stored.get(method);
            if (!violations.isEmpty()) {
                Violation first = violations.get(0);
                error(method, "The stored source uses what generated code may not: " + storedUnit.sourceFile()
                        + (first.line() > 0 ? ":" + first.line() : "") + ": " + first.forUser(capability -> "@Allow(Capability."
                        + capability + ") on " + iface.getSimpleName())
                        + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "")
                        + (first.capability() != null ? " (at build time only @Allow counts)" : "")
                        + ", " + key(iface, method).forMethod());
                verified = false;
                continue;
            }
            String comment = method.key() + ": " + options.store().relativize(storedUnit.sourceFile().toAbsolutePath())
                    + " (" + storedUnit.status() + ")";
            pieces.add(new ImplementationWriter.Piece(method, unit, result.shapes().get(unit), classes, comment));
        }
        return verified ? pieces : null;
    }

    private String missing(TypeElement iface, MethodKey key) {
        return key.display() + " is not in the store (" + options.store().resolve(ownerPath(iface))
                .resolve(key.signature() + ".java") + ")";
    }

    /** Why a stored method cannot be used as it is, or null when it can. */
    private String stale(TypeElement iface, MethodKey key, ElementSpecs.MethodInfo method, StoredUnit stored) {
        Metadata metadata = stored.metadata();
        if (!metadata.spec().sameAs(method.spec())) {
            return key.display() + " is stale in the store: " + metadata.spec().changesTo(method.spec())
                    + " since it was written (" + stored.sourceFile() + ")"
                    + (stored.editedByHand() ? "; it was edited by hand, so restore the spec, or delete its .java and "
                    + ".json files to have it written again" : "");
        }
        List<String> passed = metadata.checks() == null ? List.of() : metadata.checks().passed();
        List<ExampleSpec> examples = new ArrayList<>(method.examples());
        examples.addAll(metadata.addedExamples());
        for (ExampleSpec example : examples) {
            if (!passed.contains(example.describe())) {
                return key.display() + " has examples it was not checked against (" + example.describe() + ")";
            }
        }
        if (!metadata.dependencies().isEmpty()) {
            return key.display() + " uses the libraries " + metadata.dependencies().stream()
                    .map(Metadata.Dependency::coordinates).toList() + ", which only the run-time engine loads";
        }
        return null;
    }

    private void missingOrStale(ElementSpecs.MethodInfo method, String problem) {
        TypeElement iface = (TypeElement) method.element().getEnclosingElement();
        String fix = "run it once in AUTO mode (or jit.prepare(" + iface.getSimpleName() + ".class)) and commit the store";
        if (options.missingIsError()) {
            messager.printMessage(Diagnostic.Kind.ERROR, problem + ": " + fix + " (-A" + Options.MISSING
                    + "=warn lets the run-time engine serve it)", method.element());
        } else {
            messager.printMessage(Diagnostic.Kind.WARNING, problem + ", so the interface is not compiled in and the "
                    + "run-time engine serves it: " + fix, method.element());
        }
    }

    private void error(ElementSpecs.MethodInfo method, String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, method.element());
    }

    /** What {@code Jit.implement} would refuse, said at the interface. */
    private boolean valid(TypeElement iface) {
        String problem = null;
        if (iface.getKind() != ElementKind.INTERFACE) {
            problem = "@JitInterface marks interfaces, and " + iface.getSimpleName() + " is not one";
        } else if (!iface.getTypeParameters().isEmpty()) {
            problem = "Type parameters are unsupported on " + iface.getQualifiedName();
        } else if (iface.getModifiers().contains(Modifier.SEALED)) {
            problem = iface.getQualifiedName() + " is sealed, so jit-java cannot implement it";
        } else if (iface.getNestingKind() == NestingKind.LOCAL) {
            problem = iface.getSimpleName() + " is a local interface: declare it as a top-level or member interface";
        } else {
            for (Element e = iface; e instanceof TypeElement type; e = e.getEnclosingElement()) {
                if (type.getModifiers().contains(Modifier.PRIVATE)) {
                    problem = type.getQualifiedName().toString() + " is private: make it package-private or public so that "
                            + "generated code can use " + iface.getSimpleName();
                }
            }
        }
        if (problem != null) {
            messager.printMessage(Diagnostic.Kind.ERROR, problem, iface);
        }
        return problem == null;
    }

    private MethodKey key(TypeElement iface, ElementSpecs.MethodInfo method) {
        List<String> parameterTypes = method.element().getParameters().stream()
                .map(p -> specs.binaryName(types.erasure(p.asType()))).toList();
        return new MethodKey(elements.getBinaryName(iface).toString(), iface.getSimpleName().toString(), method.name(),
                parameterTypes);
    }

    private String ownerPath(TypeElement iface) {
        return elements.getBinaryName(iface).toString();
    }

    private static List<String> simpleNames(TypeElement iface) {
        List<String> names = new ArrayList<>();
        for (Element e = iface; e instanceof TypeElement type; e = e.getEnclosingElement()) {
            names.add(0, type.getSimpleName().toString());
        }
        return names;
    }

    /** As {@code Owner.classPrefix()}: the stored unit's class is {@code <prefix>_<method>}. */
    private static String classPrefix(String binaryName) {
        String name = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        StringBuilder prefix = new StringBuilder();
        for (char c : name.toCharArray()) {
            prefix.append(Character.isJavaIdentifierPart(c) && c != '$' ? c : '_');
        }
        return prefix.toString();
    }
}
