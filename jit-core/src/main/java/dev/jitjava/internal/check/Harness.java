package dev.jitjava.internal.check;

import dev.jitjava.internal.compile.SourceUnit;
import dev.jitjava.internal.check.Declarations;
import dev.jitjava.internal.method.Descriptors;
import dev.jitjava.internal.method.ExampleSpec;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Owner;
import dev.jitjava.internal.method.Parameter;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The class that runs a method's examples against a candidate version: one static method per
 * example call and per expected value, written as the user wrote them, beside delegates that let
 * an unqualified call like {@code countVowels("jit")} reach the candidate (and the interface's
 * other methods reach the object under test). It is compiled with the candidate and never stored.
 */
public final class Harness {
    static final String SUFFIX = "$JitExamples";
    static final String SELF = "jit$self";

    private Harness() {
    }

    public static String className(SourceUnit candidate) {
        return candidate.className() + SUFFIX;
    }

    /**
     * @param candidateType the candidate's own type, {@code (self, params...)return}: a dynamic method may
     *                      choose its return type, and any method may take more general parameters, or
     *                      a dynamic one the argument's own class
     */
    public static SourceUnit write(CheckPlan plan, SourceUnit candidate, java.lang.invoke.MethodType candidateType) {
        MethodSpec spec = plan.spec();
        Class<?> returnType = spec.flexibleReturn() ? candidateType.returnType() : spec.returnType();
        Declarations declarations = new Declarations(spec.owner().packageName());
        StringBuilder members = new StringBuilder();
        members.append("    static ").append(spec.owner().selfSource()).append(' ').append(SELF).append(";\n\n");
        members.append(delegateToCandidate(spec, candidate.className(), returnType, candidateType));
        if (spec.owner() instanceof Owner.Interface iface) {
            for (Method method : iface.type().getMethods()) {
                if (!Modifier.isStatic(method.getModifiers()) && !isUnderTest(method, spec)) {
                    boolean isVoid = method.getReturnType() == void.class;
                    members.append("    static ").append(declarations.declaration(method)).append(" throws Throwable { ")
                            .append(isVoid ? "" : "return ").append(SELF).append('.').append(method.getName())
                            .append('(').append(Declarations.arguments(method.getParameterCount())).append("); }\n");
                }
            }
        }
        String expectedType = returnType == void.class || returnType == Object.class || isTypeVariable(spec)
                ? "Object" : spec.returnSource();
        members.append(examples(plan.examples(), returnType == void.class, expectedType));
        Set<String> imports = new LinkedHashSet<>(List.of("java.util.*", "java.util.function.*", "java.util.stream.*"));
        imports.addAll(spec.owner().memberImports());
        imports.addAll(spec.imports());
        imports.addAll(declarations.imports());
        StringBuilder source = new StringBuilder();
        if (!candidate.packageName().isEmpty()) {
            source.append("package ").append(candidate.packageName()).append(";\n\n");
        }
        imports.forEach(type -> source.append("import ").append(type).append(";\n"));
        source.append("\nfinal class ").append(className(candidate)).append(" {\n").append(members).append("}\n");
        return new SourceUnit(candidate.packageName(), className(candidate), source.toString());
    }

    /**
     * The members of a class that runs the examples of a host's static method, which it calls by its
     * simple name: one method per call and per expected value.
     *
     * @param returnDescriptor the candidate's actual return type's descriptor
     */
    public static String members(CheckPlan plan, String returnDescriptor) {
        boolean isVoid = returnDescriptor.equals("V");
        boolean primitive = returnDescriptor.length() == 1;
        String expectedType = primitive && !isVoid ? Descriptors.typeName(returnDescriptor) : "Object";
        return examples(plan.examples(), isVoid, expectedType);
    }

    private static String examples(List<ExampleSpec> examples, boolean isVoid, String expectedType) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < examples.size(); i++) {
            ExampleSpec example = examples.get(i);
            members.append("\n    static Object jit$example").append(i).append("() throws Throwable {\n");
            if (isVoid) {
                members.append("        ").append(example.call()).append(";\n        return null;\n    }\n");
            } else {
                members.append("        return ").append(example.call()).append(";\n    }\n");
            }
            if (!example.returns().isEmpty()) {
                members.append("\n    static Object jit$expected").append(i).append("() throws Throwable {\n        ")
                        .append(expectedType).append(" value = ").append(example.returns())
                        .append(";\n        return value;\n    }\n");
            }
        }
        return members.toString();
    }

    private static String delegateToCandidate(MethodSpec spec, String candidateClass, Class<?> returnType,
                                              java.lang.invoke.MethodType candidateType) {
        String parameters = numbered(spec.parameters());
        String returns = returnType == void.class ? "void"
                : spec.flexibleReturn() ? returnType.getCanonicalName() : spec.returnSource();
        String typeParameters = spec.typeParameters().isEmpty() ? "" : spec.typeParameters() + " ";
        StringBuilder casts = new StringBuilder();
        for (int i = 0; i < spec.parameters().size(); i++) {
            Class<?> takes = candidateType.parameterType(i + 1);
            // A parameter narrower than the spec's takes the call's own argument class: cast, as the call site does.
            boolean narrower = !takes.isPrimitive() && !spec.parameters().get(i).type().isPrimitive()
                    && !takes.isAssignableFrom(spec.parameters().get(i).type());
            casts.append(i == 0 ? "" : ", ").append(narrower ? "(" + takes.getCanonicalName() + ") " : "").append('p').append(i);
        }
        String arguments = casts.toString();
        return "    static " + typeParameters + returns + " " + spec.name() + "(" + parameters + ") throws Throwable { "
                + (returnType == void.class ? "" : "return ") + candidateClass + "." + spec.name() + "(" + SELF
                + (arguments.isEmpty() ? "" : ", " + arguments) + "); }\n";
    }

    private static String numbered(List<Parameter> parameters) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parameters.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(parameters.get(i).source()).append(" p").append(i);
        }
        return out.toString();
    }

    private static boolean isUnderTest(Method method, MethodSpec spec) {
        return method.getName().equals(spec.name()) && Arrays.equals(method.getParameterTypes(),
                spec.parameters().stream().map(Parameter::type).toArray(Class<?>[]::new));
    }

    private static boolean isTypeVariable(MethodSpec spec) {
        String returns = spec.returnSource();
        for (String variable : spec.typeParameters().replaceAll("[<>,&]", " ").split("\\s+")) {
            if (!variable.isEmpty() && returns.matches(".*\\b" + java.util.regex.Pattern.quote(variable) + "\\b.*")) {
                return true;
            }
        }
        return false;
    }
}
