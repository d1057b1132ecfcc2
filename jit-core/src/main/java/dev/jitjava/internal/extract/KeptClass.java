package dev.jitjava.internal.extract;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Owner;
import dev.jitjava.internal.method.OwnerMethod;

import javax.lang.model.element.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An answer's class that keeps what it works on in instance fields (a memo, a visited array, the
 * {@code class Solution} of coding sites): made static, that state would be shared by every call
 * and thread (and the verifier refuses it without {@code STATE}). Such a class is kept as written,
 * a nested class of the unit made anew for each call: the unit's method creates it, gives it
 * {@code self}, and calls its method. The class gets a field {@code self}, and, for the owner's
 * methods it does not declare itself, methods that call them on {@code self}; its
 * {@code implements} clause and {@code @Override}s go (the class no longer stands for the owner),
 * and so do the members nothing uses ({@code main}, a usage example).
 */
final class KeptClass {
    static final String INSTANCE = "jit$instance";

    private KeptClass() {
    }

    /**
     * Whether the method's class is kept: a plain class with instance fields that the method, an
     * instance method, can be called on after {@code new C()}.
     */
    static boolean fits(ClassTree type, MethodTree method, MethodSpec spec) {
        if (spec.owner().selfSource() == null || type.getKind() != Tree.Kind.CLASS
                || !type.getTypeParameters().isEmpty()
                || type.getModifiers().getFlags().contains(Modifier.ABSTRACT)
                || method.getModifiers().getFlags().contains(Modifier.STATIC)) {
            return false;
        }
        boolean instanceFields = false;
        boolean constructible = true;
        for (Tree member : type.getMembers()) {
            if (member instanceof VariableTree field) {
                instanceFields |= !field.getModifiers().getFlags().contains(Modifier.STATIC);
                if (field.getName().contentEquals("self")) {
                    return false;
                }
            } else if (member instanceof MethodTree m && m.getName().contentEquals("<init>")) {
                constructible &= m.getParameters().isEmpty() || hasPlainConstructor(type);
            } else if (member instanceof MethodTree m && m.getName().contentEquals("self")) {
                return false;
            }
        }
        return instanceFields && constructible;
    }

    private static boolean hasPlainConstructor(ClassTree type) {
        return type.getMembers().stream().anyMatch(m -> m instanceof MethodTree c && c.getName().contentEquals("<init>")
                && c.getParameters().isEmpty());
    }

    /** The unit's method: it makes the class, hands it {@code self} and calls the answer's method with the arguments. */
    static String entry(ParsedBlock block, ClassTree type, MethodTree method, MethodSpec spec) {
        String typeParameters = method.getTypeParameters().isEmpty() ? "" : method.getTypeParameters().stream()
                .map(block::text).collect(Collectors.joining(", ", "<", "> "));
        String returns = block.text(method.getReturnType());
        StringBuilder parameters = new StringBuilder(spec.owner().selfSource()).append(" self");
        List<String> arguments = new ArrayList<>();
        for (VariableTree parameter : method.getParameters()) {
            parameters.append(", ").append(block.text(parameter));
            arguments.add(parameter.getName().toString());
        }
        String throwsClause = method.getThrows().isEmpty() ? "" : " throws " + method.getThrows().stream()
                .map(block::text).collect(Collectors.joining(", "));
        String name = type.getSimpleName().toString();
        return "    public static " + typeParameters + returns + " " + method.getName() + "(" + parameters + ")"
                + throwsClause + " {\n"
                + "        " + name + " " + INSTANCE + " = new " + name + "();\n"
                + "        " + INSTANCE + ".self = self;\n"
                + "        " + (returns.equals("void") ? "" : "return ") + INSTANCE + "." + method.getName() + "("
                + String.join(", ", arguments) + ");\n"
                + "    }";
    }

