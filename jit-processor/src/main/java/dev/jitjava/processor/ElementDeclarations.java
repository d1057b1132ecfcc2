package dev.jitjava.processor;

import dev.jitjava.Describe;
import dev.jitjava.internal.bind.DeclarationFingerprint;
import dev.jitjava.internal.prompt.Prompts;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An interface's {@link DeclarationFingerprint} from {@code javax.lang.model} elements, in the
 * terms javac writes into the class file (JVMS 4.3 descriptors, 4.7.9.1 signatures), so that it
 * equals what the run time reads from the class files ({@link DeclarationFingerprint#of}).
 */
final class ElementDeclarations {
    private final Elements elements;
    private final Types types;

    ElementDeclarations(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /** The fingerprint of the interface and its superinterfaces outside {@code java.*}. */
    String fingerprint(TypeElement iface) {
        DeclarationFingerprint fingerprint = new DeclarationFingerprint(Prompts.VERSION);
        visit(iface, fingerprint, new HashSet<>());
        return fingerprint.finish();
    }

    /** In the order the run time reads them: the interface, then its superinterfaces depth first, each once. */
    private void visit(TypeElement type, DeclarationFingerprint fingerprint, Set<String> seen) {
        String binaryName = elements.getBinaryName(type).toString();
        if (!seen.add(binaryName) || DeclarationFingerprint.isJdk(binaryName)) {
            return;
        }
        List<? extends TypeMirror> interfaces = type.getInterfaces();
        String[] names = interfaces.stream().map(i -> internalName(types.erasure(i))).toArray(String[]::new);
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() == ElementKind.METHOD) {
                method((ExecutableElement) member, fingerprint);
            }
        }
        StringBuilder signature = new StringBuilder();
        typeParameters(type.getTypeParameters(), signature);
        signature.append("Ljava/lang/Object;");
        interfaces.forEach(i -> signature(i, signature));
        fingerprint.type(binaryName.replace('.', '/'), signature.toString(), describe(type), names);
        for (TypeMirror superinterface : interfaces) {
            visit((TypeElement) types.asElement(superinterface), fingerprint, seen);
        }
    }

    private void method(ExecutableElement method, DeclarationFingerprint fingerprint) {
        Set<Modifier> modifiers = method.getModifiers();
        char kind = modifiers.contains(Modifier.ABSTRACT) ? 'A' : modifiers.contains(Modifier.STATIC) ? 'S' : 'D';
        StringBuilder descriptor = new StringBuilder("(");
        method.getParameters().forEach(p -> descriptor.append(descriptor(types.erasure(p.asType()))));
        descriptor.append(')').append(descriptor(types.erasure(method.getReturnType())));
        StringBuilder signature = new StringBuilder();
        typeParameters(method.getTypeParameters(), signature);
        signature.append('(');
        method.getParameters().forEach(p -> signature(p.asType(), signature));
        signature.append(')');
        signature(method.getReturnType(), signature);
        List<? extends TypeMirror> thrown = method.getThrownTypes();
        if (thrown.stream().anyMatch(t -> t.getKind() == TypeKind.TYPEVAR)) { // javac's rule, JVMS 4.7.9.1
            thrown.forEach(t -> signature(t, signature.append('^')));
        }
        String[] exceptions = thrown.stream().map(t -> internalName(types.erasure(t))).toArray(String[]::new);
        fingerprint.method(kind, method.getSimpleName().toString(), descriptor.toString(), signature.toString(),
                describe(method), exceptions);
    }

    private static String describe(Element element) {
        Describe describe = element.getAnnotation(Describe.class);
        return describe == null ? "" : describe.value();
    }

    /** {@code <T:Ljava/lang/Object;U::Ljava/lang/Comparable<TU;>;>}, or nothing. */
    private void typeParameters(List<? extends TypeParameterElement> parameters, StringBuilder out) {
        if (parameters.isEmpty()) {
            return;
        }
        out.append('<');
        for (TypeParameterElement parameter : parameters) {
            out.append(parameter.getSimpleName());
            List<? extends TypeMirror> bounds = parameter.getBounds();
            if (bounds.isEmpty() || isInterface(bounds.get(0))) {
                out.append(':'); // no class bound
            }
            if (bounds.isEmpty()) {
                out.append(":Ljava/lang/Object;");
            }
            for (TypeMirror bound : bounds) {
                signature(bound, out.append(':'));
            }
        }
        out.append('>');
    }

    /** A type as a JVMS signature: {@code Ljava/util/Map$Entry<TK;+Ljava/lang/Number;>;}. */
    private void signature(TypeMirror type, StringBuilder out) {
        switch (type.getKind()) {
            case ARRAY -> signature(((ArrayType) type).getComponentType(), out.append('['));
            case TYPEVAR -> out.append('T').append(((TypeVariable) type).asElement().getSimpleName()).append(';');
            case WILDCARD -> {
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    signature(wildcard.getExtendsBound(), out.append('+'));
                } else if (wildcard.getSuperBound() != null) {
                    signature(wildcard.getSuperBound(), out.append('-'));
                } else {
                    out.append('*');
                }
            }
            case DECLARED -> {
                classSignature((DeclaredType) type, out);
                out.append(';');
            }
            default -> out.append(descriptor(type));
        }
    }

    /** Without the closing {@code ;}: an inner class of a parameterized class is {@code Outer<TT;>.Inner}. */
    private void classSignature(DeclaredType type, StringBuilder out) {
        TypeMirror enclosing = type.getEnclosingType();
        if (enclosing.getKind() == TypeKind.DECLARED && parameterized((DeclaredType) enclosing)) {
            classSignature((DeclaredType) enclosing, out);
            out.append('.').append(type.asElement().getSimpleName());
        } else {
            out.append('L').append(internalName(type));
        }
        if (!type.getTypeArguments().isEmpty()) {
            out.append('<');
            type.getTypeArguments().forEach(argument -> signature(argument, out));
            out.append('>');
        }
    }

    /** Whether the type or a type enclosing it has type arguments. */
    private static boolean parameterized(DeclaredType type) {
        for (TypeMirror t = type; t.getKind() == TypeKind.DECLARED; t = ((DeclaredType) t).getEnclosingType()) {
            if (!((DeclaredType) t).getTypeArguments().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** An erased type as a JVMS descriptor: {@code I}, {@code [Ljava/lang/String;}. */
    private String descriptor(TypeMirror erased) {
        return switch (erased.getKind()) {
            case BOOLEAN -> "Z";
            case BYTE -> "B";
            case CHAR -> "C";
            case SHORT -> "S";
            case INT -> "I";
            case LONG -> "J";
            case FLOAT -> "F";
            case DOUBLE -> "D";
            case VOID -> "V";
            case ARRAY -> "[" + descriptor(types.erasure(((ArrayType) erased).getComponentType()));
            default -> "L" + internalName(erased) + ";";
        };
    }

    /** {@code dev/example/Outer$Inner}, for a declared type (erased or not). */
    private String internalName(TypeMirror type) {
        return elements.getBinaryName((TypeElement) types.asElement(type)).toString().replace('.', '/');
    }

    private boolean isInterface(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED && types.asElement(type).getKind().isInterface();
    }
}
