package dev.jitjava.internal.verify;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.Value;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static fields may hold constants and tables that class initialization fills and calls only read.
 * This follows every value read from a static field of the generated classes outside class
 * initialization (through locals, casts, fields and elements of it, views and iterators a JDK
 * member returns from it, the generated methods and lambdas it is handed to) and refuses a write
 * into it: an array store, a field store, a JDK member that changes its receiver or an argument
 * ({@code list.add}, {@code map.put}, {@code Arrays.fill}), or storing it into another object.
 * Such state would be shared by every caller and thread, outside the per-call budgets, unless
 * {@code STATE} is granted.
 */
final class StaticState {
    private static final List<String> MUTATOR_PREFIXES = List.of("add", "put", "remove", "set", "clear", "compute",
            "merge", "replace", "retain", "sort", "push", "pop", "poll", "offer", "append", "insert", "delete", "reverse",
            "fill", "increment", "decrement", "getAnd", "accumulate", "lazySet", "compareAnd", "weakCompare", "update",
            "flip", "shuffle", "swap", "rotate", "copy", "trim", "ensure", "write", "print", "format", "reset", "read",
            "skip", "mark", "close", "flush", "drain", "transfer", "take", "arraycopy", "parallelSetAll",
            "parallelPrefix", "parallelSort", "and", "or", "xor", "next");
    private static final Set<String> IMMUTABLE = Set.of("Ljava/lang/String;", "Ljava/lang/Integer;", "Ljava/lang/Long;",
            "Ljava/lang/Double;", "Ljava/lang/Boolean;", "Ljava/lang/Character;", "Ljava/math/BigInteger;",
            "Ljava/math/BigDecimal;", "Ljava/util/regex/Pattern;", "Ljava/lang/Class;");

    /** Members that hand out a new iterator over a collection: advancing it reads the collection. */
    private static final Set<String> ITERATING = Set.of("iterator", "listIterator", "spliterator", "elements",
            "descendingIterator");
    /** Iterator types, whose advancing members change the (per-call) iterator only. */
    private static final Set<String> ITERATORS = Set.of("java/util/Iterator", "java/util/ListIterator",
            "java/util/Enumeration", "java/util/Spliterator", "java/util/PrimitiveIterator",
            "java/util/PrimitiveIterator$OfInt", "java/util/PrimitiveIterator$OfLong",
            "java/util/PrimitiveIterator$OfDouble");
    private static final Set<String> ADVANCING = Set.of("next", "nextInt", "nextLong", "nextDouble", "nextElement",
            "previous", "tryAdvance", "forEachRemaining");

    /**
     * A value: its size in slots, whether it came from a static field of the generated classes, and
     * whether it is an iterator a call made over such a value (for-each over a static table): advancing
     * it changes nothing shared, while {@code remove} or {@code set} through it still would.
     */
    record Shared(int size, boolean shared, boolean iterator) implements Value {
        static final Shared ONE = new Shared(1, false, false);
        static final Shared TWO = new Shared(2, false, false);
        static final Shared SHARED = new Shared(1, true, false);
        static final Shared ITERATOR = new Shared(1, true, true);

        @Override
        public int getSize() {
            return size;
        }
    }

    /** Where a violation was found, and what it says. */
    record Finding(String className, int line, String what) {
    }

    private final Map<String, ClassNode> unit;
    /** Generated methods ({@code owner.name+desc}) and the parameter slots they were handed shared state in. */
    private final Map<String, Set<Integer>> sharedParameters = new java.util.HashMap<>();
    private final Set<String> returnsShared = new HashSet<>();
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private boolean grew;

    private StaticState(Map<String, ClassNode> unit) {
        this.unit = unit;
    }

    /** What the unit writes into static state after initialization, one finding per instruction. */
    static List<Finding> check(Map<String, ClassNode> unit) {
        StaticState state = new StaticState(unit);
        for (int round = 0; round < 8; round++) {
            state.grew = false;
            state.findings.clear();
            for (ClassNode node : unit.values()) {
                for (MethodNode method : node.methods) {
                    // javac's $values() builds an enum's constant array for <clinit>: part of class initialization
                    if (method.instructions.size() > 0 && !method.name.equals("<clinit>") && !method.name.equals("$values")) {
                        state.analyze(node, method);
                    }
                }
            }
            if (!state.grew) {
                break;
            }
        }
        return List.copyOf(state.findings.values());
    }

    private void analyze(ClassNode node, MethodNode method) {
        String self = node.name + "." + method.name + method.desc;
        Set<Integer> sharedSlots = sharedParameters.getOrDefault(self, Set.of());
        try {
            new Analyzer<>(new Tracker(node, method, sharedSlots)).analyze(node.name, method);
        } catch (AnalyzerException e) {
            // javac's code always analyzes; code that does not is refused by the JVM's own verifier
        }
    }

