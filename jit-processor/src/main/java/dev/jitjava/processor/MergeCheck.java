package dev.jitjava.processor;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Whether a stored unit's code means the same once its members are merged into the generated
 * class: every method and field of the unit, and every nested class, must compile to the same
 * bytecode (debug information aside) as the unit compiled alone, with the unit's class name read
 * as the generated class's. An import of another unit, an inherited member of the interface or an
 * overload that changes what a name means makes them differ, and the unit stays a class of its own.
 */
final class MergeCheck {
    private MergeCheck() {
    }

    /**
     * @param unitClasses   the unit compiled alone, by binary name
     * @param unitName      its class's binary name
     * @param mergedClasses the generated class compiled, by binary name
     * @param mergedName    the generated class's binary name
     */
    static boolean sameCode(Map<String, byte[]> unitClasses, String unitName, Map<String, byte[]> mergedClasses,
                            String mergedName) {
        for (Map.Entry<String, byte[]> entry : unitClasses.entrySet()) {
            String name = entry.getKey();
            if (!name.equals(unitName) && !name.startsWith(unitName + "$")) {
                continue;
            }
            byte[] merged = mergedClasses.get(mergedName + name.substring(unitName.length()));
            if (merged == null) {
                return false;
            }
            ClassNode alone = read(entry.getValue(), unitName, mergedName);
            ClassNode inMerged = read(merged, mergedName, mergedName);
            if (name.equals(unitName) ? !membersPresent(alone, inMerged) : !sameClass(alone, inMerged)) {
                return false;
            }
        }
        return true;
    }

    /** The unit's methods and fields, each the same in the generated class. */
    private static boolean membersPresent(ClassNode alone, ClassNode merged) {
        Map<String, MethodNode> mergedMethods = new HashMap<>();
        merged.methods.forEach(m -> mergedMethods.put(m.name + m.desc, m));
        for (MethodNode method : alone.methods) {
            if (method.name.equals("<init>")) {
                continue; // the unit's default constructor: the generated class has its own
            }
            MethodNode twin = mergedMethods.get(method.name + method.desc);
            if (twin == null || method.access != twin.access || !text(method).equals(text(twin))) {
                return false;
            }
        }
        for (FieldNode field : alone.fields) {
            if (merged.fields.stream().noneMatch(f -> f.name.equals(field.name) && f.desc.equals(field.desc)
                    && f.access == field.access && Objects.equals(f.value, field.value))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameClass(ClassNode alone, ClassNode merged) {
        if (alone.methods.size() != merged.methods.size() || alone.fields.size() != merged.fields.size()
                || !Objects.equals(alone.superName, merged.superName) || !alone.interfaces.equals(merged.interfaces)) {
            return false;
        }
        return membersPresent(alone, merged);
    }

    private static List<String> text(MethodNode method) {
        Textifier textifier = new Textifier();
        method.accept(new TraceMethodVisitor(textifier));
        return textifier.getText().stream().map(String::valueOf).toList();
    }

    /** A class with {@code from} read as {@code to}, lambdas numbered per enclosing method, without debug information. */
    private static ClassNode read(byte[] bytes, String from, String to) {
        String fromInternal = from.replace('.', '/');
        String toInternal = to.replace('.', '/');
        Map<String, String> lambdas = lambdaNames(bytes);
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(new ClassRemapper(node, new Remapper() {
            @Override
            public String map(String internalName) {
                if (internalName.equals(fromInternal) || internalName.startsWith(fromInternal + "$")) {
                    return toInternal + internalName.substring(fromInternal.length());
                }
                return internalName;
            }

            @Override
            public String mapMethodName(String owner, String name, String descriptor) {
                return lambdas.getOrDefault(name, name);
            }

            @Override
            public String mapInvokeDynamicMethodName(String name, String descriptor) {
                return name;
            }
        }), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return node;
    }

    /** {@code lambda$count$7} as {@code lambda$count$#0}: javac numbers lambdas across the whole class. */
    private static Map<String, String> lambdaNames(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_CODE);
        Map<String, TreeMap<Integer, String>> byEnclosing = new HashMap<>();
        for (MethodNode method : node.methods) {
            String name = method.name;
            int last = name.lastIndexOf('$');
            if (name.startsWith("lambda$") && last > 7) {
                try {
                    byEnclosing.computeIfAbsent(name.substring(0, last), k -> new TreeMap<>())
                            .put(Integer.parseInt(name.substring(last + 1)), name);
                } catch (NumberFormatException e) {
                    // not javac's lambda naming: compared as it is
                }
            }
        }
        Map<String, String> renamed = new HashMap<>();
        byEnclosing.forEach((enclosing, numbered) -> {
            int ordinal = 0;
            for (String name : numbered.values()) {
                renamed.put(name, enclosing + "$#" + ordinal++);
            }
        });
        return renamed;
    }
}
