package dev.jitjava.internal.verify;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link StaticState} knows of types: which cannot change once built (strings, numbers,
 * java.time, the unit's own records and plain enums), which change on every use (random
 * generators, iterators, matchers, buffers, readers), and whether a container's elements may
 * change (a {@code List<StringBuilder>}, not a {@code List<String>}), read from generic signatures.
 */
final class SharedTypes {
    /** JDK types whose objects cannot change once built (java.time's are added by package). */
    private static final Set<String> IMMUTABLE = Set.of("java/lang/String", "java/lang/Integer", "java/lang/Long",
            "java/lang/Double", "java/lang/Float", "java/lang/Short", "java/lang/Byte", "java/lang/Boolean",
            "java/lang/Character", "java/math/BigInteger", "java/math/BigDecimal", "java/math/MathContext",
            "java/util/regex/Pattern", "java/lang/Class", "java/util/Locale", "java/util/UUID", "java/text/Normalizer$Form",
            "java/math/RoundingMode", "java/util/concurrent/TimeUnit", "java/nio/charset/Charset");
    /** JDK types every use of which moves them on: a random generator, an iterator, a matcher, a buffer. */
    private static final List<String> CURSORS = List.of("java/util/Random", "java/util/SplittableRandom",
            "java/security/SecureRandom", "java/util/random/", "java/util/Iterator", "java/util/ListIterator",
            "java/util/PrimitiveIterator", "java/util/Spliterator", "java/util/Enumeration", "java/util/regex/Matcher",
            "java/util/Scanner", "java/util/StringTokenizer", "java/util/stream/", "java/text/BreakIterator",
            "java/text/StringCharacterIterator", "java/text/CharacterIterator");

    private final Map<String, ClassNode> unit;
    private final Set<String> immutableClasses;

    SharedTypes(Map<String, ClassNode> unit) {
        this.unit = unit;
        this.immutableClasses = immutableClasses(unit);
    }

    /** Whether every call on an object of this JDK type moves it on (a draw, a step, a read). */
    static boolean cursor(String owner) {
        return CURSORS.stream().anyMatch(owner::startsWith) || owner.startsWith("java/nio/") && owner.endsWith("Buffer")
                || owner.startsWith("java/io/") && (owner.endsWith("Reader") || owner.endsWith("InputStream"));
    }

    /** The generic signature of a field of the unit, or null. */
    String signature(String owner, String name) {
        ClassNode node = unit.get(owner);
        if (node != null) {
            for (org.objectweb.asm.tree.FieldNode field : node.fields) {
                if (field.name.equals(name)) {
                    return field.signature;
                }
            }
        }
        return null;
    }

    /**
     * The unit's classes whose objects cannot change once built: every instance field final and of an
     * immutable type, extending Object, Enum, Record or another such class (a plain local enum, a record
     * of strings). Their constants in static fields are not shared state.
     */
    private static Set<String> immutableClasses(Map<String, ClassNode> unit) {
        Set<String> immutable = new HashSet<>(unit.keySet());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String name : List.copyOf(immutable)) {
                ClassNode node = unit.get(name);
                boolean ok = (node.access & Opcodes.ACC_INTERFACE) == 0 && (node.superName == null
                        || Set.of("java/lang/Object", "java/lang/Enum", "java/lang/Record").contains(node.superName)
                        || immutable.contains(node.superName));
                for (org.objectweb.asm.tree.FieldNode field : node.fields) {
                    if ((field.access & Opcodes.ACC_STATIC) == 0 && ((field.access & Opcodes.ACC_FINAL) == 0
                            || !immutableType(Type.getType(field.desc), immutable))) {
                        ok = false;
                    }
                }
                if (!ok) {
                    immutable.remove(name);
                    changed = true;
                }
            }
        }
        return immutable;
    }

    private static boolean immutableType(Type type, Set<String> immutableClasses) {
        if (type.getSort() < Type.ARRAY) {
            return true;
        }
        if (type.getSort() == Type.ARRAY) {
            return false;
        }
        String name = type.getInternalName();
        return IMMUTABLE.contains(name) || name.startsWith("java/time/") || immutableClasses.contains(name);
    }

    boolean immutable(String descriptor) {
        return immutableType(Type.getType(descriptor), immutableClasses);
    }

    /** Whether the elements an object of this type holds may themselves be changed. */
    boolean deep(Type type, String signature) {
        if (type.getSort() == Type.ARRAY) {
            return !immutable(type.getElementType().getDescriptor()) || type.getDimensions() > 1;
        }
        if (signature == null) {
            String name = type.getInternalName();
            return name.startsWith("java/util/") && !name.startsWith("java/util/regex/") || name.equals("java/lang/Object");
        }
        int open = signature.indexOf('<');
        if (open < 0) {
            return false;
        }
        String arguments = signature.substring(open);
        if (arguments.contains("T") && arguments.matches(".*[<;]T\\w+;.*") || arguments.contains("*")) {
            return true;
        }
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("L([\\w/$]+)[;<]").matcher(arguments);
        while (matcher.find()) {
            if (!immutable("L" + matcher.group(1) + ";")) {
                return true;
            }
        }
        return false;
    }
}
