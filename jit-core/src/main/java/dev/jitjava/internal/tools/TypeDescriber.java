package dev.jitjava.internal.tools;

import dev.jitjava.Describe;
import dev.jitjava.internal.verify.Violation;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@code describe_type} answers: a class's declaration with generic signatures, its public
 * constructors, methods and fields (those of {@code Object} left out), record components, enum
 * constants and nested types, the user's {@code @Describe} texts as its documentation, and beside
 * every member the verifier would refuse, why.
 */
public final class TypeDescriber {
    /** Enough for any sensible class; {@code String} has about 100 public members. */
    static final int MAX_MEMBERS = 150;

    /** Says why generated code may not use a member, or returns null when it may. */
    public interface Verdicts {
        Violation type(Class<?> type);

        /** @param owner the type the member is used through */
        Violation member(Class<?> owner, Member member);
    }

    private final String ownPackage;

    /** @param ownPackage the package generated code lives in: its package-private members are usable too */
    public TypeDescriber(String ownPackage) {
        this.ownPackage = ownPackage;
    }

    public String describe(Class<?> type, Verdicts verdicts) {
        StringBuilder text = new StringBuilder();
        text.append(declaration(type)).append("\n");
        Violation denied = verdicts.type(type);
        text.append(denied == null ? "Generated code may use this type.\n"
                : "Generated code may NOT use this type: " + reason(denied) + "\n");
        Describe about = type.getAnnotation(Describe.class);
        if (about != null) {
            text.append("About: ").append(about.value()).append("\n");
        }
        if (type.isRecord()) {
            text.append("Record components: ").append(Stream.of(type.getRecordComponents())
                    .map(c -> name(c.getGenericType()) + " " + c.getName()).collect(Collectors.joining(", ")))
                    .append(" (accessors: ").append(Stream.of(type.getRecordComponents())
                            .map(c -> c.getName() + "()").collect(Collectors.joining(", "))).append(")\n");
        }
        if (type.isEnum()) {
            text.append("Constants: ").append(Stream.of(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "))).append("\n");
        }
        List<String> lines = new ArrayList<>();
        if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers()) || type.isEnum()) {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                int modifiers = constructor.getModifiers();
                if (constructor.isSynthetic() || Modifier.isPrivate(modifiers)
                        || !Modifier.isPublic(modifiers) && !type.getPackageName().equals(ownPackage)) {
                    continue;
                }
                lines.add(line(type, "new " + TypeIndex.simpleName(type.getName()), constructor, "", verdicts));
            }
        }
        int constructors = lines.size();
        Method[] methods = type.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount));
        for (Method method : methods) {
            if (method.getDeclaringClass() == Object.class || method.isSynthetic() || method.isBridge()
                    || isRecordNoise(type, method)) {
                continue;
            }
            String prefix = (Modifier.isStatic(method.getModifiers()) ? "static " : "")
                    + typeParameters(method.getTypeParameters()) + name(method.getGenericReturnType()) + " ";
            lines.add(line(type, prefix + method.getName(), method, documentation(method), verdicts));
        }
        int before = lines.size();
        for (Field field : type.getFields()) {
            String prefix = (Modifier.isStatic(field.getModifiers()) ? "static " : "")
                    + (Modifier.isFinal(field.getModifiers()) ? "final " : "") + name(field.getGenericType()) + " ";
            Violation violation = verdicts.member(type, field);
            lines.add("  " + prefix + field.getName() + (violation == null ? "" : "   [not allowed: " + reason(violation) + "]"));
        }
        append(text, "Constructors:", lines.subList(0, constructors));
        append(text, "Methods:", lines.subList(constructors, before));
        append(text, "Fields:", lines.subList(before, lines.size()));
        List<String> nested = Stream.of(type.getClasses()).map(c -> "  " + kind(c) + " " + TypeIndex.simpleName(c.getName()))
                .sorted().toList();
        append(text, "Nested types (describe them by their binary name, Outer$Inner):", nested);
        return text.toString();
    }

    private static void append(StringBuilder text, String heading, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        text.append(heading).append("\n");
        int shown = Math.min(lines.size(), MAX_MEMBERS);
        lines.subList(0, shown).forEach(line -> text.append(line).append("\n"));
        if (shown < lines.size()) {
            text.append("  ... and ").append(lines.size() - shown).append(" more\n");
        }
    }

    private static String line(Class<?> owner, String head, Executable executable, String documentation, Verdicts verdicts) {
        Parameter[] parameters = executable.getParameters();
        Type[] types = executable.getGenericParameterTypes();
        List<String> rendered = new ArrayList<>();
        // Inner-class constructors and some synthetic parameters have no generic type: fall back to the raw one.
        for (int i = 0; i < parameters.length; i++) {
            Type t = types.length == parameters.length ? types[i] : parameters[i].getType();
            String typeName = executable.isVarArgs() && i == parameters.length - 1
                    ? name(t).replaceFirst("\\[]$", "...") : name(t);
            rendered.add(parameters[i].isNamePresent() ? typeName + " " + parameters[i].getName() : typeName);
        }
        String throwsClause = executable.getExceptionTypes().length == 0 ? "" : " throws " + Stream.of(
                executable.getExceptionTypes()).map(c -> name(c)).collect(Collectors.joining(", "));
        Violation violation = verdicts.member(owner, executable);
        return "  " + head + "(" + String.join(", ", rendered) + ")" + throwsClause
                + (executable.isAnnotationPresent(Deprecated.class) ? "   @Deprecated" : "")
                + (documentation.isEmpty() ? "" : "   // " + documentation)
                + (violation == null ? "" : "   [not allowed: " + reason(violation) + "]");
    }

    private static String documentation(Method method) {
        Describe describe = method.getAnnotation(Describe.class);
        return describe == null ? "" : describe.value();
    }

    private static String reason(Violation violation) {
        if (violation.capability() != null) {
            return "needs the " + violation.capability() + " capability";
        }
        return violation.reason().isEmpty() ? "not on the allowlist" : violation.reason();
    }

    /** A record's accessors are listed with its components; its equals, hashCode and toString are the standard ones. */
    private static boolean isRecordNoise(Class<?> type, Method method) {
        if (!type.isRecord()) {
            return false;
        }
        if (method.getParameterCount() == 0 && Stream.of(type.getRecordComponents())
                .map(RecordComponent::getName).anyMatch(method.getName()::equals)) {
            return true;
        }
        return List.of("equals", "hashCode", "toString").contains(method.getName()) && method.getParameterCount() <= 1;
    }

    public static String declaration(Class<?> type) {
        StringBuilder text = new StringBuilder();
        int modifiers = type.getModifiers();
        text.append(Modifier.isPublic(modifiers) ? "public " : "");
        if (!type.isInterface() && !type.isEnum() && !type.isRecord()) {
            text.append(Modifier.isAbstract(modifiers) ? "abstract " : "").append(Modifier.isFinal(modifiers) ? "final " : "");
        }
        text.append(type.isSealed() ? "sealed " : "");
        text.append(kind(type)).append(" ").append(type.getName()).append(typeParameters(type.getTypeParameters()).strip());
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            text.append(" extends ").append(name(superclass));
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0) {
            text.append(type.isInterface() ? " extends " : " implements ")
                    .append(Stream.of(interfaces).map(TypeDescriber::name).collect(Collectors.joining(", ")));
        }
        return text.toString().strip();
    }

    private static String kind(Class<?> type) {
        return type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
                : type.isRecord() ? "record" : "class";
    }

    private static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        return Stream.of(variables).map(v -> {
            String bounds = Stream.of(v.getBounds()).filter(b -> b != Object.class).map(TypeDescriber::name)
                    .collect(Collectors.joining(" & "));
            return bounds.isEmpty() ? v.getName() : v.getName() + " extends " + bounds;
        }).collect(Collectors.joining(", ", "<", "> "));
    }

    /** A type as source, {@code java.lang.} left off: {@code List<String>} reads better than its binary name. */
    public static String name(Type type) {
        String text = type instanceof Class<?> c && c.isArray() ? name(c.getComponentType()) + "[]"
                : type instanceof Class<?> c ? c.getName().replace('$', '.') : type.getTypeName().replace('$', '.');
        return text.replaceAll("\\bjava\\.lang\\.(?=[A-Z])", "");
    }
}