    private static boolean mutator(String name) {
        for (String prefix : MUTATOR_PREFIXES) {
            if (name.startsWith(prefix) && (name.length() == prefix.length()
                    || !Character.isLowerCase(name.charAt(prefix.length())))) {
                return true;
            }
        }
        return name.endsWith("AndGet");
    }

    private static int line(AbstractInsnNode insn) {
        for (AbstractInsnNode at = insn; at != null; at = at.getPrevious()) {
            if (at instanceof LineNumberNode number) {
                return number.line;
            }
        }
        return 0;
    }

    /** The interpreter that marks shared values and reports writes into them. */
    private final class Tracker extends Interpreter<Shared> {
        private final ClassNode node;
        private final MethodNode method;
        private final Set<Integer> sharedSlots;

        Tracker(ClassNode node, MethodNode method, Set<Integer> sharedSlots) {
            super(Opcodes.ASM9);
            this.node = node;
            this.method = method;
            this.sharedSlots = sharedSlots;
        }

        private void found(AbstractInsnNode insn, String what) {
            findings.putIfAbsent(node.name + "|" + method.name + method.desc + "|" + method.instructions.indexOf(insn),
                    new Finding(node.name.replace('/', '.'), line(insn), what));
        }

        @Override
        public Shared newValue(Type type) {
            if (type == null) {
                return Shared.ONE;
            }
            return type.getSort() == Type.VOID ? null : type.getSize() == 2 ? Shared.TWO : Shared.ONE;
        }

        @Override
        public Shared newParameterValue(boolean isInstanceMethod, int local, Type type) {
            Shared plain = newValue(type);
            return sharedSlots.contains(local) && plain.size() == 1 ? Shared.SHARED : plain;
        }

        @Override
        public Shared newOperation(AbstractInsnNode insn) {
            if (insn instanceof FieldInsnNode field && insn.getOpcode() == Opcodes.GETSTATIC && unit.containsKey(field.owner)
                    && (field.desc.startsWith("L") || field.desc.startsWith("[")) && !IMMUTABLE.contains(field.desc)) {
                return Shared.SHARED;
            }
            return switch (insn.getOpcode()) {
                case Opcodes.LCONST_0, Opcodes.LCONST_1, Opcodes.DCONST_0, Opcodes.DCONST_1 -> Shared.TWO;
                case Opcodes.LDC -> {
                    Object constant = ((org.objectweb.asm.tree.LdcInsnNode) insn).cst;
                    yield constant instanceof Long || constant instanceof Double ? Shared.TWO : Shared.ONE;
                }
                case Opcodes.GETSTATIC -> newValue(Type.getType(((FieldInsnNode) insn).desc));
                default -> Shared.ONE;
            };
        }

        @Override
        public Shared copyOperation(AbstractInsnNode insn, Shared value) {
            return value;
        }

        @Override
        public Shared unaryOperation(AbstractInsnNode insn, Shared value) {
            switch (insn.getOpcode()) {
                case Opcodes.CHECKCAST:
                    return value;
                case Opcodes.GETFIELD: {
                    String desc = ((FieldInsnNode) insn).desc;
                    Shared plain = newValue(Type.getType(desc));
                    return value.shared() && plain.size() == 1 && !IMMUTABLE.contains(desc) ? Shared.SHARED : plain;
                }
                case Opcodes.PUTSTATIC:
                    return null;
                case Opcodes.I2L, Opcodes.I2D, Opcodes.F2L, Opcodes.F2D, Opcodes.LNEG, Opcodes.DNEG, Opcodes.L2D, Opcodes.D2L:
                    return Shared.TWO;
                case Opcodes.IFEQ, Opcodes.IFNE, Opcodes.IFLT, Opcodes.IFGE, Opcodes.IFGT, Opcodes.IFLE, Opcodes.IFNULL,
                     Opcodes.IFNONNULL, Opcodes.TABLESWITCH, Opcodes.LOOKUPSWITCH, Opcodes.IRETURN, Opcodes.LRETURN,
                     Opcodes.FRETURN, Opcodes.DRETURN, Opcodes.ARETURN, Opcodes.ATHROW, Opcodes.MONITORENTER,
                     Opcodes.MONITOREXIT:
                    return null;
                default:
                    return Shared.ONE;
            }
        }

