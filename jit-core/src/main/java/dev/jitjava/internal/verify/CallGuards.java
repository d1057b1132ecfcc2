package dev.jitjava.internal.verify;

import dev.jitjava.runtime.Meter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the cost of what one instruction does visible to the budget: every array allocation
 * charges its size first ({@code multianewarray}: the product of its dimensions), every JDK member
 * the allowlist guards gets its check before the call, its stand-in instead of it, or its result
 * metered, and a JDK call that returns a string or an array (what it allocated) charges its size
 * after it. Members are judged as they resolve, so a guard applies whatever class the bytecode names.
 */
final class CallGuards {
    private static final String METER = Type.getInternalName(Meter.class);
    private static final String LIMITS = "JJJLjava/lang/String;";
    /** Guard methods by class, name and the descriptors of the operands they are given. */
    private static final Map<String, String> DESCRIPTORS = new ConcurrentHashMap<>();

    private final MemberResolver resolver;
    private final Instrumenter.Limits limits;

    CallGuards(MemberResolver resolver, Instrumenter.Limits limits) {
        this.resolver = resolver;
        this.limits = limits;
    }

    /** Rewrites the method's allocations and guarded calls; answers whether anything changed (then it allocates). */
    boolean guard(MethodNode method) {
        boolean changed = false;
        for (AbstractInsnNode insn : method.instructions.toArray()) {
            int opcode = insn.getOpcode();
            if (insn instanceof MethodInsnNode call) {
                changed |= call(method, call);
            } else if (opcode == Opcodes.NEWARRAY || opcode == Opcodes.ANEWARRAY) {
                InsnList check = new InsnList();
                check.add(new LdcInsnNode(elementBytes(insn)));
                push(check);
                check.add(new MethodInsnNode(Opcodes.INVOKESTATIC, METER, "array", "(II" + LIMITS + ")I", false));
                method.instructions.insertBefore(insn, check);
                changed = true;
            } else if (insn instanceof MultiANewArrayInsnNode array) {
                multiArray(method, array);
                changed = true;
            } else if (insn instanceof InvokeDynamicInsnNode indy
                    && indy.bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
                chargeResult(method, insn);
                changed = true;
            } else if (opcode == Opcodes.NEW && insn instanceof TypeInsnNode) {
                changed = true; // an object: measured with the thread's allocation; the call gets its boundary
            }
        }
        return changed;
    }

    /**
     * Whether a call of this member gets anything from {@link #guard}: a guard of its rule, or the
     * charge for the string or array it returns. What {@link MethodReferences} bridges.
     */
    boolean meters(String owner, String name, String descriptor) {
        if (owner.startsWith("[")) {
            return false;
        }
        MemberResolver.Resolved resolved = resolver.resolve(owner, name, descriptor, false);
        if (resolved.kind() == MemberResolver.Kind.OWN) {
            return false;
        }
        Type returned = Type.getReturnType(descriptor);
        return resolved.rule() != null && resolved.rule().guard() != null || returned.getSort() == Type.ARRAY
                || returned.getDescriptor().equals("Ljava/lang/String;");
    }

    private boolean call(MethodNode method, MethodInsnNode call) {
        if (call.owner.startsWith("[")) {
            if (call.name.equals("clone")) {
                chargeResult(method, call);
                return true;
            }
            return false;
        }
        MemberResolver.Resolved resolved = resolver.resolve(call.owner, call.name, call.desc, false);
        if (resolved.kind() == MemberResolver.Kind.OWN) {
            return false;
        }
        Allowlist.Guard guard = resolved.rule() == null ? null : resolved.rule().guard();
        Type returned = Type.getReturnType(call.desc);
        boolean isStatic = call.getOpcode() == Opcodes.INVOKESTATIC || call.name.equals("<init>");
        String receiver = resolved.section();
        if (guard != null) {
            switch (guard.kind()) {
                case CHECK -> check(method, call, guard, isStatic, receiver);
                case STAND_IN -> {
                    String descriptor = descriptor(guard, operandTypes(call, isStatic, receiver), returned);
                    InsnList tail = new InsnList();
                    push(tail);
                    method.instructions.insertBefore(call, tail);
                    method.instructions.set(call, new MethodInsnNode(Opcodes.INVOKESTATIC, guard.owner(), guard.name(),
                            descriptor, false));
                    return true;
                }
                case RESULT -> {
                    String descriptor = descriptor(guard, new Type[]{returned}, returned);
                    InsnList after = new InsnList();
                    push(after);
                    after.add(new MethodInsnNode(Opcodes.INVOKESTATIC, guard.owner(), guard.name(), descriptor, false));
                    method.instructions.insert(call, after);
                    return true;
                }
            }
        }
        if (returned.getSort() == Type.ARRAY || returned.getDescriptor().equals("Ljava/lang/String;")) {
            chargeResult(method, call);
            return true;
        }
        return guard != null;
    }

    /** The operands a call takes from the stack: the receiver (as the section's class), then the arguments. */
    private static Type[] operandTypes(MethodInsnNode call, boolean isStatic, String receiver) {
        Type[] arguments = Type.getArgumentTypes(call.desc);
        if (isStatic) {
            return arguments;
        }
        Type[] all = new Type[arguments.length + 1];
        all[0] = Type.getObjectType(receiver);
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return all;
    }

