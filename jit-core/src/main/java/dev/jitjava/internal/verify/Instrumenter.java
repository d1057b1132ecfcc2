package dev.jitjava.internal.verify;

import dev.jitjava.runtime.Meter;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds the budget to verified classes: a counter on every loop's way back up, a charge at the entry of
 * methods that may recurse, a size check before arrays and capacity-taking constructors, checked
 * stand-ins ({@link Guards}) for JDK calls that loop or allocate on their own, and around the
 * method the call site runs, when its code could catch a budget failure or recurse, a boundary
 * that turns a swallowed budget failure or a stack overflow into a {@code BudgetExceededException}
 * for the caller. An entry method with no loop and no call that could recurse is left exactly as
 * compiled.
 */
public final class Instrumenter {
    private static final String METER = Type.getInternalName(Meter.class);
    /**
     * @param cpuNanos  the CPU budget of one call
     * @param maxBytes  the memory budget of one call
     * @param method    how messages name the method ({@code Numbers.countVowels(String)})
     * @param entryName the method the call site runs, which gets the call boundary
     * @param wallNanos the wall-clock budget of one call
     */
    public record Limits(long cpuNanos, long maxBytes, String method, String entryName, String entryDescriptor,
                         long wallNanos) {
        /** With the default wall-clock budget, {@link #defaultWall}. */
        public Limits(long cpuNanos, long maxBytes, String method, String entryName, String entryDescriptor) {
            this(cpuNanos, maxBytes, method, entryName, entryDescriptor, defaultWall(cpuNanos));
        }
    }

    /** The wall-clock budget of a call unless configured: {@link WallClock#defaultFor}. */
    public static long defaultWall(long cpuNanos) {
        return WallClock.defaultFor(cpuNanos);
    }

    private Instrumenter() {
    }

    /** Instrumented copies of the classes (by binary name); classes with nothing to meter come back unchanged. */
    public static Map<String, byte[]> instrument(Map<String, byte[]> classes, String entryClass, Set<String> selfTypes,
                                                 Limits limits, ClassLoader loader) {
        return instrument(classes, entryClass, selfTypes, limits, loader, null);
    }

    /**
     * For a single-file program: only the methods named (the generated ones, each an entry with its
     * own call boundary) and the lambdas inside them are instrumented; the user's own code is left alone.
     */
    public static Map<String, byte[]> instrumentMethods(Map<String, byte[]> classes, Set<String> methodNames,
                                                        Limits limits, ClassLoader loader) {
        return instrument(classes, null, Set.of(), limits, loader, methodNames);
    }

