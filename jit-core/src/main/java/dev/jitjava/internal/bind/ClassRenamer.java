package dev.jitjava.internal.bind;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The part of {@link ClassDefiner} that reads and rewrites class files (with ASM): renaming a
 * unit's classes and putting them in definition order. A class of its own so that defining cached
 * classes, which needs neither, loads no ASM.
 */
public final class ClassRenamer {
    private static final AtomicLong DEFINITIONS = new AtomicLong();

    private ClassRenamer() {
    }

    /** Renames a unit's classes ({@code $jitN}, fresh each time) and defines them, supertypes first. */
    static Map<String, Class<?>> define(Function<byte[], Class<?>> definer, Map<String, byte[]> classes,
                                        String mainName) {
        List<Renamed> ordered = renameInOrder(classes, mainName, "$jit" + DEFINITIONS.incrementAndGet());
        List<String> names = new ArrayList<>(ordered.size());
        List<byte[]> bytes = new ArrayList<>(ordered.size());
        for (Renamed one : ordered) {
            names.add(one.renamed());
            bytes.add(one.bytes());
        }
        List<Class<?>> defined = ClassDefiner.defineInOrder(definer, names, bytes);
        Map<String, Class<?>> definedClasses = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            definedClasses.put(ordered.get(i).original(), defined.get(i));
        }
        if (!definedClasses.containsKey(mainName)) {
            throw new IllegalStateException("javac produced no class " + mainName);
        }
        return definedClasses;
    }

    /** The unit's classes renamed with {@link ClassDefiner#CACHED_SUFFIX}, by their new names, supertypes first. */
    public static Map<String, byte[]> forCache(Map<String, byte[]> classes, String mainName) {
        Map<String, byte[]> ordered = new LinkedHashMap<>();
        for (Renamed one : renameInOrder(classes, mainName, ClassDefiner.CACHED_SUFFIX)) {
            ordered.put(one.renamed(), one.bytes());
        }
        return ordered;
    }

    /** One class of a unit: its binary name from javac, its new one, its renamed bytes. */
    private record Renamed(String original, String renamed, byte[] bytes) {
    }

    /** The unit's class {@code Main} and its nested ones become {@code Main<suffix>...}, in definition order. */
    private static List<Renamed> renameInOrder(Map<String, byte[]> classes, String mainName, String suffix) {
        String main = mainName.replace('.', '/');
        String renamed = main + suffix;
        Remapper remapper = new Remapper() {
            @Override
            public String map(String internalName) {
                return internalName.equals(main) || internalName.startsWith(main + "$")
                        ? renamed + internalName.substring(main.length()) : internalName;
            }
        };
        List<ClassReader> pending = new ArrayList<>();
        for (byte[] bytes : classes.values()) {
            pending.add(new ClassReader(bytes));
        }
        Set<String> defined = new HashSet<>();
        List<Renamed> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            ClassReader next = null;
            for (ClassReader candidate : pending) {
                if (supertypesReady(candidate, classes, defined)) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                throw new IllegalStateException("cyclic supertypes in " + mainName);
            }
            pending.remove(next);
            defined.add(next.getClassName());
            ClassWriter writer = new ClassWriter(0);
            next.accept(new ClassRemapper(writer, remapper), 0);
            ordered.add(new Renamed(next.getClassName().replace('/', '.'),
                    remapper.map(next.getClassName()).replace('/', '.'), writer.toByteArray()));
        }
        return ordered;
    }

    private static boolean supertypesReady(ClassReader reader, Map<String, byte[]> classes, Set<String> defined) {
        List<String> supertypes = new ArrayList<>(List.of(reader.getInterfaces()));
        if (reader.getSuperName() != null) {
            supertypes.add(reader.getSuperName());
        }
        for (String supertype : supertypes) {
            if (classes.containsKey(supertype.replace('/', '.')) && !defined.contains(supertype)) {
                return false;
            }
        }
        return true;
    }
}
