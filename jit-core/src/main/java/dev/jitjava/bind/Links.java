package dev.jitjava.bind;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands each implementation class the method handles it calls through. The class loads them as
 * dynamic constants ({@code ldc} of a {@code CONSTANT_Dynamic} whose bootstrap is {@link #handle}),
 * so after the first call each one is a constant the JIT compiler can inline through.
 *
 * <p>Public only because bootstrap methods must be reachable from generated classes; not API.
 */
public final class Links {
    private static final Map<Class<?>, List<MethodHandle>> BY_CLASS = new ConcurrentHashMap<>();

    private Links() {
    }

    /** What writing such a class needs; a class of its own, so that defining a cached one loads no ASM. */
    static final class Writing {
        /** The bootstrap of the dynamic constants: {@link #handle}. */
        static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, Type.getInternalName(Links.class), "handle",
                Type.getMethodDescriptor(Type.getType(MethodHandle.class), Type.getType(MethodHandles.Lookup.class),
                        Type.getType(String.class), Type.getType(Class.class), Type.INT_TYPE), false);

        private Writing() {
        }

        /** Writes the public no-argument constructor every class that loads its handles from here has. */
        static void writeConstructor(ClassWriter writer) {
            MethodVisitor constructor = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
            constructor.visitCode();
            constructor.visitVarInsn(Opcodes.ALOAD, 0);
            constructor.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            constructor.visitInsn(Opcodes.RETURN);
            constructor.visitMaxs(0, 0);
            constructor.visitEnd();
        }
    }

    /**
     * The handles a defined class's dynamic constants resolve to. Registered after the class is
     * defined and before its first call, keyed by the class itself: two class loaders may well
     * define classes of one name.
     */
    static void register(Class<?> defined, List<MethodHandle> handles) {
        BY_CLASS.put(defined, List.copyOf(handles));
    }

    /** Bootstrap of the dynamic constants: the {@code index}-th handle registered for the calling class. */
    public static MethodHandle handle(MethodHandles.Lookup lookup, String name, Class<?> type, int index) {
        List<MethodHandle> handles = BY_CLASS.get(lookup.lookupClass());
        if (handles == null) {
            throw new IllegalStateException("no method handles registered for " + lookup.lookupClass().getName());
        }
        return handles.get(index);
    }
}
