package dev.jitjava.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.util.Elements.Origin;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Java source that declares a type of the current compilation as its elements show it: the same
 * members and signatures, bodies that only {@code throw null}, no annotations. A stored method is
 * compiled in memory against these stubs, because the types it uses are not compiled yet while
 * the processor runs.
 */
final class Stubs {
    private static final Set<Modifier> KEPT = Set.of(Modifier.PUBLIC, Modifier.PROTECTED, Modifier.PRIVATE,
            Modifier.STATIC, Modifier.ABSTRACT, Modifier.FINAL, Modifier.SEALED, Modifier.NON_SEALED, Modifier.DEFAULT);

    private final Elements elements;
    private final Types types;

    Stubs(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /** The source of a top-level type, its nested types included. */
    String of(TypeElement type) {
        StringBuilder out = new StringBuilder();
        String pkg = ElementSpecs.packageOf(type);
        if (!pkg.isEmpty()) {
            out.append("package ").append(pkg).append(";\n");
        }
        type(type, out);
        return out.toString();
    }

    private void type(TypeElement type, StringBuilder out) {
        ElementKind kind = type.getKind();
        Set<Modifier> modifiers = new java.util.LinkedHashSet<>(type.getModifiers());
        if (kind == ElementKind.ENUM || kind == ElementKind.RECORD) {
            modifiers.removeAll(Set.of(Modifier.FINAL, Modifier.SEALED, Modifier.ABSTRACT));
        }
        if (kind.isInterface()) {
            modifiers.remove(Modifier.ABSTRACT);
        }
        if (kind == ElementKind.ENUM || kind == ElementKind.RECORD || kind.isInterface()) {
            if (type.getNestingKind().isNested()) {
                modifiers.remove(Modifier.STATIC);
            }
        }
        out.append(modifiers(modifiers)).append(switch (kind) {
            case INTERFACE -> "interface ";
            case ANNOTATION_TYPE -> "@interface ";
            case ENUM -> "enum ";
            case RECORD -> "record ";
            default -> "class ";
        }).append(type.getSimpleName()).append(typeParameters(type.getTypeParameters()));
        if (kind == ElementKind.RECORD) {
            out.append(type.getRecordComponents().stream().map(c -> type(c.asType()) + " " + c.getSimpleName())
                    .collect(Collectors.joining(", ", "(", ")")));
        }
        if (kind == ElementKind.CLASS && type.getSuperclass().getKind() == TypeKind.DECLARED
                && !isObject(type.getSuperclass())) {
            out.append(" extends ").append(type(type.getSuperclass()));
        }
        List<? extends TypeMirror> interfaces = type.getInterfaces();
        if (!interfaces.isEmpty() && kind != ElementKind.ANNOTATION_TYPE) {
            out.append(kind.isInterface() ? " extends " : " implements ")
                    .append(interfaces.stream().map(this::type).collect(Collectors.joining(", ")));
        }
        if (!type.getPermittedSubclasses().isEmpty()) {
            out.append(" permits ").append(type.getPermittedSubclasses().stream().map(this::type)
                    .collect(Collectors.joining(", ")));
        }
        out.append(" {\n");
        if (kind == ElementKind.ENUM) {
            out.append(type.getEnclosedElements().stream().filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
                    .map(e -> e.getSimpleName().toString()).collect(Collectors.joining(", "))).append(";\n");
        }
        for (Element member : type.getEnclosedElements()) {
            if (member.getModifiers().contains(Modifier.PRIVATE) && member.getKind() != ElementKind.CONSTRUCTOR
                    || elements.getOrigin(member) != Origin.EXPLICIT) {
                continue; // private members are out of reach; implicit ones javac declares again
            }
            switch (member.getKind()) {
                case FIELD -> field((VariableElement) member, type, out);
                case METHOD -> method((ExecutableElement) member, type, out);
                case CONSTRUCTOR -> constructor((ExecutableElement) member, type, out);
                case CLASS, INTERFACE, ENUM, RECORD, ANNOTATION_TYPE -> type((TypeElement) member, out);
                default -> {
                }
            }
        }
        out.append("}\n");
    }

    private void field(VariableElement field, TypeElement owner, StringBuilder out) {
        Object constant = field.getConstantValue();
        Set<Modifier> modifiers = new java.util.LinkedHashSet<>(field.getModifiers());
        modifiers.retainAll(KEPT);
        if (owner.getKind().isInterface()) {
            modifiers.removeAll(Set.of(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL));
        } else if (constant == null) {
            modifiers.remove(Modifier.FINAL); // a blank final would need initializing in every constructor
        }
        out.append(modifiers(modifiers)).append(type(field.asType())).append(' ').append(field.getSimpleName());
        if (constant != null) {
            out.append(" = ").append(elements.getConstantExpression(constant));
        } else if (owner.getKind().isInterface()) {
            out.append(" = ").append(field.asType().getKind().isPrimitive()
                    ? "(" + boxed(field.asType()) + ") null" : "null"); // not a constant expression, as in the source
        }
        out.append(";\n");
    }

    private void method(ExecutableElement method, TypeElement owner, StringBuilder out) {
        if (owner.getKind() == ElementKind.RECORD && method.getParameters().isEmpty()
                && owner.getRecordComponents().stream().anyMatch(c -> c.getSimpleName().equals(method.getSimpleName()))) {
            return; // an accessor: the record declares it
        }
        Set<Modifier> modifiers = new java.util.LinkedHashSet<>(method.getModifiers());
        modifiers.retainAll(KEPT);
        boolean body = !modifiers.contains(Modifier.ABSTRACT);
        if (owner.getKind() == ElementKind.ENUM && !body) {
            modifiers.remove(Modifier.ABSTRACT); // constant bodies are not stubbed
            body = true;
        }
        if (owner.getKind().isInterface()) {
            modifiers.remove(Modifier.PUBLIC);
            modifiers.remove(Modifier.ABSTRACT);
        }
        out.append(modifiers(modifiers)).append(typeParameters(method.getTypeParameters()));
        out.append(type(method.getReturnType())).append(' ').append(method.getSimpleName());
        parameters(method, out);
        if (owner.getKind() == ElementKind.ANNOTATION_TYPE && method.getDefaultValue() != null) {
            out.append(" default ").append(method.getDefaultValue());
        }
        out.append(body ? " { throw null; }\n" : ";\n");
    }

    private void constructor(ExecutableElement constructor, TypeElement owner, StringBuilder out) {
        if (owner.getKind() == ElementKind.ENUM || owner.getKind() == ElementKind.RECORD
                && constructor.getParameters().size() == owner.getRecordComponents().size()
                && sameTypes(constructor, owner.getRecordComponents())) {
            return; // enum constants are stubbed without arguments; the record declares its canonical constructor
        }
        Set<Modifier> modifiers = new java.util.LinkedHashSet<>(constructor.getModifiers());
        modifiers.retainAll(KEPT);
        out.append(modifiers(modifiers)).append(typeParameters(constructor.getTypeParameters()))
                .append(owner.getSimpleName());
        parameters(constructor, out);
        out.append(" {");
        if (owner.getKind() == ElementKind.RECORD) {
            out.append(" this(").append(owner.getRecordComponents().stream().map(c -> defaultValue(c.asType()))
                    .collect(Collectors.joining(", "))).append(");");
        } else {
            superCall(owner, out);
        }
        out.append(" throw null; }\n");
    }

    /** An explicit call of a superclass constructor, arguments cast to its exact types: one the superclass must have. */
    private void superCall(TypeElement owner, StringBuilder out) {
        if (owner.getSuperclass().getKind() != TypeKind.DECLARED) {
            return;
        }
        TypeElement superclass = (TypeElement) types.asElement(owner.getSuperclass());
        List<ExecutableElement> constructors = superclass.getEnclosedElements().stream()
                .filter(e -> e.getKind() == ElementKind.CONSTRUCTOR && !e.getModifiers().contains(Modifier.PRIVATE))
                .map(ExecutableElement.class::cast).toList();
        if (constructors.isEmpty() || constructors.stream().anyMatch(c -> c.getParameters().isEmpty())) {
            return;
        }
        out.append(" super(").append(constructors.get(0).getParameters().stream()
                .map(p -> defaultValue(types.erasure(p.asType()))).collect(Collectors.joining(", "))).append(");");
    }

    private boolean sameTypes(ExecutableElement constructor, List<? extends RecordComponentElement> components) {
        for (int i = 0; i < components.size(); i++) {
            if (!types.isSameType(types.erasure(constructor.getParameters().get(i).asType()),
                    types.erasure(components.get(i).asType()))) {
                return false;
            }
        }
        return true;
    }

    private void parameters(ExecutableElement method, StringBuilder out) {
        List<? extends VariableElement> parameters = method.getParameters();
        out.append('(');
        for (int i = 0; i < parameters.size(); i++) {
            String type = type(parameters.get(i).asType());
            if (i == parameters.size() - 1 && method.isVarArgs()) {
                type = type.substring(0, type.length() - 2) + "...";
            }
            out.append(i == 0 ? "" : ", ").append(type).append(" p").append(i);
        }
        out.append(')');
        if (!method.getThrownTypes().isEmpty()) {
            out.append(" throws ").append(method.getThrownTypes().stream().map(this::type).collect(Collectors.joining(", ")));
        }
    }

    private String typeParameters(List<? extends TypeParameterElement> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        return parameters.stream().map(p -> {
            List<String> bounds = p.getBounds().stream().filter(b -> !isObject(b)).map(this::type).toList();
            return bounds.isEmpty() ? p.getSimpleName().toString() : p.getSimpleName() + " extends " + String.join(" & ", bounds);
        }).collect(Collectors.joining(", ", "<", "> "));
    }

    /** A type as source with qualified names, so that the stub needs no imports. */
    String type(TypeMirror type) {
        TypeKind kind = type.getKind();
        if (kind.isPrimitive()) {
            return kind.name().toLowerCase(Locale.ROOT);
        }
        return switch (kind) {
            case VOID -> "void";
            case ARRAY -> type(((ArrayType) type).getComponentType()) + "[]";
            case TYPEVAR -> ((TypeVariable) type).asElement().getSimpleName().toString();
            case WILDCARD -> {
                WildcardType wildcard = (WildcardType) type;
                yield wildcard.getSuperBound() != null ? "? super " + type(wildcard.getSuperBound())
                        : wildcard.getExtendsBound() != null ? "? extends " + type(wildcard.getExtendsBound()) : "?";
            }
            case DECLARED -> {
                DeclaredType declared = (DeclaredType) type;
                TypeElement element = (TypeElement) declared.asElement();
                TypeMirror enclosing = declared.getEnclosingType();
                String name = enclosing.getKind() == TypeKind.DECLARED && !element.getModifiers().contains(Modifier.STATIC)
                        && !((DeclaredType) enclosing).getTypeArguments().isEmpty()
                        ? type(enclosing) + "." + element.getSimpleName() : element.getQualifiedName().toString();
                yield declared.getTypeArguments().isEmpty() ? name : name + declared.getTypeArguments().stream()
                        .map(this::type).collect(Collectors.joining(", ", "<", ">"));
            }
            default -> type.toString();
        };
    }

    private String defaultValue(TypeMirror type) {
        if (!type.getKind().isPrimitive()) {
            return "(" + type(types.erasure(type)) + ") null";
        }
        return type.getKind() == TypeKind.BOOLEAN ? "false" : "(" + type(type) + ") 0";
    }

    private String boxed(TypeMirror primitive) {
        return types.boxedClass((javax.lang.model.type.PrimitiveType) primitive).getQualifiedName().toString();
    }

    private static String modifiers(Set<Modifier> modifiers) {
        StringBuilder text = new StringBuilder();
        for (Modifier modifier : List.of(Modifier.PUBLIC, Modifier.PROTECTED, Modifier.PRIVATE, Modifier.ABSTRACT,
                Modifier.DEFAULT, Modifier.STATIC, Modifier.FINAL, Modifier.SEALED, Modifier.NON_SEALED)) {
            if (modifiers.contains(modifier)) {
                text.append(modifier).append(' ');
            }
        }
        return text.toString();
    }

    private static boolean isObject(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.Object");
    }
}
