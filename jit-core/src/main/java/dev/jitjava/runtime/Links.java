package dev.jitjava.runtime;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MutableCallSite;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands each generated class its call sites. The class keeps the i-th in a static final field,
 * {@code site$i}, read in its static initializer from {@link #site}, and each method calls
 * {@code site$i.getTarget().invokeExact(...)}: the JIT compiler takes the field for a constant and
 * inlines the site's current target, and rebinding the site deoptimizes the callers. (No
 * {@code invokedynamic}: its bootstrap costs tens of milliseconds of method-handle spinning at
 * start-up.) Until a method exists, its site's target is the class's link stub, which calls
 * {@link #link}.
 *
 * <p>Public only because generated classes must reach these methods; not API.
 */
public final class Links {
    private static final Map<Class<?>, Registered> BY_CLASS = new ConcurrentHashMap<>();

    private Links() {
    }

    /**
     * What a defined class links to: its call sites, and how its link stubs make a method exist
     * (null for classes without stubs in use).
     */
    private static final class Registered {
        final List<MutableCallSite> sites;
        final Linker linker;
        final List<?> keys;

        public Registered(List<MutableCallSite> sites, Linker linker, List<?> keys) {
            this.sites = List.copyOf(sites);
            this.linker = linker;
            this.keys = keys == null ? null : List.copyOf(keys);
        }
    }

    /** What writing such a class needs; a class of its own, so that defining a cached one loads no ASM. */
    public static final class Writing {
        public static final String LINKS = Type.getInternalName(Links.class);
        public static final String SITE_TYPE = Type.getInternalName(MutableCallSite.class);
        public static final String SITE_DESCRIPTOR = Type.getDescriptor(MutableCallSite.class);

        private Writing() {
        }

        /** Writes the public no-argument constructor every class that links through here has. */
        public static void writeConstructor(ClassWriter writer) {
            MethodVisitor constructor = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
            constructor.visitCode();
            constructor.visitVarInsn(Opcodes.ALOAD, 0);
            constructor.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            constructor.visitInsn(Opcodes.RETURN);
            constructor.visitMaxs(0, 0);
            constructor.visitEnd();
        }

        /** Writes the fields {@code site$0..} and the static initializer that fills them from {@link #site}. */
        public static void writeSites(ClassWriter writer, String internalName, int count) {
            MethodVisitor init = writer.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
            init.visitCode();
            for (int i = 0; i < count; i++) {
                writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC,
                        "site$" + i, SITE_DESCRIPTOR, null, null).visitEnd();
                init.visitLdcInsn(Type.getObjectType(internalName));
                init.visitLdcInsn(i);
                init.visitMethodInsn(Opcodes.INVOKESTATIC, LINKS, "site",
                        "(Ljava/lang/Class;I)" + SITE_DESCRIPTOR, false);
                init.visitFieldInsn(Opcodes.PUTSTATIC, internalName, "site$" + i, SITE_DESCRIPTOR);
            }
            init.visitInsn(Opcodes.RETURN);
            init.visitMaxs(0, 0);
            init.visitEnd();
        }

        /** Pushes the i-th site's current target: what the arguments are then pushed for and {@code invokeExact}ed on. */
        public static void pushTarget(MethodVisitor mv, String internalName, int index) {
            mv.visitFieldInsn(Opcodes.GETSTATIC, internalName, "site$" + index, SITE_DESCRIPTOR);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SITE_TYPE, "getTarget", "()Ljava/lang/invoke/MethodHandle;", false);
        }
    }

    /**
     * Registers a defined class's call sites, before its first call; keyed by the class itself:
     * two class loaders may well define classes of one name.
     *
     * @param linker what its link stubs ask for the i-th method's handle, with the i-th key
     */
    public static void register(Class<?> defined, List<MutableCallSite> sites, Linker linker, List<?> keys) {
        BY_CLASS.put(defined, new Registered(sites, linker, keys));
    }

    /** The {@code index}-th site registered for {@code defined}: what its static initializer reads. */
    public static MutableCallSite site(Class<?> defined, int index) {
        return registered(defined).sites.get(index);
    }

    /**
     * What a link stub calls: the {@code index}-th method of {@code defined}, made to exist (loaded
     * or generated, and bound to its site) and typed as its site.
     */
    public static MethodHandle link(Class<?> defined, int index) {
        Registered registered = registered(defined);
        return registered.linker.link(registered.keys.get(index)).asType(registered.sites.get(index).type());
    }

    private static Registered registered(Class<?> defined) {
        Registered registered = BY_CLASS.get(defined);
        if (registered == null) {
            throw new IllegalStateException("no call sites registered for " + defined.getName());
        }
        return registered;
    }
}
