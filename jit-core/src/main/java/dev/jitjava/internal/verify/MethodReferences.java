package dev.jitjava.internal.verify;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A method or constructor reference ({@code String::repeat}, {@code ArrayList::new}) is called by
 * the JDK's lambda machinery, not by an instruction of generated code, so the guard of the member it
 * names would never run. Each reference to a JDK member that {@link CallGuards} would meter becomes
 * a reference to a small bridge method of the class that calls the member with an ordinary
 * instruction, which then gets the member's guard like any other call: the code works as written,
 * and {@code f.apply("x", 1 << 30)} meets the budget before the string is built.
 */
final class MethodReferences {
    private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";

    private MethodReferences() {
    }

    /** The name of every bridge starts with this. */
    static final String PREFIX = "jit$reference$";

    /**
     * Bridges the references to metered JDK members in the class's methods that {@code generated}
     * accepts; answers whether it added any.
     */
    static boolean bridge(ClassNode node, CallGuards guards, Predicate<MethodNode> generated) {
        Map<String, Handle> bridges = new HashMap<>();
        List<MethodNode> added = new ArrayList<>();
        for (MethodNode method : node.methods) {
            if (!generated.test(method)) {
                continue;
            }
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof InvokeDynamicInsnNode indy && indy.bsm.getOwner().equals(METAFACTORY)
                        && indy.bsmArgs.length > 1 && indy.bsmArgs[1] instanceof Handle target
                        && target.getTag() != Opcodes.H_INVOKESPECIAL
                        && guards.meters(target.getOwner(), target.getName(), target.getDesc())) {
                    String key = target.getTag() + " " + target.getOwner() + "." + target.getName() + target.getDesc();
                    indy.bsmArgs[1] = bridges.computeIfAbsent(key, k -> {
                        MethodNode bridge = bridgeFor(target, freeName(node, added));
                        added.add(bridge);
                        return new Handle(Opcodes.H_INVOKESTATIC, node.name, bridge.name, bridge.desc,
                                (node.access & Opcodes.ACC_INTERFACE) != 0);
                    });
                }
            }
        }
        node.methods.addAll(added);
        return !added.isEmpty();
    }

    private static String freeName(ClassNode node, List<MethodNode> added) {
        for (int i = added.size(); ; i++) {
            String name = PREFIX + i;
            if (node.methods.stream().noneMatch(m -> m.name.equals(name))) {
                return name;
            }
        }
    }

    /** {@code private static R bridge(Owner receiver, A... arguments) { return receiver.member(arguments); }}. */
    private static MethodNode bridgeFor(Handle target, String name) {
        Type member = Type.getMethodType(target.getDesc());
        Type owner = Type.getObjectType(target.getOwner());
        List<Type> parameters = new ArrayList<>();
        Type returned = member.getReturnType();
        int opcode;
        switch (target.getTag()) {
            case Opcodes.H_INVOKESTATIC -> opcode = Opcodes.INVOKESTATIC;
            case Opcodes.H_NEWINVOKESPECIAL -> {
                opcode = Opcodes.INVOKESPECIAL;
                returned = owner;
            }
            case Opcodes.H_INVOKEINTERFACE -> {
                opcode = Opcodes.INVOKEINTERFACE;
                parameters.add(owner);
            }
            default -> {
                opcode = Opcodes.INVOKEVIRTUAL;
                parameters.add(owner);
            }
        }
        parameters.addAll(List.of(member.getArgumentTypes()));
        String descriptor = Type.getMethodDescriptor(returned, parameters.toArray(Type[]::new));
        MethodNode bridge = new MethodNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, name,
                descriptor, null, null);
        if (target.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
            bridge.instructions.add(new TypeInsnNode(Opcodes.NEW, target.getOwner()));
            bridge.instructions.add(new InsnNode(Opcodes.DUP));
        }
        int slot = 0;
        for (Type parameter : parameters) {
            bridge.instructions.add(new VarInsnNode(parameter.getOpcode(Opcodes.ILOAD), slot));
            slot += parameter.getSize();
        }
        bridge.instructions.add(new MethodInsnNode(opcode, target.getOwner(), target.getName(), target.getDesc(),
                target.isInterface()));
        bridge.instructions.add(new InsnNode(returned.getOpcode(Opcodes.IRETURN)));
        bridge.maxLocals = slot;
        bridge.maxStack = slot + 2;
        return bridge;
    }
}
