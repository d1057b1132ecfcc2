package dev.jitjava.internal.compile;

import dev.jitjava.Diagnostic;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Owner;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks in the compiled class that the method is the one asked for: same parameters (after
 * {@code self}), the same return type unless any was allowed, and no checked exception the
 * signature does not declare (it would otherwise reach callers that cannot expect it).
 */
public final class SignatureCheck {
    private SignatureCheck() {
    }

    /** The matching method's descriptor, or the problems that stand in the way. */
    public record Result(String descriptor, List<Diagnostic> problems) {
    }

    public static Result check(byte[] mainClass, MethodSpec spec, ClassLoader loader) {
        String parameterDescriptors = spec.parameterDescriptors();
        String wanted = parameterDescriptors + spec.returnDescriptor();
        List<String[]> found = new ArrayList<>();
        new ClassReader(mainClass).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if (name.equals(spec.name()) && (access & Opcodes.ACC_STATIC) != 0) {
                    found.add(new String[]{descriptor, exceptions == null ? "" : String.join(" ", exceptions)});
                }
                return null;
            }
        }, ClassReader.SKIP_CODE);
        for (String[] method : found) {
            String descriptor = method[0];
            boolean matches = spec.flexibleReturn() ? descriptor.startsWith(parameterDescriptors) : descriptor.equals(wanted);
            if (matches) {
                // A host's method is compiled where it is called: javac checks its exceptions at the calls.
                List<Diagnostic> problems = spec.owner() instanceof Owner.Hosted ? List.of()
                        : undeclaredExceptions(method[1], spec, loader);
                return new Result(problems.isEmpty() ? descriptor : null, problems);
            }
        }
        String declared = found.stream().map(m -> readable(m[0], spec.name(), spec.owner().selfType() == null ? 0 : 1)).collect(Collectors.joining(", "));
        return new Result(null, List.of(new Diagnostic("jit.signature.mismatch", 0,
                "The method must be `" + spec.signature() + "`, but the answer declares `" + declared
                        + "`. Keep the parameter types and the return type exactly as given.", "")));
    }

    private static List<Diagnostic> undeclaredExceptions(String thrown, MethodSpec spec, ClassLoader loader) {
        List<Diagnostic> problems = new ArrayList<>();
        for (String internalName : thrown.split(" ")) {
            if (internalName.isEmpty()) {
                continue;
            }
            Class<?> type = load(internalName, loader);
            boolean unchecked = type == null || RuntimeException.class.isAssignableFrom(type)
                    || Error.class.isAssignableFrom(type);
            boolean declared = type != null && spec.exceptionTypes().stream().anyMatch(d -> d.isAssignableFrom(type));
            if (!unchecked && !declared) {
                problems.add(new Diagnostic("jit.signature.throws", 0, "The method may not declare `throws "
                        + type.getSimpleName() + "`: the signature `" + spec.signature()
                        + "` does not allow it. Catch it inside the method instead.", ""));
            }
        }
        return problems;
    }

    private static Class<?> load(String internalName, ClassLoader loader) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String readable(String descriptor, String name, int selfParameters) {
        Type method = Type.getMethodType(descriptor);
        Type[] arguments = method.getArgumentTypes();
        String params = Stream.of(arguments).skip(selfParameters).map(SignatureCheck::simple).collect(Collectors.joining(", "));
        return simple(method.getReturnType()) + " " + name + "(" + params + ")";
    }

    private static String simple(Type type) {
        String name = type.getClassName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }
}
