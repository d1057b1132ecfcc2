package dev.jitjava.internal.check;

import dev.jitjava.Check;
import dev.jitjava.internal.method.ClassFiles;
import dev.jitjava.internal.method.ExampleSpec;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Owner;
import dev.jitjava.internal.store.SpecRecord;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a new version of a method must pass: its examples, and the interface's {@link Check}
 * methods that call it directly (found in their bytecode, so a check of one method never makes
 * another one be generated).
 *
 * @param examples the examples, from annotations, {@code JitObject} methods and {@code improve}
 * @param checks   the relevant check methods, by name
 */
public record CheckPlan(MethodSpec spec, List<ExampleSpec> examples, List<Method> checks) {

    /** Each interface's {@code @Check} methods, by name: most interfaces have none, and then no bytecode is read. */
    private static final ClassValue<List<Method>> CHECK_METHODS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> found = new ArrayList<>();
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Check.class)) {
                    found.add(method);
                }
            }
            found.sort(BY_NAME);
            return List.copyOf(found);
        }
    };

    private static final Comparator<Method> BY_NAME = Comparator.comparing(Method::getName);

    public static CheckPlan of(MethodSpec spec) {
        List<Method> checks = new ArrayList<>();
        if (spec.owner() instanceof Owner.Interface iface) {
            List<Method> declared = CHECK_METHODS.get(iface.type());
            Set<String> callers = declared.isEmpty() ? Set.of() : Callers.of(iface.type(), spec);
            for (Method method : declared) {
                if (callers.contains(method.getName())) {
                    checks.add(method);
                }
            }
        }
        return new CheckPlan(spec, spec.examples(), checks);
    }

    public boolean isEmpty() {
        return examples.isEmpty() && checks.isEmpty();
    }

    /** What was checked, one line each, as the metadata records it. */
    public List<String> descriptions() {
        List<String> lines = new ArrayList<>();
        examples.forEach(example -> lines.add(example.describe()));
        checks.forEach(check -> lines.add("@Check " + check.getName()));
        return lines;
    }

    /** Changes when the examples or checks change; "" when there are none. */
    public String fingerprint() {
        return isEmpty() ? "" : SpecRecord.sha256(String.join("\n", descriptions()) + "\n" + checkBytecodeHash());
    }

    private String checkBytecodeHash() {
        if (checks.isEmpty()) {
            return "";
        }
        byte[] bytes = ClassFiles.read(spec.owner().selfType());
        return bytes == null ? "" : SpecRecord.sha256(java.util.HexFormat.of().formatHex(bytes));
    }

    /** Reads @Check methods' bytecode with ASM: a class of its own, loaded only for interfaces that have checks. */
    private static final class Callers {
        private Callers() {
        }

        /** Names of the interface's {@code @Check} methods whose bytecode calls the method. */
        public static Set<String> of(Class<?> owner, MethodSpec spec) {
            Set<String> callers = new HashSet<>();
            byte[] bytes = ClassFiles.read(owner);
            if (bytes == null) {
                return callers;
            }
            String ownerName = Type.getInternalName(owner);
            StringBuilder descriptor = new StringBuilder("(");
            for (dev.jitjava.internal.method.Parameter parameter : spec.parameters()) {
                descriptor.append(parameter.descriptor());
            }
            String descriptorStart = descriptor.append(')').toString();
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String called, String calledDescriptor,
                                                    boolean isInterface) {
                            if (owner.equals(ownerName) && called.equals(spec.name())
                                    && calledDescriptor.startsWith(descriptorStart)) {
                                callers.add(name);
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return callers;
        }
    }

    public static boolean isStaticCheck(Method check) {
        return Modifier.isStatic(check.getModifiers());
    }
}
