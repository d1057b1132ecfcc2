package dev.jitjava.internal.verify;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds what a member reference in bytecode really reaches, as the JVM resolves it: the owner the
 * bytecode names, then its superclasses, then its interfaces. A member the generated classes (or the
 * trusted types) declare themselves is their own code; any other is the JDK member it resolves to,
 * judged by the first allowlist section on the way up that lists it, whatever class the bytecode
 * named: a local class extending {@code AbstractList} reaches {@code addAll} as
 * {@code AbstractCollection.addAll}, with its rule and its guard.
 */
final class MemberResolver {
    /** How a reference resolved. */
    enum Kind { OWN, LISTED, UNLISTED }

    /**
     * @param section  the class whose section holds the rule (internal name), or for UNLISTED the class
     *                 that declares the member, when known
     * @param rule     the member's rule (LISTED), else null
     */
    record Resolved(Kind kind, String section, Allowlist.Rule rule) {
        static final Resolved OWN = new Resolved(Kind.OWN, null, null);
    }

    /** What each class declares, as member keys ({@code add(Ljava/lang/Object;)}, {@code out}). */
    private static final ClassValue<Set<String>> DECLARED = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            Set<String> keys = new HashSet<>();
            try {
                for (Method method : type.getDeclaredMethods()) {
                    keys.add(Signatures.memberKey(method.getName(), Type.getMethodDescriptor(method), false));
                }
                for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                    keys.add(Signatures.memberKey("<init>", Type.getConstructorDescriptor(constructor), false));
                }
                for (Field field : type.getDeclaredFields()) {
                    keys.add(field.getName());
                }
            } catch (LinkageError | SecurityException e) {
                // a class whose members cannot be listed declares nothing jit-java can judge
            }
            return keys;
        }
    };

    private final Allowlist allowlist;
    private final Map<String, ClassNode> unit;
    private final Predicate<String> trusted;
    private final ClassLoader loader;

    MemberResolver(Allowlist allowlist, Map<String, ClassNode> unit, Predicate<String> trusted, ClassLoader loader) {
        this.allowlist = allowlist;
        this.unit = unit;
        this.trusted = trusted;
        this.loader = loader;
    }

    Resolved resolve(String owner, String name, String descriptor, boolean field) {
        if (owner.startsWith("[")) {
            return Resolved.OWN; // an array's clone() and Object's methods: nothing to judge beyond its element type
        }
        String key = Signatures.memberKey(name, descriptor, field);
        if (name.equals("<init>") || name.equals("<clinit>")) {
            return at(owner, key, true);
        }
        Deque<String> interfaces = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (String c = owner; c != null; c = superName(c, interfaces)) {
            Resolved found = at(c, key, false);
            if (found != null) {
                return found;
            }
        }
        while (!interfaces.isEmpty()) {
            String c = interfaces.poll();
            if (!seen.add(c)) {
                continue;
            }
            Resolved found = at(c, key, false);
            if (found != null) {
                return found;
            }
            superName(c, interfaces);
        }
        return new Resolved(Kind.UNLISTED, owner, null);
    }

    /** The resolution at one class, or null to look further up. */
    private Resolved at(String c, String key, boolean last) {
        ClassNode own = unit.get(c);
        if (own != null) {
            return declares(own, key) ? Resolved.OWN : last ? Resolved.OWN : null;
        }
        Allowlist.Rule rule = allowlist.memberRule(c, key);
        if (rule != null) {
            return new Resolved(Kind.LISTED, c, rule);
        }
        Class<?> type = load(c);
        boolean declared = type != null && DECLARED.get(type).contains(key);
        // a trusted type that cannot be loaded here (a type still being compiled, at build time) is the user's own
        if (trusted.test(c) && (declared || last || type == null)) {
            return Resolved.OWN;
        }
        if (declared || last) {
            return new Resolved(Kind.UNLISTED, c, null);
        }
        return null;
    }

    private static boolean declares(ClassNode node, String key) {
        int paren = key.indexOf('(');
        if (paren < 0) {
            for (FieldNode field : node.fields) {
                if (field.name.equals(key)) {
                    return true;
                }
            }
            return false;
        }
        for (MethodNode method : node.methods) {
            if (key.equals(Signatures.memberKey(method.name, method.desc, false))) {
                return true;
            }
        }
        return false;
    }

    /** The superclass of {@code c} (internal name), or null; adds its direct interfaces to {@code interfaces}. */
    private String superName(String c, Deque<String> interfaces) {
        ClassNode own = unit.get(c);
        if (own != null) {
            interfaces.addAll(own.interfaces);
            return own.superName;
        }
        Class<?> type = load(c);
        if (type == null) {
            return null;
        }
        for (Class<?> implemented : type.getInterfaces()) {
            interfaces.add(internal(implemented));
        }
        Class<?> parent = type.getSuperclass();
        return parent == null ? (type.isInterface() ? "java/lang/Object" : null) : internal(parent);
    }

    /** Every class a reference through {@code owner} could resolve into: the owner and all its supertypes. */
    List<String> supertypes(String owner) {
        List<String> all = new ArrayList<>();
        Deque<String> interfaces = new ArrayDeque<>();
        for (String c = owner; c != null; c = superName(c, interfaces)) {
            all.add(c);
        }
        while (!interfaces.isEmpty()) {
            String c = interfaces.poll();
            if (!all.contains(c)) {
                all.add(c);
                superName(c, interfaces);
            }
        }
        return all;
    }

    Class<?> load(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String internal(Class<?> type) {
        return type.getName().replace('.', '/');
    }
}