        @Override
        public Shared binaryOperation(AbstractInsnNode insn, Shared first, Shared second) {
            int opcode = insn.getOpcode();
            if (opcode == Opcodes.AALOAD) {
                return first.shared() ? Shared.SHARED : Shared.ONE;
            }
            if (opcode == Opcodes.PUTFIELD) {
                FieldInsnNode field = (FieldInsnNode) insn;
                if (first.shared()) {
                    found(insn, "writes the field " + field.name + " of an object kept in a static field");
                } else if (second.shared()) {
                    found(insn, "keeps an object from a static field in the field " + field.name);
                }
                return null;
            }
            return switch (opcode) {
                case Opcodes.LALOAD, Opcodes.DALOAD, Opcodes.LADD, Opcodes.LSUB, Opcodes.LMUL, Opcodes.LDIV, Opcodes.LREM,
                     Opcodes.LSHL, Opcodes.LSHR, Opcodes.LUSHR, Opcodes.LAND, Opcodes.LOR, Opcodes.LXOR, Opcodes.DADD,
                     Opcodes.DSUB, Opcodes.DMUL, Opcodes.DDIV, Opcodes.DREM -> Shared.TWO;
                case Opcodes.IF_ICMPEQ, Opcodes.IF_ICMPNE, Opcodes.IF_ICMPLT, Opcodes.IF_ICMPGE, Opcodes.IF_ICMPGT,
                     Opcodes.IF_ICMPLE, Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE -> null;
                default -> Shared.ONE;
            };
        }

        @Override
        public Shared ternaryOperation(AbstractInsnNode insn, Shared array, Shared index, Shared value) {
            if (array.shared()) {
                found(insn, "writes into an array kept in a static field");
            } else if (value.shared()) {
                found(insn, "keeps an object from a static field in an array");
            }
            return null;
        }

        @Override
        public Shared naryOperation(AbstractInsnNode insn, List<? extends Shared> values) {
            if (insn instanceof MethodInsnNode call) {
                return call(insn, call.owner, call.name, call.desc, call.getOpcode() != Opcodes.INVOKESTATIC, values);
            }
            if (insn instanceof InvokeDynamicInsnNode indy) {
                boolean anyShared = values.stream().anyMatch(Shared::shared);
                if (anyShared && indy.bsmArgs.length > 1 && indy.bsmArgs[1] instanceof Handle target) {
                    // A lambda or method reference captures it: its body is handed the captured values first.
                    boolean instance = target.getTag() != Opcodes.H_INVOKESTATIC && target.getTag() != Opcodes.H_NEWINVOKESPECIAL;
                    call(insn, target.getOwner(), target.getName(), target.getDesc(), instance, values);
                }
                Type returned = Type.getReturnType(indy.desc);
                return anyShared && returned.getSort() >= Type.ARRAY ? Shared.SHARED : newValue(returned);
            }
            return Shared.ONE; // multianewarray
        }

        private Shared call(AbstractInsnNode insn, String owner, String name, String desc, boolean instance,
                            List<? extends Shared> values) {
            Type returned = Type.getReturnType(desc);
            boolean anyShared = false;
            for (Shared value : values) {
                anyShared |= value.shared();
            }
            if (unit.containsKey(owner)) {
                if (anyShared) {
                    handOver(owner, name, desc, instance, values);
                }
                boolean result = returnsShared.contains(owner + "." + name + desc);
                return returned.getSort() == Type.VOID ? null
                        : result && returned.getSize() == 1 ? Shared.SHARED : newValue(returned);
            }
            boolean advancing = instance && !values.isEmpty() && values.get(0).iterator() && ITERATORS.contains(owner)
                    && ADVANCING.contains(name);
            if (anyShared && mutator(name) && !name.equals("<init>") && !advancing) {
                found(insn, "changes an object kept in a static field (" + owner.substring(owner.lastIndexOf('/') + 1)
                        + "." + name + ")");
            }
            if (returned.getSort() == Type.VOID) {
                return null;
            }
            if (instance && !values.isEmpty() && values.get(0).shared() && ITERATING.contains(name)
                    && returned.getSort() == Type.OBJECT) {
                return Shared.ITERATOR;
            }
            return anyShared && returned.getSort() >= Type.ARRAY && !IMMUTABLE.contains(returned.getDescriptor())
                    ? Shared.SHARED : newValue(returned);
        }

        /** A generated method handed shared state: its parameter slots are shared too, in the next round. */
        private void handOver(String owner, String name, String desc, boolean instance, List<? extends Shared> values) {
            Set<Integer> slots = sharedParameters.computeIfAbsent(owner + "." + name + desc, k -> new HashSet<>());
            Type[] arguments = Type.getArgumentTypes(desc);
            int slot = 0;
            int value = 0;
            if (instance) {
                if (values.get(0).shared() && slots.add(0)) {
                    grew = true;
                }
                slot = 1;
                value = 1;
            }
            for (Type argument : arguments) {
                if (value < values.size() && values.get(value).shared() && slots.add(slot)) {
                    grew = true;
                }
                slot += argument.getSize();
                value++;
            }
        }

        @Override
        public void returnOperation(AbstractInsnNode insn, Shared value, Shared expected) {
            if (value.shared() && returnsShared.add(node.name + "." + method.name + method.desc)) {
                grew = true;
            }
        }

        @Override
        public Shared merge(Shared first, Shared second) {
            if (first.equals(second) || first.size() != second.size()) {
                return first;
            }
            if (first.iterator() && second.iterator()) {
                return Shared.ITERATOR;
            }
            return first.size() == 1 && (first.shared() || second.shared()) ? Shared.SHARED : first;
        }
    }
}
