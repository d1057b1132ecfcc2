package dev.jitjava.processor;

import dev.jitjava.JitInterface;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles the stored methods of every {@link JitInterface} interface into the application: one
 * class per interface, {@code Jit_Numbers} beside {@code Numbers}, verified at build time as the
 * run-time engine verifies stored code. Options:
 * <ul>
 * <li>{@code -Ajit.store=DIR}: the store (default {@code .jit} in the working directory);</li>
 * <li>{@code -Ajit.missing=warn|error}: a method the store lacks, or whose stored spec no longer
 * matches, is a warning (default: the interface gets no class, and the run-time engine serves it)
 * or an error (for CI and release builds);</li>
 * <li>{@code -Ajit.approved=true}: every method must be approved ({@code jit approve}) or edited.</li>
 * </ul>
 * It reads only the store files of the interfaces it processes, and names each interface as the
 * originating element of what it writes for it (Gradle: an isolating processor).
 */
public final class JitProcessor extends AbstractProcessor {
    private final Set<String> compiling = new HashSet<>();
    private final Set<String> deferred = new LinkedHashSet<>();
    private Options options;
    private InterfaceCompiler interfaces;

    /** Made by javac through {@code META-INF/services}; it reads its options in {@link #init}. */
    public JitProcessor() {
    }

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        try {
            options = Options.of(processingEnv.getOptions());
        } catch (IllegalArgumentException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, e.getMessage());
        }
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(JitInterface.class.getName());
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(Options.STORE, Options.MISSING, Options.APPROVED);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element root : round.getRootElements()) {
            if (root instanceof TypeElement type) {
                compiling.add(type.getQualifiedName().toString());
            }
        }
        if (options == null) {
            return false;
        }
        if (interfaces == null) {
            interfaces = new InterfaceCompiler(processingEnv, options, compiling);
        }
        List<TypeElement> todo = new ArrayList<>();
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                todo.add(type);
            }
        }
        deferred.clear();
        for (Element element : round.getElementsAnnotatedWith(JitInterface.class)) {
            todo.add((TypeElement) element);
        }
        for (TypeElement type : todo) {
            if (!round.processingOver() && interfaces.needsAnotherRound(type)) {
                deferred.add(type.getQualifiedName().toString()); // types other processors have yet to generate
            } else {
                interfaces.compile(type);
            }
        }
        return false;
    }
}
