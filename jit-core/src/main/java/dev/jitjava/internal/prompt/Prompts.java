package dev.jitjava.internal.prompt;

import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Owner;
import dev.jitjava.internal.method.TypeText;
import dev.jitjava.Diagnostic;
import dev.jitjava.Version;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The messages jit-java sends to the model: the first request, repairs, and improvements. */
public final class Prompts {
    /** Changes whenever the wording changes in a way that should count as a new spec. */
    public static final String VERSION = "1";
    /** Where the system message's paragraph about tools starts; left out for a model that has none. */
    public static final String TOOLS_PARAGRAPH = "\nTools: ";

    private Prompts() {
    }

    public static String system() {
        return system(false, null);
    }

    /**
     * The system message.
     *
     * @param tools     whether describe_type and search_types are offered
     * @param libraries the group ids add_dependency allows ("any group"), or null when it is not offered
     */
    public static String system(boolean tools, String libraries) {
        String base = """
                You are a senior Java engineer. You write one method at a time for jit-java, which compiles \
                your code with javac (Java %d) and runs it at once.

                Answer with a single ```java block that holds:
                - the imports your code needs, at the top;
                - the method, with exactly the signature asked for: name, parameter types, return type, \
                declared exceptions;
                - any private static helper methods, constants or nested types (records, enums, classes) it needs.
                No class around the method is needed. No main method, no tests, no explanations.

                To call the method itself recursively, or another method of the same object, call it by name, as in a \
                class of your own: `otherMethod(...)`.
                %s Do not read from System.in. Print only when the description asks for printing.
                """.formatted(Runtime.version().feature(), libraries == null ? "Use only the JDK."
                : "Use the JDK; add a library with add_dependency only when the JDK is not enough.");
        return tools ? base + toolsParagraph(libraries) : base;
    }

    /**
     * The system message's paragraph about tools.
     *
     * @param libraries the group ids add_dependency allows, or null when it is not offered
     */
    public static String toolsParagraph(String libraries) {
        return TOOLS_PARAGRAPH + "describe_type(name) shows a class's exact public API and what generated code may not "
                + "use; search_types(keyword) finds classes by name. Look a type up rather than guess its API."
                + (libraries == null ? "" : " add_dependency(coordinates) adds a Maven library with an exact version "
                + "(allowed groups: " + libraries + ").") + "\n";
    }

    /** The first request for a method. */
    public static String write(MethodSpec spec) {
        StringBuilder text = new StringBuilder();
        boolean object = spec.owner() instanceof Owner.DynamicObject;
        text.append("Write this method of ")
                .append(object ? "the object `" + spec.owner().label() + "`" : "interface " + spec.owner().id())
                .append(":\n\n    ").append(spec.signature()).append("\n");
        if (object) {
            text.append("\nTo recurse, call it by name: `").append(spec.name()).append("(...)`.")
                    .append(spec.otherMethods().isEmpty() ? "" : " Call the object's other methods, listed below, "
                            + "the same way.").append("\n");
        }
        if (spec.flexibleReturn()) {
            text.append("\nThe caller did not say what it returns: declare a more specific return type than Object, "
                    + "or void, if that fits the name better.\n");
        }
        if (spec.description().isEmpty()) {
            text.append("\nNo description was given: infer what it does from its name and types.\n");
        } else {
            text.append("\nWhat it does: ").append(spec.description()).append("\n");
        }
        if (!spec.examples().isEmpty()) {
            text.append("\nExamples (each new version must pass them):\n");
            spec.examples().forEach(example -> text.append("    ").append(example.describe()).append("\n"));
        }
        if (!spec.owner().description().isEmpty()) {
            text.append("\nAbout ").append(spec.owner().label()).append(": ").append(spec.owner().description()).append("\n");
        }
        if (!spec.otherMethods().isEmpty()) {
            text.append(object
                    ? "\nThe object's other methods (call them by name, as `name(args)`):\n"
                    : "\nThe interface's other methods (call them by name, as `name(args)`; default methods are already "
                    + "written):\n");
            spec.otherMethods().forEach(other -> text.append("    ").append(other).append("\n"));
        }
        String shapes = shapes(spec.signatureTypes(), spec.owner());
        if (!shapes.isEmpty()) {
            text.append("\nTypes used in the signature:\n").append(shapes);
        }
        return text.toString();
    }

