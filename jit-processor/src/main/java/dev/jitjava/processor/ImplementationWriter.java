package dev.jitjava.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the class that implements an interface with its stored methods. Each stored unit's
 * members go into that class verbatim (its {@code self} parameter becomes {@code this}, passed by a
 * bridge method), so that a start loads one class per interface. A unit whose members would mean
 * something else there (a name clash, a conflicting import, an initializer: see {@link MergeCheck})
 * stays a class of its own, written as stored, and its bridge calls it.
 */
final class ImplementationWriter {
    /** Names the generated class declares itself. */
    static final String FINGERPRINT_FIELD = "JIT$SPEC_FINGERPRINT";
    static final String DECLARATIONS_FIELD = "JIT$DECLARATION_FINGERPRINT";
    private static final Set<String> OWN_NAMES = Set.of(FINGERPRINT_FIELD, DECLARATIONS_FIELD, "jit$specFingerprint",
            "jit$declarationFingerprint", "jit$newInstance");

    private final Elements elements;
    private final Stubs stubs;

    ImplementationWriter(Elements elements, Stubs stubs) {
        this.elements = elements;
        this.stubs = stubs;
    }

    /**
     * One method with its stored unit, compiled alone.
     *
     * @param comment where it comes from, for the generated source
     */
    record Piece(ElementSpecs.MethodInfo method, UnitCompiler.Unit unit, UnitCompiler.Shape shape,
                 Map<String, byte[]> classes, String comment) {
    }

    /**
     * What the class is built from, for {@code Jit.implement} to compare with the interface as loaded.
     *
     * @param spec         the spec fingerprint ({@code SpecFingerprint})
     * @param declarations the declaration fingerprint ({@code DeclarationFingerprint}), cheaper to check
     */
    record Fingerprints(String spec, String declarations) {
    }

    /** The generated sources: the implementation class, and the units kept as classes of their own. */
    record Written(Map<String, String> sources) {
    }

    Written write(TypeElement iface, String className, Fingerprints fingerprints, List<Piece> pieces,
                  UnitCompiler compiler) {
        String pkg = ElementSpecs.packageOf(iface);
        Set<Piece> merged = new LinkedHashSet<>(mergeable(iface, pieces));
        for (int round = 0; round <= pieces.size(); round++) {
            List<UnitCompiler.Unit> units = new ArrayList<>();
            String source = source(iface, pkg, className, fingerprints, pieces, merged);
            units.add(new UnitCompiler.Unit(pkg, className, source));
            pieces.stream().filter(p -> !merged.contains(p)).forEach(p -> units.add(p.unit()));
            UnitCompiler.Result result = merged.isEmpty() ? null : compiler.compile(units);
            if (result != null && !result.ok()) {
                merged.clear(); // a clash no rule foresaw: every unit a class of its own
                continue;
            }
            String binary = pkg.isEmpty() ? className : pkg + "." + className;
            Set<Piece> changed = new HashSet<>();
            for (Piece piece : merged) {
                if (!MergeCheck.sameCode(piece.classes(), piece.unit().binaryName(), result.classes(), binary)) {
                    changed.add(piece);
                }
            }
            if (changed.isEmpty()) {
                Map<String, String> sources = new java.util.LinkedHashMap<>();
                sources.put(binary, source);
                pieces.stream().filter(p -> !merged.contains(p))
                        .forEach(p -> sources.put(p.unit().binaryName(), p.unit().source()));
                return new Written(sources);
            }
            merged.removeAll(changed);
        }
        throw new IllegalStateException("unreachable: every unit ends up a class of its own");
    }

    /** The units whose members may go into the generated class, by the rules a merge must keep. */
    private List<Piece> mergeable(TypeElement iface, List<Piece> pieces) {
        Set<String> taken = new HashSet<>(OWN_NAMES);
        for (Element member : elements.getAllMembers(iface)) {
            taken.add(member.getSimpleName().toString());
        }
        Map<String, String> importsBySimpleName = new HashMap<>();
        List<Piece> mergeable = new ArrayList<>();
        for (Piece piece : pieces) {
            UnitCompiler.Shape shape = piece.shape();
            String main = piece.method().name();
            boolean initializer = shape.memberNames().contains("<init>") || shape.memberNames().contains("<init block>")
                    || piece.classes().keySet().stream().anyMatch(n -> n.startsWith(piece.unit().binaryName() + "$")
                    && Character.isDigit(n.charAt(piece.unit().binaryName().length() + 1)))
                    || hasStaticInitializer(piece);
            List<String> helpers = shape.memberNames().stream().filter(n -> !n.equals(main)).toList();
            if (shape.topLevel() != 1 || shape.body() == null || initializer
                    || helpers.stream().anyMatch(taken::contains) || !importsAgree(shape.imports(), importsBySimpleName)) {
                continue;
            }
            taken.addAll(helpers);
            mergeable.add(piece);
        }
        return mergeable;
    }

