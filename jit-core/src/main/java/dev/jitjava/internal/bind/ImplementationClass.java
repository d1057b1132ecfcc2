package dev.jitjava.internal.bind;

import dev.jitjava.runtime.Links;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Writes the class that implements an interface for jit-java. Each abstract method invokes its
 * call site's target (see {@link Links}) with {@code this} and the arguments, so a bound call
 * costs a direct call once the JIT compiler has inlined it: no reflection, no argument array, no
 * boxing. Each also has a link stub, {@code link$i}, the site's target until the method exists.
 * {@code toString} names the interface; {@code equals} and {@code hashCode} are {@code Object}'s.
 */
public final class ImplementationClass {
    /** The name of the i-th method's link stub. */
    static final String STUB_PREFIX = "link$";

    private ImplementationClass() {
    }

    /**
     * @param internalName the class's internal name, in the interface's package
     * @param methods      the abstract methods; the i-th calls the i-th registered site, whose type is
     *                     the method's with the interface as first parameter
     */
    public static byte[] write(String internalName, Class<?> iface, List<Method> methods) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        String ifaceName = Type.getInternalName(iface);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                internalName, null, "java/lang/Object", new String[]{ifaceName});

        Links.Writing.writeConstructor(writer);
        Links.Writing.writeSites(writer, internalName, methods.size());

        for (int i = 0; i < methods.size(); i++) {
            Method method = methods.get(i);
            Type[] arguments = Type.getArgumentTypes(method);
            Type returnType = Type.getReturnType(method);
            Type[] withSelf = new Type[arguments.length + 1];
            withSelf[0] = Type.getObjectType(ifaceName);
            System.arraycopy(arguments, 0, withSelf, 1, arguments.length);
            String siteDescriptor = Type.getMethodDescriptor(returnType, withSelf);

            Class<?>[] thrown = method.getExceptionTypes();
            String[] exceptions = new String[thrown.length];
            for (int t = 0; t < thrown.length; t++) {
                exceptions[t] = Type.getInternalName(thrown[t]);
            }
            MethodVisitor mv = writer.visitMethod(Opcodes.ACC_PUBLIC, method.getName(),
                    Type.getMethodDescriptor(method), null, exceptions);
            mv.visitCode();
            Links.Writing.pushTarget(mv, internalName, i);
            invokeExactAndReturn(mv, withSelf, siteDescriptor, returnType);

            MethodVisitor stub = writer.visitMethod(Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, STUB_PREFIX + i,
                    siteDescriptor, null, null);
            stub.visitCode();
            stub.visitLdcInsn(Type.getObjectType(internalName));
            stub.visitLdcInsn(i);
            stub.visitMethodInsn(Opcodes.INVOKESTATIC, Links.Writing.LINKS, "link",
                    "(Ljava/lang/Class;I)Ljava/lang/invoke/MethodHandle;", false);
            invokeExactAndReturn(stub, withSelf, siteDescriptor, returnType);
        }

        MethodVisitor toString = writer.visitMethod(Opcodes.ACC_PUBLIC, "toString", "()Ljava/lang/String;", null, null);
        toString.visitCode();
        toString.visitLdcInsn("jit implementation of " + iface.getName());
        toString.visitInsn(Opcodes.ARETURN);
        toString.visitMaxs(0, 0);
        toString.visitEnd();

        writer.visitEnd();
        return writer.toByteArray();
    }

    /** With a method handle on the stack: pushes self and the arguments, invokes it exactly, returns its result. */
    private static void invokeExactAndReturn(MethodVisitor mv, Type[] withSelf, String siteDescriptor, Type returnType) {
        loadArguments(mv, withSelf);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact", siteDescriptor, false);
        mv.visitInsn(returnType.getOpcode(Opcodes.IRETURN));
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Pushes local slots 0.. as {@code types}: {@code this} (or the stub's self) and the arguments. */
    private static void loadArguments(MethodVisitor mv, Type[] types) {
        int slot = 0;
        for (Type type : types) {
            mv.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot);
            slot += type.getSize();
        }
    }
}