    private static Map<String, byte[]> instrument(Map<String, byte[]> classes, String entryClass, Set<String> selfTypes,
                                                  Limits limits, ClassLoader loader, Set<String> only) {
        Map<String, ClassNode> nodes = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            ClassNode node = new ClassNode();
            new ClassReader(entry.getValue()).accept(node, ClassReader.SKIP_FRAMES);
            nodes.put(entry.getKey().replace('.', '/'), node);
        }
        Set<String> callees = new LinkedHashSet<>(nodes.keySet());
        callees.addAll(selfTypes);
        boolean mayCatch = only != null || mayCatch(nodes.values());
        CallGuards guards = new CallGuards(new MemberResolver(Allowlist.standard(), nodes, internal -> false, loader), limits);
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, ClassNode> entry : nodes.entrySet()) {
            ClassNode node = entry.getValue();
            boolean changed = MethodReferences.bridge(node, guards, method -> only == null || generated(method, only));
            for (MethodNode method : node.methods) {
                if (method.instructions.size() == 0) {
                    continue;
                }
                boolean entryMethod;
                if (only != null) {
                    boolean lambda = method.name.startsWith(MethodReferences.PREFIX)
                            || only.stream().anyMatch(name -> method.name.startsWith("lambda$" + name + "$"));
                    if (!only.contains(method.name) && !lambda) {
                        continue;
                    }
                    entryMethod = !lambda;
                } else {
                    entryMethod = node.name.equals(entryClass.replace('.', '/'))
                            && method.name.equals(limits.entryName()) && method.desc.equals(limits.entryDescriptor());
                }
                changed |= instrument(method, callees, limits, entryMethod, mayCatch, guards);
            }
            String binary = entry.getKey().replace('/', '.');
            if (!changed) {
                out.put(binary, classes.get(binary));
                continue;
            }
            ClassWriter writer = new FrameComputingWriter(nodes, loader);
            node.accept(writer);
            out.put(binary, writer.toByteArray());
        }
        return out;
    }

    /** A method of a single-file program that is generated code: one asked for, or a lambda inside one. */
    private static boolean generated(MethodNode method, Set<String> only) {
        return only.contains(method.name) || only.stream().anyMatch(name -> method.name.startsWith("lambda$" + name + "$"));
    }

    /** Exception types whose handlers would catch a {@code BudgetExceededException} (null: any, as in finally). */
    private static final Set<String> CATCHING = Set.of("java/lang/Throwable", "java/lang/Exception",
            "java/lang/RuntimeException", "dev/jitjava/JitException", "dev/jitjava/BudgetExceededException");

    /**
     * Whether code of these classes could catch a budget failure and go on: a handler that catches
     * it, or code the JDK calls back (a lambda, another class), which JDK code might catch around.
     * Code that cannot needs no call boundary: a failure simply leaves the call.
     */
    private static boolean mayCatch(java.util.Collection<ClassNode> nodes) {
        if (nodes.size() > 1) {
            return true;
        }
        for (ClassNode node : nodes) {
            for (MethodNode method : node.methods) {
                for (TryCatchBlockNode handler : method.tryCatchBlocks) {
                    if (handler.type == null || CATCHING.contains(handler.type)) {
                        return true;
                    }
                }
                for (AbstractInsnNode insn : method.instructions) {
                    if (insn instanceof org.objectweb.asm.tree.InvokeDynamicInsnNode indy
                            && indy.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * @param mayCatch whether the unit's code could catch a budget failure: then the entry method gets
     *                 the call boundary; otherwise it needs none, and its exception handler would keep
     *                 the JIT compiler from optimizing its loops (countVowels: 1.6x hand-written with
     *                 it, 1.15x without)
     */
    private static boolean instrument(MethodNode method, Set<String> callees, Limits limits, boolean entryMethod,
                                      boolean mayCatch, CallGuards guards) {
        InsnList code = method.instructions;
        boolean allocates = guards.guard(method);
        boolean changed = allocates;
        List<AbstractInsnNode> backEdges = backEdges(code);
        // Any method but the entry may be called in a loop the JDK runs (a lambda given to
        // Stream.iterate, an anonymous Comparator): charge its entries. The entry itself is charged
        // only when it may recurse, so that a small method costs what a hand-written one does.
        boolean mayRecurse = !entryMethod && !method.name.equals("<clinit>");
        for (AbstractInsnNode insn : code) {
            if (insn instanceof MethodInsnNode call && callees.contains(call.owner)) {
                mayRecurse = true;
            }
        }
        InsnList prologue = new InsnList();
        if (!backEdges.isEmpty()) {
            int counter = method.maxLocals++;
            prologue.add(new LdcInsnNode(Meter.CHUNK));
            prologue.add(new VarInsnNode(Opcodes.ISTORE, counter));
            // On the way back to the loop's top rather than at its top, where it would come before the loop's
            // exit test: there the JIT compiler no longer sees a counted loop (countVowels: 1.6x hand-written).
            for (AbstractInsnNode backEdge : backEdges) {
                LabelNode skip = new LabelNode();
                InsnList tick = new InsnList();
                tick.add(new org.objectweb.asm.tree.IincInsnNode(counter, -1));
                tick.add(new VarInsnNode(Opcodes.ILOAD, counter));
                tick.add(new JumpInsnNode(Opcodes.IFGT, skip));
                pushLimits(tick, limits);
                tick.add(new MethodInsnNode(Opcodes.INVOKESTATIC, METER, mayCatch ? "loop" : "loopUncaught",
                        "(JJJLjava/lang/String;)I", false));
                tick.add(new VarInsnNode(Opcodes.ISTORE, counter));
                tick.add(skip);
                code.insertBefore(backEdge, tick);
            }
            changed = true;
        }
        if (mayRecurse) {
            pushLimits(prologue, limits);
            prologue.add(new MethodInsnNode(Opcodes.INVOKESTATIC, METER, "enter", "(JJJLjava/lang/String;)V", false));
            changed = true;
        }
        // A call that allocates gets the boundary too: an OutOfMemoryError there reaches the caller as a budget failure.
        if (entryMethod && changed && (mayCatch || mayRecurse || allocates)) {
            boundary(method, limits, prologue);
        }
        if (prologue.size() > 0) {
            code.insert(prologue);
        }
        return changed;
    }

    /** Pushes the limits, as the meter's calls take them: cpu, memory, wall clock, the method's name. */
    private static void pushLimits(InsnList list, Limits limits) {
        list.add(new LdcInsnNode(limits.cpuNanos()));
        list.add(new LdcInsnNode(limits.maxBytes()));
        list.add(new LdcInsnNode(limits.wallNanos()));
        list.add(new LdcInsnNode(limits.method()));
    }

    /** Around the method the call site runs: failures swallowed inside are rethrown, stack overflows named. */
    private static void boundary(MethodNode method, Limits limits, InsnList prologue) {
        int started = method.maxLocals;
        method.maxLocals += 2;
        prologue.add(new MethodInsnNode(Opcodes.INVOKESTATIC, METER, "start", "()J", false));
        prologue.add(new VarInsnNode(Opcodes.LSTORE, started));
        LabelNode from = new LabelNode();
        prologue.add(from);
        for (AbstractInsnNode insn : method.instructions.toArray()) {
            int opcode = insn.getOpcode();
            if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                InsnList end = new InsnList();
                end.add(new VarInsnNode(Opcodes.LLOAD, started));
                end.add(new MethodInsnNode(Opcodes.INVOKESTATIC, METER, "end", "(J)V", false));
                method.instructions.insertBefore(insn, end);
            }
        }
        LabelNode to = new LabelNode();
        LabelNode handler = new LabelNode();
        LabelNode leaving = new LabelNode();
        LabelNode memory = new LabelNode();
        method.instructions.add(to);
        method.instructions.add(leaving);
        method.instructions.add(new InsnNode(Opcodes.DUP));
        method.instructions.add(new MethodInsnNode(Opcodes.INVOKESTATIC, METER, "clear", "(Ljava/lang/Throwable;)V", false));
        method.instructions.add(new InsnNode(Opcodes.ATHROW));
        method.instructions.add(handler);
        method.instructions.add(new LdcInsnNode(limits.method()));
        method.instructions.add(new MethodInsnNode(Opcodes.INVOKESTATIC, METER, "overflow",
                "(Ljava/lang/StackOverflowError;Ljava/lang/String;)Ljava/lang/RuntimeException;", false));
        method.instructions.add(new InsnNode(Opcodes.ATHROW));
        method.instructions.add(memory);
        method.instructions.add(new LdcInsnNode(limits.method()));
        method.instructions.add(new MethodInsnNode(Opcodes.INVOKESTATIC, METER, "outOfMemory",
                "(Ljava/lang/OutOfMemoryError;Ljava/lang/String;)Ljava/lang/RuntimeException;", false));
        method.instructions.add(new InsnNode(Opcodes.ATHROW));
        method.tryCatchBlocks.add(new TryCatchBlockNode(from, to, handler, "java/lang/StackOverflowError"));
        method.tryCatchBlocks.add(new TryCatchBlockNode(from, to, memory, "java/lang/OutOfMemoryError"));
        method.tryCatchBlocks.add(new TryCatchBlockNode(from, to, leaving, null));
    }

    /** Jumps and switches that lead back up: every pass of a loop goes through one of them. */
    private static List<AbstractInsnNode> backEdges(InsnList code) {
        Map<AbstractInsnNode, Integer> index = new HashMap<>();
        int i = 0;
        for (AbstractInsnNode insn : code) {
            index.put(insn, i++);
        }
        List<AbstractInsnNode> backEdges = new ArrayList<>();
        for (AbstractInsnNode insn : code) {
            List<LabelNode> targets = new ArrayList<>();
            if (insn instanceof JumpInsnNode jump) {
                targets.add(jump.label);
            } else if (insn instanceof TableSwitchInsnNode table) {
                targets.add(table.dflt);
                targets.addAll(table.labels);
            } else if (insn instanceof LookupSwitchInsnNode lookup) {
                targets.add(lookup.dflt);
                targets.addAll(lookup.labels);
            }
            for (LabelNode target : targets) {
                if (index.get(target) <= index.get(insn)) {
                    backEdges.add(insn);
                    break;
                }
            }
        }
        return backEdges;
    }

    /** Computes frames for classes that are not loaded yet, resolving their supertypes from the unit itself. */
    private static final class FrameComputingWriter extends ClassWriter {
        private final Map<String, ClassNode> unit;
        private final ClassLoader loader;

        public FrameComputingWriter(Map<String, ClassNode> unit, ClassLoader loader) {
            super(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
            this.unit = unit;
            this.loader = loader;
        }

        @Override
        protected String getCommonSuperClass(String first, String second) {
            List<String> chain = superChain(first);
            for (String candidate : superChain(second)) {
                if (chain.contains(candidate)) {
                    return candidate;
                }
            }
            return "java/lang/Object";
        }

        private List<String> superChain(String type) {
            List<String> chain = new ArrayList<>();
            String current = type;
            while (current != null) {
                chain.add(current);
                ClassNode own = unit.get(current);
                if (own != null) {
                    current = (own.access & Opcodes.ACC_INTERFACE) != 0 ? null : own.superName;
                    continue;
                }
                try {
                    Class<?> loaded = Class.forName(current.replace('/', '.'), false, loader);
                    current = loaded.isInterface() || loaded.getSuperclass() == null
                            ? null : Type.getInternalName(loaded.getSuperclass());
                } catch (ClassNotFoundException | LinkageError e) {
                    current = null;
                }
            }
            if (!chain.contains("java/lang/Object")) {
                chain.add("java/lang/Object");
            }
            return chain;
        }
    }
}
