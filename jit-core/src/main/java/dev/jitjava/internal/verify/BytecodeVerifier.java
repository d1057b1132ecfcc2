package dev.jitjava.internal.verify;

import dev.jitjava.internal.method.TypeText;
import dev.jitjava.Capability;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks compiled classes against the {@link Allowlist} before they are defined: every type,
 * field and method they touch, wherever a reference can hide (instructions, supertypes, field
 * and method types, constants, method handles and {@code invokedynamic} bootstraps), plus what
 * no grant allows: native methods, finalizers, {@code synchronized}, static state written outside
 * class initialization, and handlers that swallow {@code Throwable} or {@code Error}. A handler
 * that rethrows what it caught, as javac writes for try-with-resources, passes.
 */
public final class BytecodeVerifier {
    private static final Set<String> SWALLOWABLE = Set.of("java/lang/Throwable", "java/lang/Error",
            "java/lang/VirtualMachineError", "java/lang/StackOverflowError", "java/lang/OutOfMemoryError",
            "java/lang/ThreadDeath", "dev/jitjava/BudgetExceededException", "dev/jitjava/JitException");

    /**
     * What the code may use besides the allowlist.
     *
     * @param grants  the capabilities granted
     * @param trusted internal names of the classes it may use freely: the interface, its signature types
     * @param loader  where referenced classes are resolved
     * @param onlyMethods when not null, only methods of these names are generated code to check (the
     *                    rest of a single-file program is the user's own); lambdas they contain too
     * @param trustedPackages packages (internal names) used freely: those of libraries the user allowed
     */
    public record Context(Set<Capability> grants, Set<String> trusted, ClassLoader loader, Set<String> onlyMethods,
                          Set<String> trustedPackages) {
        public Context(Set<Capability> grants, Set<String> trusted, ClassLoader loader) {
            this(grants, trusted, loader, null, Set.of());
        }

        public Context(Set<Capability> grants, Set<String> trusted, ClassLoader loader, Set<String> onlyMethods) {
            this(grants, trusted, loader, onlyMethods, Set.of());
        }

        /** The same, also trusting these packages (internal names): the libraries a user allowed. */
        public Context trusting(Set<String> packages) {
            return new Context(grants, trusted, loader, onlyMethods, packages);
        }

        public boolean trusts(String internalName) {
            if (trusted.contains(internalName)) {
                return true;
            }
            int slash = internalName.lastIndexOf('/');
            return slash > 0 && trustedPackages.contains(internalName.substring(0, slash));
        }
    }

    private static final String APPLICATION_TYPE = "it is the application's type";
    private static final String STATE_REASON = "static fields may hold constants and tables that class initialization "
            + "fills; state written after it is shared by every caller and thread, outside the per-call budgets: "
            + "keep state inside the call (local variables, parameters, the objects the call creates)";

    private static final java.util.concurrent.atomic.AtomicLong VERIFICATIONS = new java.util.concurrent.atomic.AtomicLong();

    private final Allowlist allowlist;
    private final Context context;
    private final Set<String> own;
    private final MemberResolver resolver;
    private final List<Violation> violations = new ArrayList<>();
    private String className;
    private int line;

    private BytecodeVerifier(Allowlist allowlist, Context context, Map<String, ClassNode> unit) {
        this.allowlist = allowlist;
        this.context = context;
        this.own = unit.keySet();
        this.resolver = new MemberResolver(allowlist, unit, context::trusts, context.loader());
    }

    /** How many times classes were verified in this process: lets tests see that verified classes were reused. */
    public static long verifications() {
        return VERIFICATIONS.get();
    }

