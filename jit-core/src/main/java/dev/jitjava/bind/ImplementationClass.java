package dev.jitjava.bind;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the class that implements an interface for jit-java: each abstract method loads its
 * method handle as a constant and calls {@code invokeExact} on it with {@code this} and the
 * arguments, so a bound call costs a direct call once the JIT compiler has inlined it. No
 * reflection, no argument array, no boxing. {@code toString} names the interface; {@code equals}
 * and {@code hashCode} are {@code Object}'s.
 */
final class ImplementationClass {

    private ImplementationClass() {
    }

    /**
     * @param internalName the class's internal name, in the interface's package
     * @param methods      the abstract methods; the i-th calls the i-th registered handle, whose type is
     *                     the method's with the interface as first parameter
     */
    static byte[] write(String internalName, Class<?> iface, List<Method> methods) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        String ifaceName = Type.getInternalName(iface);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                internalName, null, "java/lang/Object", new String[]{ifaceName});

        Links.Writing.writeConstructor(writer);

        for (int i = 0; i < methods.size(); i++) {
            Method method = methods.get(i);
            Class<?>[] thrown = method.getExceptionTypes();
            String[] exceptions = new String[thrown.length];
            for (int t = 0; t < thrown.length; t++) {
                exceptions[t] = Type.getInternalName(thrown[t]);
            }
            MethodVisitor mv = writer.visitMethod(Opcodes.ACC_PUBLIC, method.getName(),
                    Type.getMethodDescriptor(method), null, exceptions);
            mv.visitCode();
            mv.visitLdcInsn(new ConstantDynamic(method.getName(), Type.getDescriptor(MethodHandle.class), Links.Writing.BOOTSTRAP, i));
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            Type[] arguments = Type.getArgumentTypes(method);
            int slot = 1;
            for (Type argument : arguments) {
                mv.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
                slot += argument.getSize();
            }
            Type[] withSelf = new Type[arguments.length + 1];
            withSelf[0] = Type.getObjectType(ifaceName);
            System.arraycopy(arguments, 0, withSelf, 1, arguments.length);
            Type returnType = Type.getReturnType(method);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact",
                    Type.getMethodDescriptor(returnType, withSelf), false);
            mv.visitInsn(returnType.getOpcode(Opcodes.IRETURN));
            mv.visitMaxs(0, 0);
            mv.visitEnd();
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
}
