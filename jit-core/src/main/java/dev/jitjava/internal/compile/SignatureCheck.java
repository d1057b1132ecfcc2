package dev.jitjava.internal.compile;

import dev.jitjava.Diagnostic;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Owner;
import dev.jitjava.internal.method.Parameter;
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
 * Checks in the compiled class that the method serves the call asked for: it can be called with
 * the call's arguments and its result converts to what the caller asked for, by Java's own method
 * invocation conversions (boxing, unboxing, widening). So {@code Boolean isPrime(int)} serves
 * {@code boolean isPrime(int)}, {@code Map} serves {@code HashMap}, {@code ArrayList<Integer>}
 * serves {@code List<Integer>} as a return, and on a method typed from a call, a parameter may take
 * the argument's own class ({@code HashMap} where the call passed one and the spec says {@code Map}).
 * The method is bound adapted to the call's type ({@code CallAdapter}) and stored as written. Declared
 * checked exceptions must be ones the signature declares (they would otherwise reach callers that
 * cannot expect them).
 */
public final class SignatureCheck {
    private SignatureCheck() {
    }

    /** The matching method's descriptor, or the problems that stand in the way. */
    public record Result(String descriptor, List<Diagnostic> problems) {
    }

    public static Result check(byte[] mainClass, MethodSpec spec, ClassLoader loader) {
        String parameterDescriptors = spec.parameterDescriptors();
        String exact = parameterDescriptors + spec.returnDescriptor();
        List<String[]> found = new ArrayList<>();
        new ClassReader(mainClass).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if (name.equals(spec.name()) && (access & Opcodes.ACC_STATIC) != 0) {
                    found.add(new String[]{descriptor, exceptions == null ? "" : String.join(" ", exceptions),
                            (access & Opcodes.ACC_VARARGS) != 0 ? "varargs" : ""});
                }
                return null;
            }
        }, ClassReader.SKIP_CODE);
        String[] chosen = null;
        for (String[] method : found) {
            if (spec.flexibleReturn() ? method[0].startsWith(parameterDescriptors) : method[0].equals(exact)) {
                chosen = method;
                break;
            }
        }
        // A host's method is compiled where it is called: javac resolves the calls to it there, with the
        // host's own types, so any method of the name that can take as many arguments is its to judge
        boolean hosted = spec.owner() instanceof Owner.Hosted;
        for (int i = 0; chosen == null && i < found.size(); i++) {
            boolean varargs = !found.get(i)[2].isEmpty();
            if (hosted ? varargs || Type.getArgumentTypes(found.get(i)[0]).length == spec.parameters().size()
                    : serves(found.get(i)[0], varargs, spec, loader)) {
                chosen = found.get(i);
            }
        }
        if (chosen != null) {
            // A JitObject's method throws what it throws: its caller gets it unchanged, checked or not.
            boolean dynamic = spec.owner() instanceof Owner.DynamicObject;
            List<Diagnostic> problems = hosted || dynamic ? List.of() : undeclaredExceptions(chosen[1], spec, loader);
            return new Result(problems.isEmpty() ? chosen[0] : null, problems);
        }
        int selfParameters = spec.owner().selfType() == null ? 0 : 1;
        String declared = found.stream().map(m -> readable(m[0], spec.name(), selfParameters))
                .collect(Collectors.joining(", "));
        return new Result(null, List.of(new Diagnostic("jit.signature.mismatch", 0,
                "The method must be `" + spec.signature() + "`, but the answer declares `" + declared
                        + "`. Keep the parameter types and the return type exactly as given.", "")));
    }

    /**
     * Whether a method of this descriptor can take the call's arguments and give what the caller wants;
     * a varargs method takes them spread as well ({@code maxOf(3, 9, 2)} for {@code int maxOf(int...)}).
     */
    private static boolean serves(String descriptor, boolean varargs, MethodSpec spec, ClassLoader loader) {
        Type[] arguments = Type.getArgumentTypes(descriptor);
        if (arguments.length == 0 || !arguments[0].getDescriptor().equals(Type.getDescriptor(spec.owner().selfType()))) {
            return false;
        }
        int asked = spec.parameters().size();
        boolean fixed = arguments.length == asked + 1 && takesAll(arguments, arguments.length, spec, loader);
        if (!fixed) {
            Class<?> last = varargs ? load(arguments[arguments.length - 1], loader) : null;
            if (last == null || !last.isArray() || asked < arguments.length - 2
                    || !takesAll(arguments, arguments.length - 1, spec, loader)) {
                return false;
            }
            for (int i = arguments.length - 2; i < asked; i++) {
                if (!takes(spec.parameters().get(i), last.getComponentType())) {
                    return false;
                }
            }
        }
        if (spec.flexibleReturn() || spec.returnType() == void.class) {
            return true;
        }
        Class<?> gives = load(Type.getReturnType(descriptor), loader);
        return gives != null && gives != void.class && Conversions.invocable(gives, spec.returnType());
    }

    /** Whether the method's parameters before {@code end} (self excluded) take the call's arguments there. */
    private static boolean takesAll(Type[] arguments, int end, MethodSpec spec, ClassLoader loader) {
        for (int i = 1; i < end; i++) {
            if (!takes(spec.parameters().get(i - 1), load(arguments[i], loader))) {
                return false;
            }
        }
        return true;
    }

    private static boolean takes(Parameter parameter, Class<?> takes) {
        return takes != null && (Conversions.invocable(parameter.type(), takes)
                || Conversions.invocable(parameter.argumentClass(), takes));
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

    private static Class<?> load(Type type, ClassLoader loader) {
        return switch (type.getSort()) {
            case Type.VOID -> void.class;
            case Type.BOOLEAN -> boolean.class;
            case Type.CHAR -> char.class;
            case Type.BYTE -> byte.class;
            case Type.SHORT -> short.class;
            case Type.INT -> int.class;
            case Type.FLOAT -> float.class;
            case Type.LONG -> long.class;
            case Type.DOUBLE -> double.class;
            case Type.ARRAY -> {
                Class<?> array = load(type.getElementType(), loader);
                for (int i = 0; array != null && i < type.getDimensions(); i++) {
                    array = array.arrayType();
                }
                yield array;
            }
            default -> load(type.getInternalName(), loader);
        };
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
        String params = Stream.of(arguments).skip(selfParameters).map(SignatureCheck::simple)
                .collect(Collectors.joining(", "));
        return simple(method.getReturnType()) + " " + name + "(" + params + ")";
    }

    private static String simple(Type type) {
        String name = type.getClassName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }
}