    /** The violations in these classes (by binary name), in the order found; empty when all is allowed. */
    public static List<Violation> verify(Map<String, byte[]> classes, Context context) {
        VERIFICATIONS.incrementAndGet();
        Map<String, ClassNode> unit = new java.util.LinkedHashMap<>();
        for (byte[] bytes : classes.values()) {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, 0);
            unit.put(node.name, node);
        }
        BytecodeVerifier verifier = new BytecodeVerifier(Allowlist.standard(), context, unit);
        for (ClassNode node : unit.values()) {
            verifier.verifyClass(node);
        }
        if (context.onlyMethods() == null && !context.grants().contains(Capability.STATE)) {
            for (StaticState.Finding finding : StaticState.check(unit)) {
                verifier.violations.add(new Violation("shared state: the code " + finding.what(), finding.line(),
                        STATE_REASON, Capability.STATE, finding.className()));
            }
        }
        return onePerClassAndLine(verifier.violations);
    }

    /** Why generated code may not use this class (binary name), or null when it may. */
    public static Violation typeVerdict(String binaryName, Context context) {
        BytecodeVerifier verifier = new BytecodeVerifier(Allowlist.standard(), context, Map.of());
        verifier.type(binaryName.replace('.', '/'));
        return verifier.violations.isEmpty() ? null : verifier.violations.get(0);
    }

    /** Why generated code may not use this member, or null when it may. */
    public static Violation memberVerdict(String ownerBinaryName, String name, String descriptor, boolean field,
                                          Context context) {
        BytecodeVerifier verifier = new BytecodeVerifier(Allowlist.standard(), context, Map.of());
        verifier.member(ownerBinaryName.replace('.', '/'), name, descriptor, field);
        return verifier.violations.isEmpty() ? null : verifier.violations.get(0);
    }

    /**
     * {@code new Socket(...).close()} touches the type, the constructor and a method on one line: one
     * violation says it, preferably the first member rather than the bare type.
     */
    private static List<Violation> onePerClassAndLine(List<Violation> found) {
        Map<String, Violation> kept = new java.util.LinkedHashMap<>();
        for (Violation violation : found) {
            String member = violation.member();
            int call = member.indexOf('(');
            int dot = call < 0 ? -1 : member.lastIndexOf('.', call);
            String type = member.startsWith("type ") ? member.substring(5) : dot > 0 ? member.substring(0, dot) : member;
            String key = violation.className() + "|" + violation.line() + "|" + type;
            Violation earlier = kept.get(key);
            if (earlier == null || earlier.member().startsWith("type ") && !member.startsWith("type ")) {
                kept.put(key, violation);
            }
        }
        return List.copyOf(kept.values());
    }

    private void verifyClass(ClassNode node) {
        className = node.name.replace('/', '.');
        line = 0;
        if (context.onlyMethods() != null) {
            for (MethodNode method : node.methods) {
                if (generated(method.name)) {
                    verifyMethod(node, method);
                }
            }
            return;
        }
        if (node.superName != null) {
            type(node.superName);
        }
        for (String supertype : node.interfaces) {
            type(supertype);
        }
        annotations(node.visibleAnnotations);
        annotations(node.invisibleAnnotations);
        for (FieldNode field : node.fields) {
            descriptorTypes(field.desc);
            annotations(field.visibleAnnotations);
            annotations(field.invisibleAnnotations);
        }
        for (MethodNode method : node.methods) {
            verifyMethod(node, method);
        }
    }

    /** A method of a single-file program is generated when its name, or the lambda it holds, is one asked for. */
    private boolean generated(String name) {
        for (String wanted : context.onlyMethods()) {
            if (name.equals(wanted) || name.startsWith("lambda$" + wanted + "$")) {
                return true;
            }
        }
        return false;
    }

    private void verifyMethod(ClassNode node, MethodNode method) {
        line = 0;
        if ((method.access & Opcodes.ACC_NATIVE) != 0) {
            deny("native method " + method.name, "native code is not allowed");
        }
        if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            deny("synchronized method " + method.name, "locks block other threads: compute without them");
        }
        if (method.name.equals("finalize") && method.desc.equals("()V")) {
            deny("finalize()", "finalizers run outside the call: release nothing, or use try-with-resources");
        }
        descriptorTypes(method.desc);
        if (method.localVariables != null) {
            // a variable's type leaves no instruction when the variable only ever holds null or a constant
            for (org.objectweb.asm.tree.LocalVariableNode local : method.localVariables) {
                lineOf(local.start);
                descriptorTypes(local.desc);
            }
            line = 0;
        }
        annotations(method.visibleAnnotations);
        annotations(method.invisibleAnnotations);
        verifyCode(node, method);
    }

    private void verifyCode(ClassNode owner, MethodNode method) {
        Set<Integer> caught = new java.util.HashSet<>();
        for (TryCatchBlockNode handler : method.tryCatchBlocks) {
            VarInsnNode store = caughtInto(handler);
            if (store != null) {
                caught.add(store.var);
            }
        }
        for (TryCatchBlockNode handler : method.tryCatchBlocks) {
            if (handler.type != null && SWALLOWABLE.contains(handler.type) && !rethrows(handler, caught)) {
                lineOf(handler.handler);
                deny("catch (" + handler.type.replace('/', '.') + ")",
                        "it would swallow errors the JVM and jit-java rely on: catch a specific exception instead");
            } else if (handler.type != null) {
                type(handler.type);
            }
        }
        line = 0;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LineNumberNode number) {
                line = number.line;
            } else if (insn instanceof MethodInsnNode call) {
                member(call.owner, call.name, call.desc, false);
            } else if (insn instanceof FieldInsnNode field) {
                member(field.owner, field.name, field.desc, true);
                if (field.getOpcode() == Opcodes.PUTSTATIC && !method.name.equals("<clinit>")
                        && !context.grants().contains(Capability.STATE)) {
                    violations.add(new Violation("static field " + field.owner.replace('/', '.') + "." + field.name
                            + " written outside class initialization", line, STATE_REASON, Capability.STATE, className));
                }
            } else if (insn instanceof TypeInsnNode typeInsn) {
                type(typeInsn.desc);
            } else if (insn instanceof MultiANewArrayInsnNode array) {
                type(array.desc);
            } else if (insn instanceof LdcInsnNode ldc) {
                constant(ldc.cst);
            } else if (insn instanceof InvokeDynamicInsnNode indy) {
                dynamic(indy);
            } else if (insn instanceof InsnNode plain && plain.getOpcode() == Opcodes.MONITORENTER) {
                deny("synchronized block", "locks block other threads: compute without them");
            }
        }
    }

    private void annotations(List<org.objectweb.asm.tree.AnnotationNode> annotations) {
        if (annotations != null) {
            for (org.objectweb.asm.tree.AnnotationNode annotation : annotations) {
                descriptorTypes(annotation.desc);
                if (annotation.values != null) {
                    annotation.values.stream().filter(Type.class::isInstance).forEach(this::constant);
                }
            }
        }
    }

    /** The store that opens a handler ({@code astore n}: where the caught exception goes), or null. */
    private static VarInsnNode caughtInto(TryCatchBlockNode handler) {
        AbstractInsnNode insn = handler.handler.getNext();
        while (insn != null && insn.getOpcode() < 0) {
            insn = insn.getNext();
        }
        return insn instanceof VarInsnNode store && store.getOpcode() == Opcodes.ASTORE ? store : null;
    }

    /**
     * javac's handlers for try-with-resources and finally store what they caught and throw it (or the
     * exception of an enclosing handler, after {@code addSuppressed}) again: the path from the handler
     * ends in {@code aload n; athrow} with {@code n} a caught exception, never in a return.
     */
    private static boolean rethrows(TryCatchBlockNode handler, Set<Integer> caught) {
        VarInsnNode store = caughtInto(handler);
        if (store == null) {
            return false;
        }
        AbstractInsnNode insn = store;
        AbstractInsnNode previous = null;
        for (int steps = 0; insn != null && steps < 500; steps++) {
            int opcode = insn.getOpcode();
            if (opcode == Opcodes.ATHROW) {
                return previous instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD && caught.contains(load.var);
            }
            if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                return false;
            }
            if (opcode == Opcodes.GOTO) {
                insn = ((JumpInsnNode) insn).label;
                continue;
            }
            if (opcode >= 0) {
                previous = insn;
            }
            insn = insn.getNext();
        }
        return false;
    }

    private void dynamic(InvokeDynamicInsnNode indy) {
        Handle bootstrap = indy.bsm;
        if (!allowlist.isBootstrap(bootstrap.getOwner().replace('/', '.'), bootstrap.getName())) {
            deny("invokedynamic bootstrap " + bootstrap.getOwner().replace('/', '.') + "." + bootstrap.getName(),
                    "only the bootstraps javac itself uses are allowed");
            return;
        }
        descriptorTypes(indy.desc);
        for (Object argument : indy.bsmArgs) {
            constant(argument);
        }
    }

    private void constant(Object constant) {
        if (constant instanceof Type type) {
            if (type.getSort() == Type.METHOD) {
                descriptorTypes(type.getDescriptor());
            } else if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
                type(type.getInternalName());
            }
        } else if (constant instanceof Handle handle) {
            boolean field = handle.getTag() <= Opcodes.H_PUTSTATIC;
            member(handle.getOwner(), handle.getName(), handle.getDesc(), field);
        } else if (constant instanceof ConstantDynamic dynamic) {
            deny("dynamic constant " + dynamic.getName(), "dynamic constants can reach anything: use plain constants");
        }
    }

    private void descriptorTypes(String descriptor) {
        Type type = Type.getType(descriptor);
        if (type.getSort() == Type.METHOD) {
            typeOf(type.getReturnType());
            for (Type argument : type.getArgumentTypes()) {
                typeOf(argument);
            }
        } else {
            typeOf(type);
        }
    }

    /** A type by internal name, or by descriptor when it is an array. */
    private void type(String internalName) {
        typeOf(internalName.startsWith("[") ? Type.getType(internalName) : Type.getObjectType(internalName));
    }

    private void typeOf(Type type) {
        Type element = type;
        while (element.getSort() == Type.ARRAY) {
            element = element.getElementType();
        }
        if (element.getSort() != Type.OBJECT) {
            return;
        }
        String internal = element.getInternalName();
        if (own.contains(internal) || context.trusts(internal)) {
            return;
        }
        String reason = typeDenial(internal);
        if (reason != null) {
            Allowlist.Rule rule = allowlist.classRule(internal);
            violations.add(new Violation("type " + internal.replace('/', '.'), line, reason,
                    rule != null && !rule.deny() ? rule.capability() : null, className, isGrantable(reason)));
        }
    }

    /** Why a JDK class may not be named, or null when it may (under the grants). */
    private String typeDenial(String internal) {
        Allowlist.Rule rule = allowlist.classRule(internal);
        if (rule == null) {
            Allowlist.Rule pkg = allowlist.packageRule(internal);
            if (pkg != null) {
                return pkg.reason();
            }
            return isApplicationType(internal) ? applicationTypeReason(internal)
                    : "it is not on jit-java's allowlist of JDK classes";
        }
        return rule.allows(context.grants()) ? null : rule.reason();
    }

    /** Whether a class the code names is one of the application's (or a library's), not the JDK's. */
    private boolean isApplicationType(String internal) {
        try {
            return !TypeText.isJdk(Class.forName(internal.replace('/', '.'), false, context.loader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean isGrantable(String reason) {
        return reason.startsWith(APPLICATION_TYPE);
    }

    /** The grants that would let generated code use an application type. */
    private static String applicationTypeReason(String internal) {
        String binary = internal.replace('/', '.');
        int dot = binary.lastIndexOf('.');
        String simple = binary.substring(dot + 1).replace('$', '.');
        String pkg = dot < 0 ? "" : binary.substring(0, dot);
        return APPLICATION_TYPE + ", outside the interface's package and signature: grant it with "
                + "@Allow(types = " + simple + ".class) on the interface or Jit.builder().allowTypes(" + simple
                + ".class)" + (pkg.isEmpty() ? "" : ", or its package with allowPackages(\"" + pkg + "\")");
    }

    private void member(String owner, String name, String descriptor, boolean field) {
        if (owner.startsWith("[")) {
            type(owner);
            return;
        }
        String what = display(owner.replace('/', '.'), name, descriptor, field);
        if (!own.contains(owner) && !context.trusts(owner)) {
            String denial = typeDenial(owner);
            Allowlist.Rule rule = allowlist.classRule(owner);
            Allowlist.Rule member = rule == null || rule.deny() ? null
                    : allowlist.memberRule(owner, Signatures.memberKey(name, descriptor, field));
            if (denial != null && member != null && !member.allows(context.grants()) && !member.deny()) {
                violations.add(new Violation(what, line, member.reason(), member.capability(), className));
                return;
            }
            if (denial != null) {
                violations.add(new Violation(what, line, denial, rule != null && !rule.deny() ? rule.capability() : null,
                        className, isGrantable(denial)));
                return;
            }
        }
        MemberResolver.Resolved resolved = resolver.resolve(owner, name, descriptor, field);
        switch (resolved.kind()) {
            case OWN -> {
            }
            case UNLISTED -> {
                String section = resolved.section();
                Allowlist.Rule pkg = allowlist.packageRule(section);
                String reason = pkg != null ? pkg.reason() : allowlist.listed(section)
                        ? "jit-java's allowlist does not list this member of " + section.replace('/', '.')
                        + " (not reviewed for generated code)" : "it is not on jit-java's allowlist of JDK members";
                violations.add(new Violation(what, line, reason, null, className));
            }
            case LISTED -> {
                Allowlist.Rule type = allowlist.classRule(resolved.section());
                Allowlist.Rule rule = resolved.rule();
                if (type != null && !type.allows(context.grants())) {
                    violations.add(new Violation(what, line, type.reason(), type.deny() ? null : type.capability(), className));
                } else if (!rule.allows(context.grants())) {
                    violations.add(new Violation(what, line, rule.reason(), rule.deny() ? null : rule.capability(), className));
                }
            }
        }
    }

    private void deny(String what, String reason) {
        violations.add(new Violation(what, line, reason, null, className));
    }

    private void lineOf(org.objectweb.asm.tree.LabelNode label) {
        for (AbstractInsnNode insn = label; insn != null; insn = insn.getNext()) {
            if (insn instanceof LineNumberNode number) {
                line = number.line;
                return;
            }
        }
    }

    private static String display(String owner, String name, String descriptor, boolean field) {
        if (field) {
            return owner + "." + name;
        }
        StringBuilder parameters = new StringBuilder();
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            parameters.append(parameters.length() == 0 ? "" : ", ").append(argument.getClassName());
        }
        return owner + "." + name + "(" + parameters + ")";
    }
}