    private static boolean hasStaticInitializer(Piece piece) {
        byte[] main = piece.classes().get(piece.unit().binaryName());
        return main == null || new String(main, java.nio.charset.StandardCharsets.ISO_8859_1).contains("<clinit>");
    }

    /** Whether these single-type imports name no simple name that earlier units import from elsewhere; records them. */
    private static boolean importsAgree(List<String> imports, Map<String, String> bySimpleName) {
        Map<String, String> mine = new HashMap<>();
        for (String declaration : imports) {
            String name = declaration.replaceFirst("^import\\s+(static\\s+)?", "").replace(";", "").strip();
            if (name.endsWith(".*")) {
                continue;
            }
            String simple = name.substring(name.lastIndexOf('.') + 1);
            String earlier = bySimpleName.getOrDefault(simple, mine.get(simple));
            if (earlier != null && !earlier.equals(name)) {
                return false;
            }
            mine.put(simple, name);
        }
        bySimpleName.putAll(mine);
        return true;
    }

    private String source(TypeElement iface, String pkg, String className, Fingerprints fingerprints, List<Piece> pieces,
                          Set<Piece> merged) {
        StringBuilder out = new StringBuilder();
        out.append("// Written by jit-java's annotation processor from the stored methods of ")
                .append(elements.getBinaryName(iface)).append(": edit those, not this file.\n");
        if (!pkg.isEmpty()) {
            out.append("package ").append(pkg).append(";\n");
        }
        out.append('\n');
        Set<String> imports = new LinkedHashSet<>();
        merged.forEach(p -> imports.addAll(p.shape().imports()));
        imports.forEach(line -> out.append(line).append('\n'));
        out.append('\n');
        if (elements.getTypeElement("javax.annotation.processing.Generated") != null) {
            out.append("@javax.annotation.processing.Generated(\"dev.jitjava.processor.JitProcessor\")\n");
        }
        out.append("public final class ").append(className).append(" implements ")
                .append(stubs.type(iface.asType())).append(", dev.jitjava.runtime.BuildTimeImplementation {\n");
        out.append("    /** What this class was built from (the specs, the declarations): Jit.implement uses it only while they match. */\n");
        out.append("    public static final String ").append(FINGERPRINT_FIELD).append(" = \"").append(fingerprints.spec()).append("\";\n");
        out.append("    public static final String ").append(DECLARATIONS_FIELD).append(" = \"").append(fingerprints.declarations())
                .append("\";\n\n");
        out.append("    public ").append(className).append("() {\n    }\n\n");
        out.append("    @Override\n    public String jit$specFingerprint() {\n        return ").append(FINGERPRINT_FIELD)
                .append(";\n    }\n\n");
        out.append("    @Override\n    public String jit$declarationFingerprint() {\n        return ").append(DECLARATIONS_FIELD)
                .append(";\n    }\n\n");
        out.append("    @Override\n    public Object jit$newInstance() {\n        return new ").append(className)
                .append("();\n    }\n");
        for (Piece piece : pieces) {
            out.append('\n').append(bridge(piece.method().element(), merged.contains(piece) ? "" : piece.unit().className() + "."));
        }
        for (Piece piece : pieces) {
            if (merged.contains(piece)) {
                out.append("\n    // ").append(piece.comment()).append('\n').append(piece.shape().body().replaceFirst("^(\\s*\\n)+", "").stripTrailing())
                        .append('\n');
            }
        }
        out.append("}\n");
        return out.toString();
    }

    /** {@code @Override public int countVowels(String text) { return countVowels(this, text); }} */
    private String bridge(ExecutableElement method, String qualifier) {
        StringBuilder out = new StringBuilder("    @Override\n    public ");
        if (!method.getTypeParameters().isEmpty()) {
            out.append(method.getTypeParameters().stream().map(p -> {
                List<String> bounds = p.getBounds().stream().map(stubs::type).toList();
                return p.getSimpleName() + " extends " + String.join(" & ", bounds);
            }).collect(Collectors.joining(", ", "<", "> ")));
        }
        out.append(stubs.type(method.getReturnType())).append(' ').append(method.getSimpleName()).append('(');
        List<? extends VariableElement> parameters = method.getParameters();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            String type = stubs.type(parameters.get(i).asType());
            if (i == parameters.size() - 1 && method.isVarArgs()) {
                type = type.substring(0, type.length() - 2) + "...";
            }
            String name = "p" + i;
            names.add(name);
            out.append(i == 0 ? "" : ", ").append(type).append(' ').append(name);
        }
        out.append(')');
        if (!method.getThrownTypes().isEmpty()) {
            out.append(" throws ").append(method.getThrownTypes().stream().map(stubs::type).collect(Collectors.joining(", ")));
        }
        names.add(0, "this");
        String call = qualifier + method.getSimpleName() + "(" + String.join(", ", names) + ");";
        out.append(" {\n        ").append(method.getReturnType().getKind() == TypeKind.VOID ? "" : "return ")
                .append(call).append("\n    }\n");
        return out.toString();
    }
}
