package dev.jitjava.cli.host;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.jitjava.Capability;
import dev.jitjava.Example;
import dev.jitjava.spi.MethodHost;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a program says about its methods with jit-java's annotations on its class, read from javac's
 * attributed tree (so constants and imports resolve as in any Java code): {@code @Allow}
 * capabilities, a {@code @Budget}, a {@code @Describe} of the program, and {@code @Example}s, each
 * of which belongs to the method its call names.
 *
 * @param grants      the capabilities {@code @Allow} grants
 * @param budgets     the {@code @Budget}, if there is one
 * @param description the {@code @Describe} text, or ""
 * @param examples    the {@code @Example}s
 */
record ProgramAnnotations(Set<Capability> grants, Optional<MethodHost.Budgets> budgets, String description,
                          List<Example.Case> examples) {

    static final ProgramAnnotations NONE = new ProgramAnnotations(Set.of(), Optional.empty(), "", List.of());

    /** The examples whose call names {@code method}: {@code countVowels("jit")} belongs to countVowels. */
    List<Example.Case> examplesOf(String method) {
        return examples.stream().filter(e -> e.call().strip().startsWith(method + "(")
                || e.call().strip().startsWith(method + " (")).toList();
    }

    /** The annotations on the first top-level class of an attributed file. */
    static ProgramAnnotations read(SourceCompiler.Run run) {
        for (Tree type : run.unit().getTypeDecls()) {
            if (type instanceof ClassTree declared) {
                Element element = run.trees().getElement(TreePath.getPath(run.unit(), declared));
                return element instanceof TypeElement typeElement ? read(run, typeElement) : NONE;
            }
        }
        return NONE;
    }

    private static ProgramAnnotations read(SourceCompiler.Run run, TypeElement type) {
        Set<Capability> grants = EnumSet.noneOf(Capability.class);
        MethodHost.Budgets budgets = null;
        String description = "";
        List<Example.Case> examples = new ArrayList<>();
        for (AnnotationMirror annotation : type.getAnnotationMirrors()) {
            String name = ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().toString();
            Map<? extends ExecutableElement, ? extends AnnotationValue> values =
                    run.elements().getElementValuesWithDefaults(annotation);
            switch (name) {
                case "dev.jitjava.Allow" -> list(values, "value").forEach(value ->
                        grants.add(Capability.valueOf(((VariableElement) value.getValue()).getSimpleName().toString())));
                case "dev.jitjava.Budget" -> {
                    long wallMillis = ((Number) value(values, "wallMillis")).longValue();
                    budgets = new MethodHost.Budgets(Duration.ofMillis(((Number) value(values, "cpuMillis")).longValue()),
                            ((Number) value(values, "memoryMegabytes")).longValue() << 20,
                            wallMillis > 0 ? Duration.ofMillis(wallMillis) : null);
                }
                case "dev.jitjava.Describe" -> description = (String) value(values, "value");
                case "dev.jitjava.Example" -> examples.add(example(run, annotation));
                case "dev.jitjava.Example.List" -> list(values, "value").forEach(value ->
                        examples.add(example(run, (AnnotationMirror) value.getValue())));
                default -> {
                    // not jit-java's
                }
            }
        }
        return new ProgramAnnotations(Set.copyOf(grants), Optional.ofNullable(budgets), description, List.copyOf(examples));
    }

    private static Example.Case example(SourceCompiler.Run run, AnnotationMirror annotation) {
        Map<? extends ExecutableElement, ? extends AnnotationValue> values =
                run.elements().getElementValuesWithDefaults(annotation);
        String call = (String) value(values, "call");
        String returns = (String) value(values, "returns");
        TypeMirror thrown = (TypeMirror) value(values, "thrown");
        String thrownName = run.elements().getBinaryName((TypeElement) ((DeclaredType) thrown).asElement()).toString();
        if (thrownName.equals(Example.None.class.getName())) {
            return new Example.Case(call, returns, null);
        }
        return new Example.Case(call, "", loadThrowable(thrownName));
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Throwable> loadThrowable(String name) {
        try {
            return (Class<? extends Throwable>) Class.forName(name, false, ProgramAnnotations.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("@Example(thrown = " + name + ".class): jit run checks examples against "
                    + "exceptions of the JDK or of jit-java, and " + name + " is the program's own: expect one of its "
                    + "supertypes from the JDK instead");
        }
    }

    private static Object value(Map<? extends ExecutableElement, ? extends AnnotationValue> values, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : values.entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue().getValue();
            }
        }
        throw new IllegalStateException("no annotation value " + name);
    }

    @SuppressWarnings("unchecked")
    private static List<? extends AnnotationValue> list(Map<? extends ExecutableElement, ? extends AnnotationValue> values,
                                                        String name) {
        Object value = value(values, name);
        return value instanceof List<?> list ? (List<? extends AnnotationValue>) list : List.of();
    }
}