    /** The follow-up after an answer that did not compile or was not the method asked for. */
    public static String repair(MethodSpec spec, List<Diagnostic> problems) {
        String found = problems.stream().map(Diagnostic::describe).collect(Collectors.joining("\n\n"));
        return "That did not work:\n\n" + found + "\n\nAnswer again with the whole corrected method "
                + "(with its imports and helpers), keeping the signature `" + spec.signature() + "`.";
    }

    /** The request for a new version, with the current source, the earlier feedback and the new one. */
    public static String improve(MethodSpec spec, List<Version> history, String feedback) {
        StringBuilder text = new StringBuilder(write(spec));
        Version current = history.get(history.size() - 1);
        text.append("\nIt exists already. The current version (version ").append(current.number())
                .append(") is this class; `self` was added as the first parameter:\n\n```java\n")
                .append(current.source().strip()).append("\n```\n");
        List<String> earlier = history.stream().flatMap(v -> v.feedback().stream()).toList();
        if (!earlier.isEmpty()) {
            text.append("\nEarlier feedback, oldest first:\n");
            for (int i = 0; i < earlier.size(); i++) {
                text.append(i + 1).append(". ").append(earlier.get(i)).append("\n");
            }
        }
        text.append("\nChange it as follows: ").append(feedback)
                .append("\n\nAnswer with the whole new method (with its imports and helpers), keeping the signature `")
                .append(spec.signature()).append("`.");
        return text.toString();
    }

    /** The public shape of the user's types in a signature: record components, enum constants, members. */
    public static String shapes(Set<Class<?>> types, Owner owner) {
        TypeText text = new TypeText(owner.packageName());
        StringBuilder shapes = new StringBuilder();
        for (Class<?> type : types) {
            if (type == owner.selfType()) {
                continue;
            }
            shapes.append("    ").append(header(type, text)).append("\n");
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic() && !isGenerated(type, method)) {
                    String params = Arrays.stream(method.getGenericParameterTypes()).map(text::render)
                            .collect(Collectors.joining(", "));
                    shapes.append("        ").append(Modifier.isStatic(method.getModifiers()) ? "static " : "")
                            .append(text.render(method.getGenericReturnType())).append(" ")
                            .append(method.getName()).append("(").append(params).append(")\n");
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isPublic(field.getModifiers()) && !field.isEnumConstant()) {
                    shapes.append("        ").append(text.render(field.getGenericType())).append(" ")
                            .append(field.getName()).append("\n");
                }
            }
        }
        return shapes.toString();
    }

    private static String header(Class<?> type, TypeText text) {
        String name = type.getCanonicalName() == null ? type.getName() : type.getCanonicalName();
        if (type.isRecord()) {
            return "record " + name + Stream.of(type.getRecordComponents())
                    .map(c -> text.render(c.getGenericType()) + " " + c.getName())
                    .collect(Collectors.joining(", ", "(", ")"));
        }
        if (type.isEnum()) {
            return "enum " + name + Stream.of(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ", " { ", " }"));
        }
        return (type.isInterface() ? "interface " : "class ") + name;
    }

    /** Record accessors and the members javac writes for records and enums say nothing new. */
    private static boolean isGenerated(Class<?> type, Method method) {
        if (type.isRecord()) {
            if (method.getParameterCount() == 0 && Stream.of(type.getRecordComponents())
                    .map(RecordComponent::getName).anyMatch(method.getName()::equals)) {
                return true;
            }
            return Set.of("toString", "hashCode", "equals").contains(method.getName());
        }
        return type.isEnum() && Set.of("values", "valueOf").contains(method.getName());
    }
}
