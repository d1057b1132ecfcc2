package dev.jitjava.processor;

import dev.jitjava.Describe;
import dev.jitjava.Example;
import dev.jitjava.internal.method.ExampleSpec;
import dev.jitjava.internal.prompt.Prompts;
import dev.jitjava.internal.store.SpecFingerprint;
import dev.jitjava.internal.store.SpecRecord;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.MirroredTypeException;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An interface's abstract methods and their specs, from {@code javax.lang.model} elements, written
 * exactly as the run-time engine writes them from reflection ({@code TypeText}, {@code MethodSpec}):
 * the same {@link SpecRecord}s, hence the same {@link SpecFingerprint}.
 */
final class ElementSpecs {
    private final Elements elements;
    private final Types types;

    ElementSpecs(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /**
     * One abstract method to implement.
     *
     * @param element  the method as the interface has it (inherited ones included)
     * @param key      {@code countVowels(java.lang.String)}
     * @param spec     its spec record, as the store compares it
     * @param examples its {@code @Example}s
     */
    record MethodInfo(ExecutableElement element, String key, SpecRecord spec, List<ExampleSpec> examples) {
        String name() {
            return element.getSimpleName().toString();
        }
    }

    /** The abstract methods jit-java writes, as {@code InterfaceMethods.toGenerate} finds them, by name then key. */
    List<MethodInfo> methods(TypeElement iface) {
        Map<String, ExecutableElement> byKey = new LinkedHashMap<>();
        for (Element member : elements.getAllMembers(iface)) {
            if (member.getKind() != ElementKind.METHOD || !member.getModifiers().contains(Modifier.ABSTRACT)) {
                continue;
            }
            ExecutableElement method = (ExecutableElement) member;
            if (isObjectMethod(method)) {
                continue;
            }
            String key = key(method);
            ExecutableElement earlier = byKey.get(key);
            if (earlier == null || types.isAssignable(types.erasure(method.getReturnType()),
                    types.erasure(earlier.getReturnType()))) {
                byKey.put(key, method); // the most specific return type wins
            }
        }
        String pkg = packageOf(iface);
        Describe context = iface.getAnnotation(Describe.class);
        List<MethodInfo> methods = new ArrayList<>();
        for (Map.Entry<String, ExecutableElement> entry : byKey.entrySet()) {
            ExecutableElement method = entry.getValue();
            Describe describe = method.getAnnotation(Describe.class);
            SpecRecord spec = new SpecRecord(typeSignature(method, pkg), describe == null ? "" : describe.value(),
                    List.of(), context == null ? "" : context.value(), Prompts.VERSION);
            methods.add(new MethodInfo(method, entry.getKey(), spec, examples(method)));
        }
        methods.sort(Comparator.comparing(MethodInfo::name).thenComparing(MethodInfo::key));
        return methods;
    }

    /** The fingerprint the run time computes for the same interface: {@link SpecFingerprint#of(Class)}. */
    String fingerprint(TypeElement iface, List<MethodInfo> methods) {
        return SpecFingerprint.of(elements.getBinaryName(iface).toString(),
                methods.stream().map(m -> new SpecFingerprint.Entry(m.key(), m.spec())).toList());
    }

    /** {@code countVowels(java.lang.String)}: the name and the erased parameter types' binary names. */
    String key(ExecutableElement method) {
        return method.getSimpleName() + "(" + method.getParameters().stream()
                .map(p -> binaryName(types.erasure(p.asType()))).collect(Collectors.joining(",")) + ")";
    }

    /** A type as {@code Class.getTypeName()} spells its erasure: {@code int[]}, {@code dev.example.Outer$Inner}. */
    String binaryName(TypeMirror erased) {
        return switch (erased.getKind()) {
            case ARRAY -> binaryName(((ArrayType) erased).getComponentType()) + "[]";
            case DECLARED -> elements.getBinaryName((TypeElement) ((DeclaredType) erased).asElement()).toString();
            default -> erased.getKind().isPrimitive() ? erased.getKind().name().toLowerCase(Locale.ROOT) : erased.toString();
        };
    }

    /** {@code <T> List<T> firstN(List<T>, int) throws IOException}, as {@code MethodSpec.typeSignature()} writes it. */
    String typeSignature(ExecutableElement method, String pkg) {
        StringBuilder signature = new StringBuilder();
        String typeParameters = typeParameters(method.getTypeParameters(), pkg);
        if (!typeParameters.isEmpty()) {
            signature.append(typeParameters).append(' ');
        }
        signature.append(render(method.getReturnType(), pkg)).append(' ').append(method.getSimpleName()).append('(');
        List<? extends VariableElement> parameters = method.getParameters();
        for (int i = 0; i < parameters.size(); i++) {
            String source = render(parameters.get(i).asType(), pkg);
            if (i == parameters.size() - 1 && method.isVarArgs()) {
                source = source.substring(0, source.length() - 2) + "...";
            }
            signature.append(i == 0 ? "" : ", ").append(source);
        }
        signature.append(')');
        List<? extends TypeMirror> thrown = method.getThrownTypes();
        for (int i = 0; i < thrown.size(); i++) {
            signature.append(i == 0 ? " throws " : ", ").append(render(thrown.get(i), pkg));
        }
        return signature.toString();
    }

    /** {@code <T extends Comparable<T>>}, or "": bounds other than {@code Object}, joined with {@code &}. */
    String typeParameters(List<? extends TypeParameterElement> parameters, String pkg) {
        if (parameters.isEmpty()) {
            return "";
        }
        return parameters.stream().map(p -> {
            String bounds = p.getBounds().stream().filter(b -> !isObject(b)).map(b -> render(b, pkg))
                    .collect(Collectors.joining(" & "));
            return bounds.isEmpty() ? p.getSimpleName().toString() : p.getSimpleName() + " extends " + bounds;
        }).collect(Collectors.joining(", ", "<", ">"));
    }

    /** A type as source, without its package ({@code List<Integer>}, {@code Map.Entry<K, V>}), as {@code TypeText.render}. */
    String render(TypeMirror type, String pkg) {
        TypeKind kind = type.getKind();
        if (kind.isPrimitive()) {
            return kind.name().toLowerCase(Locale.ROOT);
        }
        return switch (kind) {
            case VOID -> "void";
            case ARRAY -> render(((ArrayType) type).getComponentType(), pkg) + "[]";
            case TYPEVAR -> ((TypeVariable) type).asElement().getSimpleName().toString();
            case WILDCARD -> {
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getSuperBound() != null) {
                    yield "? super " + render(wildcard.getSuperBound(), pkg);
                }
                TypeMirror upper = wildcard.getExtendsBound();
                yield upper == null || isObject(upper) ? "?" : "? extends " + render(upper, pkg);
            }
            case DECLARED -> {
                DeclaredType declared = (DeclaredType) type;
                TypeElement element = (TypeElement) declared.asElement();
                String qualified = element.getQualifiedName().toString();
                String topPackage = packageOf(element);
                String path = topPackage.isEmpty() ? qualified : qualified.substring(topPackage.length() + 1);
                if (declared.getTypeArguments().isEmpty()) {
                    yield path;
                }
                yield path + declared.getTypeArguments().stream().map(a -> render(a, pkg))
                        .collect(Collectors.joining(", ", "<", ">"));
            }
            default -> type.toString();
        };
    }

    private List<ExampleSpec> examples(ExecutableElement method) {
        List<ExampleSpec> examples = new ArrayList<>();
        for (Example example : method.getAnnotationsByType(Example.class)) {
            String thrown;
            try {
                thrown = example.thrown().getName();
            } catch (MirroredTypeException e) {
                thrown = binaryName(types.erasure(e.getTypeMirror()));
            }
            examples.add(new ExampleSpec(example.call(), example.returns(),
                    thrown.equals(Example.None.class.getName()) ? "" : thrown));
        }
        return examples;
    }

    private boolean isObjectMethod(ExecutableElement method) {
        TypeElement object = elements.getTypeElement("java.lang.Object");
        for (Element member : object.getEnclosedElements()) {
            if (member.getKind() == ElementKind.METHOD && member.getModifiers().contains(Modifier.PUBLIC)
                    && member.getSimpleName().contentEquals(method.getSimpleName())
                    && key((ExecutableElement) member).equals(key(method))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isObject(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.Object");
    }

    /** The package of a type, nested or not ("" for the unnamed package). */
    static String packageOf(Element element) {
        Element e = element;
        while (!(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        return ((PackageElement) e).getQualifiedName().toString();
    }
}
