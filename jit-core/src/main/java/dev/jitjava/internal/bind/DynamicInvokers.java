package dev.jitjava.internal.bind;

import dev.jitjava.runtime.DynamicInvoker;
import dev.jitjava.runtime.Links;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Writes a {@link DynamicInvoker} for a call site: it unboxes the arguments, calls the site's target
 * (a constant to the JIT compiler, which inlines it; {@code improve} still rebinds it), and boxes the result ({@code null} for {@code void}).
 */
public final class DynamicInvokers {
    private static final AtomicLong CLASSES = new AtomicLong();

    private DynamicInvokers() {
    }

    /** An invoker for {@code site}, defined next to {@code anchor}. */
    public static DynamicInvoker create(Class<?> anchor, MutableCallSite site) {
        MethodType type = site.type();
        String name = anchor.getPackageName() + ".JitInvoker" + CLASSES.incrementAndGet();
        String internal = name.replace('.', '/');
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                internal, null, "java/lang/Object", new String[]{Type.getInternalName(DynamicInvoker.class)});
        Links.Writing.writeConstructor(writer);
        Links.Writing.writeSites(writer, internal, 1);

        MethodVisitor mv = writer.visitMethod(Opcodes.ACC_PUBLIC, "invoke",
                "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", null, new String[]{"java/lang/Throwable"});
        writeInvoke(mv, internal, type, i -> {
            mv.visitVarInsn(Opcodes.ALOAD, 2);
            pushInt(mv, i);
            mv.visitInsn(Opcodes.AALOAD);
        }, () -> {
            mv.visitVarInsn(Opcodes.ALOAD, 2);
            mv.visitInsn(Opcodes.ARRAYLENGTH);
        });
        MethodVisitor few = writer.visitMethod(Opcodes.ACC_PUBLIC, "invoke",
                "(Ljava/lang/Object;ILjava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", null,
                new String[]{"java/lang/Throwable"});
        if (type.parameterCount() - 1 <= DynamicInvoker.FEW) {
            writeInvoke(few, internal, type, i -> few.visitVarInsn(Opcodes.ALOAD, 3 + i),
                    () -> few.visitVarInsn(Opcodes.ILOAD, 2));
        } else { // takes more arguments than a call without an array passes
            few.visitCode();
            few.visitFieldInsn(Opcodes.GETSTATIC, Type.getInternalName(DynamicInvoker.class), "MISS",
                    "Ljava/lang/Object;");
            few.visitInsn(Opcodes.ARETURN);
            few.visitMaxs(0, 0);
            few.visitEnd();
        }
        writer.visitEnd();

        List<Class<?>> types = new java.util.ArrayList<>(type.parameterList());
        types.add(type.returnType());
        ClassLoader seeing = LoaderVisibility.seeing(anchor, types);
        MethodHandles.Lookup lookup;
        Class<?> defined;
        if (seeing == null || seeing == anchor.getClassLoader()) {
            lookup = ClassDefiner.lookupIn(anchor);
            defined = ClassDefiner.defineOne(lookup, writer.toByteArray());
        } else { // an argument's class the anchor's loader cannot see: the invoker lives below its loader
            lookup = MethodHandles.publicLookup();
            defined = new InvokerLoader(seeing).define(writer.toByteArray());
        }
        Links.register(defined, List.of(site), null, null);
        try {
            return (DynamicInvoker) lookup.findConstructor(defined, MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create the invoker " + name, e);
        }
    }

    /** A class loader for one invoker, below the loader that sees its types. */
    private static final class InvokerLoader extends ClassLoader {
        InvokerLoader(ClassLoader parent) {
            super("jit-invoker", parent);
        }

        Class<?> define(byte[] bytes) {
            return defineClass(null, bytes, 0, bytes.length);
        }
    }


    /**
     * Writes an {@code invoke} method: the arguments' count and classes checked ({@link DynamicInvoker#MISS}
     * when they do not fit), then the call through the site, its result boxed.
     *
     * @param argument pushes the i-th argument (from 0)
     * @param count    pushes how many arguments the call has
     */
    private static void writeInvoke(MethodVisitor mv, String internal, MethodType type, IntConsumer argument,
                                    Runnable count) {
        mv.visitCode();
        Label miss = new Label();
        count.run();
        pushInt(mv, type.parameterCount() - 1);
        mv.visitJumpInsn(Opcodes.IF_ICMPNE, miss);
        for (int i = 1; i < type.parameterCount(); i++) { // null fits a reference, never a primitive
            Label fits = new Label();
            if (!type.parameterType(i).isPrimitive()) {
                argument.accept(i - 1);
                mv.visitJumpInsn(Opcodes.IFNULL, fits);
            }
            argument.accept(i - 1);
            mv.visitTypeInsn(Opcodes.INSTANCEOF, boxedName(type.parameterType(i)));
            mv.visitJumpInsn(Opcodes.IFEQ, miss);
            mv.visitLabel(fits);
        }
        Links.Writing.pushTarget(mv, internal, 0);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(type.parameterType(0)));
        for (int i = 1; i < type.parameterCount(); i++) {
            argument.accept(i - 1);
            unbox(mv, type.parameterType(i));
        }
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact",
                type.toMethodDescriptorString(), false);
        box(mv, type.returnType());
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitLabel(miss);
        mv.visitFieldInsn(Opcodes.GETSTATIC, Type.getInternalName(DynamicInvoker.class), "MISS", "Ljava/lang/Object;");
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** The internal name of the class an argument for {@code type} arrives as: its box, for a primitive. */
    private static String boxedName(Class<?> type) {
        return type.isPrimitive() ? boxName(Type.getType(type)) : Type.getInternalName(type);
    }

    private static void pushInt(MethodVisitor mv, int value) {
        if (value <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + value);
        } else {
            mv.visitIntInsn(Opcodes.BIPUSH, value);
        }
    }

    private static void unbox(MethodVisitor mv, Class<?> type) {
        if (!type.isPrimitive()) {
            mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(type));
            return;
        }
        Type primitive = Type.getType(type);
        String box = boxName(primitive);
        mv.visitTypeInsn(Opcodes.CHECKCAST, box);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, box, type.getName() + "Value", "()" + primitive.getDescriptor(), false);
    }

    private static void box(MethodVisitor mv, Class<?> type) {
        if (type == void.class) {
            mv.visitInsn(Opcodes.ACONST_NULL);
        } else if (type.isPrimitive()) {
            Type primitive = Type.getType(type);
            String box = boxName(primitive);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, box, "valueOf", "(" + primitive.getDescriptor() + ")L" + box + ";",
                    false);
        }
    }

    private static String boxName(Type primitive) {
        return switch (primitive.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.CHAR -> "java/lang/Character";
            case Type.BYTE -> "java/lang/Byte";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.LONG -> "java/lang/Long";
            case Type.FLOAT -> "java/lang/Float";
            default -> "java/lang/Double";
        };
    }
}