    /** Spills the call's operands to fresh locals, gives the check the ones it names, and puts them all back. */
    private void check(MethodNode method, MethodInsnNode call, Allowlist.Guard guard, boolean isStatic, String receiver) {
        Type[] operands = operandTypes(call, isStatic, receiver);
        Type[] actual = operands.clone();
        if (!isStatic) {
            actual[0] = Type.getObjectType(call.owner);
        }
        int[] slots = new int[operands.length];
        InsnList code = new InsnList();
        for (int i = operands.length - 1; i >= 0; i--) {
            slots[i] = method.maxLocals;
            method.maxLocals += actual[i].getSize();
            code.add(new VarInsnNode(actual[i].getOpcode(Opcodes.ISTORE), slots[i]));
        }
        Type[] given = new Type[guard.operands().length];
        for (int i = 0; i < given.length; i++) {
            int operand = guard.operands()[i];
            given[i] = operands[operand];
            code.add(new VarInsnNode(actual[operand].getOpcode(Opcodes.ILOAD), slots[operand]));
        }
        push(code);
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, guard.owner(), guard.name(),
                descriptor(guard, given, Type.VOID_TYPE), false));
        for (int i = 0; i < operands.length; i++) {
            code.add(new VarInsnNode(actual[i].getOpcode(Opcodes.ILOAD), slots[i]));
        }
        method.instructions.insertBefore(call, code);
    }

    /** Before {@code multianewarray}: the dimensions, copied into an int[] for {@link Meter#multiArray}. */
    private void multiArray(MethodNode method, MultiANewArrayInsnNode array) {
        int[] slots = new int[array.dims];
        InsnList code = new InsnList();
        for (int i = array.dims - 1; i >= 0; i--) {
            slots[i] = method.maxLocals++;
            code.add(new VarInsnNode(Opcodes.ISTORE, slots[i]));
        }
        code.add(new LdcInsnNode(array.dims));
        code.add(new IntInsnNode(Opcodes.NEWARRAY, Opcodes.T_INT));
        for (int i = 0; i < array.dims; i++) {
            code.add(new InsnNode(Opcodes.DUP));
            code.add(new LdcInsnNode(i));
            code.add(new VarInsnNode(Opcodes.ILOAD, slots[i]));
            code.add(new InsnNode(Opcodes.IASTORE));
        }
        Type element = Type.getType(array.desc).getElementType();
        int depth = Type.getType(array.desc).getDimensions();
        code.add(new LdcInsnNode(depth > array.dims ? 8 : bytes(element)));
        push(code);
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, METER, "multiArray", "([II" + LIMITS + ")V", false));
        for (int i = 0; i < array.dims; i++) {
            code.add(new VarInsnNode(Opcodes.ILOAD, slots[i]));
        }
        method.instructions.insertBefore(array, code);
    }

    private void chargeResult(MethodNode method, AbstractInsnNode insn) {
        InsnList after = new InsnList();
        after.add(new InsnNode(Opcodes.DUP));
        push(after);
        after.add(new MethodInsnNode(Opcodes.INVOKESTATIC, METER, "charged", "(Ljava/lang/Object;" + LIMITS + ")V", false));
        method.instructions.insert(insn, after);
    }

    /**
     * The guard method's descriptor: the one of its overloads that takes these operands (references
     * may be wider, primitives exactly), then the limits. Looked up once per shape.
     */
    String descriptor(Allowlist.Guard guard, Type[] operands, Type returned) {
        StringBuilder key = new StringBuilder(guard.owner()).append('.').append(guard.name()).append('(');
        for (Type operand : operands) {
            key.append(operand.getDescriptor());
        }
        key.append(')').append(guard.kind() == Allowlist.GuardKind.CHECK ? "V" : returned.getDescriptor());
        return DESCRIPTORS.computeIfAbsent(key.toString(), k -> find(guard, operands));
    }

    private String find(Allowlist.Guard guard, Type[] operands) {
        Class<?> owner = resolver.load(guard.owner());
        if (owner != null) {
            for (Method candidate : owner.getMethods()) {
                if (candidate.getName().equals(guard.name()) && fits(candidate.getParameterTypes(), operands)) {
                    return Type.getMethodDescriptor(candidate);
                }
            }
        }
        throw new IllegalStateException("jit-java's allowlist names a guard it does not have: " + guard
                + " for operands " + java.util.Arrays.toString(operands));
    }

    private boolean fits(Class<?>[] parameters, Type[] operands) {
        if (parameters.length != operands.length + 4) {
            return false;
        }
        for (int i = 0; i < operands.length; i++) {
            Type operand = operands[i];
            if (parameters[i].isPrimitive() || operand.getSort() < Type.ARRAY) {
                if (!Type.getType(parameters[i]).equals(operand)) {
                    return false;
                }
                continue;
            }
            Class<?> type = resolver.load(operand.getSort() == Type.ARRAY ? operand.getDescriptor().replace('/', '.')
                    : operand.getInternalName());
            if (type == null || !parameters[i].isAssignableFrom(type)) {
                return false;
            }
        }
        return true;
    }

    private void push(InsnList list) {
        list.add(new LdcInsnNode(limits.cpuNanos()));
        list.add(new LdcInsnNode(limits.maxBytes()));
        list.add(new LdcInsnNode(limits.wallNanos()));
        list.add(new LdcInsnNode(limits.method()));
    }

    private static int elementBytes(AbstractInsnNode insn) {
        if (insn instanceof IntInsnNode primitive) {
            return switch (primitive.operand) {
                case Opcodes.T_BOOLEAN, Opcodes.T_BYTE -> 1;
                case Opcodes.T_CHAR, Opcodes.T_SHORT -> 2;
                case Opcodes.T_INT, Opcodes.T_FLOAT -> 4;
                default -> 8;
            };
        }
        return 8;
    }

    private static int bytes(Type element) {
        return switch (element.getSort()) {
            case Type.BOOLEAN, Type.BYTE -> 1;
            case Type.CHAR, Type.SHORT -> 2;
            case Type.INT, Type.FLOAT -> 4;
            default -> 8;
        };
    }
}
