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
 * member returns from it, the generated methods and lambdas it is handed to, and the generated
 * methods a call through a JDK interface may dispatch to) and refuses a write into it: an array
 * store, a field store, a JDK member that changes its receiver ({@code list.add}, {@code map.put},
 * any use of a random generator, iterator, matcher or buffer kept there) or the argument it writes
 * into ({@code Arrays.fill}, {@code toArray(array)}, {@code System.arraycopy}'s target), or keeping
 * it inside another object. Objects of immutable types ({@link SharedTypes}) are not state, and a
 * copy of a container whose elements cannot change is the call's own. Such state would be shared
 * by every caller and thread, outside the per-call budgets, unless {@code STATE} is granted.
 */
final class StaticState {
    private static final List<String> MUTATOR_PREFIXES = List.of("add", "put", "remove", "set", "clear", "compute",
            "merge", "replace", "retain", "sort", "push", "pop", "poll", "offer", "append", "insert", "delete", "reverse",
            "fill", "increment", "decrement", "getAnd", "accumulate", "lazySet", "compareAnd", "weakCompare", "update",
            "flip", "shuffle", "swap", "rotate", "copy", "trim", "ensure", "write", "print", "format", "reset", "read",
            "skip", "mark", "close", "flush", "drain", "transfer", "take", "arraycopy", "parallelSetAll",
            "parallelPrefix", "parallelSort", "and", "or", "xor", "next");
    /** JDK members whose result is a new object: of the same elements, which matters only when those may change. */
    private static final Set<String> FRESH = Set.of("clone", "copyOf", "copyOfRange", "toArray", "collect", "toList",
            "stream", "chars", "codePoints", "toCharArray", "toString", "getBytes", "split", "lines", "sorted", "map",
            "filter", "distinct", "limit", "skip", "mapToObj", "mapToInt", "mapToLong", "mapToDouble", "boxed");
    /** JDK members that keep their argument itself inside their receiver. */
    private static final List<String> STORES = List.of("add", "put", "set", "offer", "push", "replace", "compute",
            "merge", "insertElement", "addElement", "setElement");
    /** JDK members that copy their argument's elements into their receiver or result. */
    private static final List<String> COPIES = List.of("<init>", "addAll", "putAll", "copyOf", "of", "ofEntries");

    /**
     * How a value relates to the static state: {@code FIELD} is an object kept there (or one of its
     * fields or elements), {@code VIEW} one a JDK member returned from it (an iterator, a sublist, an
     * element, a buffer wrapped around it), which still reaches it.
     */
    enum Kind { NONE, VIEW, FIELD }

    /**
     * A value: its size in slots, its kind, whether the objects it holds may be changed through it
     * ({@code deep}: a {@code List<StringBuilder>}, not a {@code List<String>}), and, for a lambda or
     * method reference, the method it runs and how many values it captured.
     */
    record Shared(int size, Kind kind, boolean deep, Handle lambda, int captured) implements Value {
        static final Shared ONE = new Shared(1, Kind.NONE, false, null, 0);
        static final Shared TWO = new Shared(2, Kind.NONE, false, null, 0);

        static Shared of(Kind kind, boolean deep) {
            return kind == Kind.NONE ? ONE : new Shared(1, kind, deep, null, 0);
        }

        boolean shared() {
            return kind != Kind.NONE;
        }

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
    private final SharedTypes types;
    private boolean grew;

    private StaticState(Map<String, ClassNode> unit) {
        this.unit = unit;
        this.types = new SharedTypes(unit);
    }


    /** A value read from a field of this descriptor and generic signature, of an object kept in static state. */
    private Shared fieldValue(String owner, String name, String descriptor) {
        Type type = Type.getType(descriptor);
        if (type.getSize() == 2) {
            return Shared.TWO;
        }
        if (types.immutable(descriptor)) {
            return Shared.ONE;
        }
        return Shared.of(Kind.FIELD, types.deep(type, types.signature(owner, name)));
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
            return sharedSlots.contains(local) && plain.size() == 1 && (type == null || !types.immutable(type.getDescriptor()))
                    ? Shared.of(Kind.FIELD, true) : plain;
        }

        @Override
        public Shared newOperation(AbstractInsnNode insn) {
            if (insn instanceof FieldInsnNode field && insn.getOpcode() == Opcodes.GETSTATIC && unit.containsKey(field.owner)) {
                return fieldValue(field.owner, field.name, field.desc);
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
                case Opcodes.CHECKCAST: {
                    Type cast = Type.getObjectType(((org.objectweb.asm.tree.TypeInsnNode) insn).desc);
                    return value.shared() && types.immutable(cast.getDescriptor()) ? Shared.ONE : value;
                }
                case Opcodes.GETFIELD: {
                    FieldInsnNode field = (FieldInsnNode) insn;
                    return value.shared() ? fieldValue(field.owner, field.name, field.desc) : newValue(Type.getType(field.desc));
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
                return first.shared() && first.deep() ? Shared.of(Kind.FIELD, true) : Shared.ONE;
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
                Handle target = indy.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory") && indy.bsmArgs.length > 1
                        && indy.bsmArgs[1] instanceof Handle handle ? handle : null;
                if (anyShared && target != null) {
                    // A lambda or method reference captures it: its body is handed the captured values first.
                    call(insn, target.getOwner(), target.getName(), target.getDesc(), instance(target), values);
                }
                Type returned = Type.getReturnType(indy.desc);
                if (returned.getSort() < Type.ARRAY) {
                    return newValue(returned);
                }
                return new Shared(1, anyShared ? Kind.VIEW : Kind.NONE, anyShared, target, values.size());
            }
            return Shared.ONE; // multianewarray
        }

        private Shared call(AbstractInsnNode insn, String owner, String name, String desc, boolean instance,
                            List<? extends Shared> values) {
            Type returned = Type.getReturnType(desc);
            boolean anyShared = false;
            boolean anyDeep = false;
            for (Shared value : values) {
                anyShared |= value.shared();
                anyDeep |= value.shared() && value.deep();
            }
            if (unit.containsKey(owner)) {
                if (anyShared) {
                    handOver(owner, name, desc, instance, values);
                }
                boolean result = returnsShared.contains(owner + "." + name + desc);
                return returned.getSort() == Type.VOID ? null
                        : result && returned.getSize() == 1 ? Shared.of(Kind.FIELD, true) : newValue(returned);
            }
            Shared receiver = instance && !values.isEmpty() ? values.get(0) : Shared.ONE;
            if (receiver.lambda() != null && anyShared) {
                invoked(insn, receiver, values.subList(1, values.size()));
            }
            if (anyShared) {
                judge(insn, owner, name, desc, instance, values, receiver);
                if (instance && receiver.shared()) {
                    dispatch(name, desc, values);
                }
                for (Shared value : values) {
                    // the JDK runs a lambda it is handed on the elements of what it is called on
                    if (value.lambda() != null && anyDeep) {
                        invoked(insn, value, null);
                    }
                }
            }
            if (returned.getSort() == Type.VOID) {
                return null;
            }
            if (!anyShared || returned.getSort() < Type.ARRAY || types.immutable(returned.getDescriptor())) {
                return newValue(returned);
            }
            return FRESH.contains(name) && !anyDeep ? Shared.ONE : Shared.of(Kind.VIEW, anyDeep);
        }

        /** What a call of a JDK member does to the static state among its operands. */
        private void judge(AbstractInsnNode insn, String owner, String name, String desc, boolean instance,
                           List<? extends Shared> values, Shared receiver) {
            String member = owner.substring(owner.lastIndexOf('/') + 1) + "." + name;
            if (instance && receiver.shared() && !name.equals("<init>")) {
                boolean cursor = receiver.kind() == Kind.FIELD && SharedTypes.cursor(owner)
                        && !Set.of("hashCode", "equals", "toString", "getClass").contains(name);
                boolean moves = Set.of("next", "read", "skip", "mark", "reset", "hasNext").stream().anyMatch(name::startsWith);
                if (cursor || mutator(name) && (receiver.kind() == Kind.FIELD || !moves)) {
                    found(insn, "changes an object kept in a static field (" + member + ")");
                    return;
                }
            }
            Type[] parameters = Type.getArgumentTypes(desc);
            int first = instance ? 1 : 0;
            for (int i = first; i < values.size(); i++) {
                Shared argument = values.get(i);
                if (!argument.shared()) {
                    continue;
                }
                int index = i - first;
                boolean array = index < parameters.length && parameters[index].getSort() == Type.ARRAY;
                boolean helpers = owner.equals("java/util/Arrays") || owner.equals("java/util/Collections");
                if (name.equals("arraycopy") ? index == 2
                        : helpers ? index == 0 && mutator(name) && !name.startsWith("copyOf")
                        : array && writesArray(name)) {
                    found(insn, "changes an object kept in a static field (" + member + ")");
                } else if ((argument.kind() == Kind.FIELD || argument.deep()) && (!helpers && !name.equals("addAll")
                        && !name.equals("putAll") && STORES.stream().anyMatch(name::startsWith) || name.equals("<init>")
                        && argument.kind() == Kind.FIELD && List.of("java/io/", "java/nio/", "java/util/Formatter",
                        "java/util/Scanner").stream().anyMatch(owner::startsWith))) {
                    found(insn, "keeps an object from a static field in another object (" + member + "): copy what "
                            + "the call needs");
                } else if (argument.deep() && COPIES.stream().anyMatch(name::equals)) {
                    found(insn, "copies the objects of a static field into another object (" + member + "), where "
                            + "they can still be changed: copy the values the call needs");
                }
            }
        }

        /** JDK members that write into an array they are handed. */
        private static boolean writesArray(String name) {
            return List.of("toArray", "getChars", "getBytes", "get", "read", "nextBytes", "enumerate", "fill", "drainTo",
                    "toChars", "encode", "decode").stream().anyMatch(name::startsWith);
        }

        /** A call through a JDK type on shared state may run any generated method of that name and descriptor. */
        private void dispatch(String name, String desc, List<? extends Shared> values) {
            for (ClassNode node : unit.values()) {
                for (MethodNode candidate : node.methods) {
                    if (candidate.name.equals(name) && candidate.desc.equals(desc)
                            && (candidate.access & Opcodes.ACC_STATIC) == 0) {
                        handOver(node.name, name, desc, true, values);
                    }
                }
            }
        }

        /**
         * A lambda or method reference run with these arguments (null: the JDK's, taken from shared
         * state): its target is judged as if it were called with its captured values, then them.
         */
        private void invoked(AbstractInsnNode insn, Shared lambda, List<? extends Shared> arguments) {
            Handle target = lambda.lambda();
            boolean instance = instance(target);
            int parameters = Type.getArgumentTypes(target.getDesc()).length + (instance ? 1 : 0);
            List<Shared> operands = new java.util.ArrayList<>();
            for (int i = 0; i < parameters; i++) {
                int argument = i - lambda.captured();
                operands.add(i < lambda.captured() ? Shared.ONE
                        : arguments == null ? Shared.of(Kind.FIELD, true)
                        : argument < arguments.size() ? arguments.get(argument) : Shared.ONE);
            }
            call(insn, target.getOwner(), target.getName(), target.getDesc(), instance, operands);
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
            Kind kind = first.kind().compareTo(second.kind()) >= 0 ? first.kind() : second.kind();
            Handle lambda = java.util.Objects.equals(first.lambda(), second.lambda()) ? first.lambda() : null;
            return new Shared(first.size(), kind, first.deep() || second.deep(), lambda,
                    lambda == null ? 0 : first.captured());
        }
    }

    private static boolean instance(Handle target) {
        return target.getTag() != Opcodes.H_INVOKESTATIC && target.getTag() != Opcodes.H_NEWINVOKESPECIAL;
    }
}