    /**
     * The class as written, with the edits above.
     *
     * @param siblings the members of the class around it
     * @param kept     the class's members that stay
     */
    static String type(ParsedBlock block, List<MemberText.Member> siblings, MemberText.Member member,
                       List<MemberText.Member> members, Set<MemberText.Member> kept, MethodSpec spec) {
        ClassTree type = (ClassTree) member.first();
        MemberText text = new MemberText(block);
        boolean isStatic = type.getModifiers().getFlags().contains(Modifier.STATIC);
        text.modifiers(type.getModifiers(), type, Set.of(), isStatic ? "" : "static ", true);
        dropImplements(block, type, text);
        for (MemberText.Member inner : members) {
            if (!kept.contains(inner)) {
                text.delete(members, inner);
            }
        }
        type.accept(new TreeScanner<Void, Void>() {
            @Override
            public Void visitAnnotation(AnnotationTree annotation, Void unused) {
                String name = annotation.getAnnotationType().toString();
                if (name.equals("Override") || name.equals("java.lang.Override")) {
                    text.drop(block.start(annotation), block.end(annotation));
                }
                return null;
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                // A JitObject has no method of that name: the class's own, or its bridge, serves it.
                if (spec.owner() instanceof Owner.DynamicObject && call.getMethodSelect() instanceof MemberSelectTree select
                        && select.getExpression() instanceof IdentifierTree receiver
                        && receiver.getName().contentEquals("self") && isOwnerMethod(select.getIdentifier().toString(), spec)) {
                    text.edits.replace(block.start(receiver), block.end(select) - select.getIdentifier().length(), "");
                }
                return super.visitMethodInvocation(call, unused);
            }
        }, null);
        // After the last member kept, at the end of its line: the lines re-indented stay as they are.
        MemberText.Member last = null;
        for (MemberText.Member inner : members) {
            if (kept.contains(inner)) {
                last = inner;
            }
        }
        text.edits.insert(text.range(members, last)[1], "\n\n        " + spec.owner().selfSource() + " self;"
                + bridges(type, spec));
        return text.render(siblings, member);
    }

    /** The {@code implements} clause, with the word itself. */
    private static void dropImplements(ParsedBlock block, ClassTree type, MemberText text) {
        List<? extends Tree> implemented = type.getImplementsClause();
        if (implemented.isEmpty()) {
            return;
        }
        long first = block.start(implemented.get(0));
        int keyword = block.source.lastIndexOf("implements", (int) first);
        text.edits.replace(keyword, block.end(implemented.get(implemented.size() - 1)), "");
    }

    private static boolean isOwnerMethod(String name, MethodSpec spec) {
        return spec.ownerMethods().stream().anyMatch(m -> m.name().equals(name));
    }

    /** Methods calling the owner's methods the class does not declare (by name and arity) on {@code self}. */
    private static String bridges(ClassTree type, MethodSpec spec) {
        List<OwnerMethod> missing = new ArrayList<>();
        for (OwnerMethod method : spec.ownerMethods()) {
            boolean declared = type.getMembers().stream().anyMatch(m -> m instanceof MethodTree own
                    && own.getName().contentEquals(method.name()) && own.getParameters().size() == method.parameters().size());
            if (!declared) {
                missing.add(method);
            }
        }
        if (missing.isEmpty()) {
            return "";
        }
        if (spec.owner() instanceof Owner.DynamicObject) {
            return Bridges.source(missing, null).stripTrailing().replace("\n", "\n    ");
        }
        StringBuilder text = new StringBuilder();
        for (OwnerMethod method : missing) {
            StringBuilder parameters = new StringBuilder();
            List<String> arguments = new ArrayList<>();
            for (var parameter : method.parameters()) {
                parameters.append(arguments.isEmpty() ? "" : ", ").append(parameter.source()).append(' ')
                        .append(parameter.name());
                arguments.add(parameter.name());
            }
            boolean isVoid = method.returnType() == void.class;
            text.append("\n\n        public ").append(method.typeParameters().isEmpty() ? "" : method.typeParameters() + " ")
                    .append(isVoid ? "void" : method.returnSource()).append(' ').append(method.name()).append('(')
                    .append(parameters).append(')')
                    .append(method.exceptions().isEmpty() ? "" : " throws " + String.join(", ", method.exceptions()))
                    .append(" {\n            ").append(isVoid ? "" : "return ").append("self.").append(method.name())
                    .append('(').append(String.join(", ", arguments)).append(");\n        }");
        }
        return text.toString();
    }
}
