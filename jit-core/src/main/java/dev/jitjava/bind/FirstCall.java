package dev.jitjava.bind;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;

/**
 * The target of a call site whose method does not exist yet: it asks the linker for the method
 * (which generates it once, binds it to the call site and returns it), then completes the call.
 * Later calls go straight to the generated method.
 */
final class FirstCall {
    private static final MethodHandle INVOKE;

    static {
        try {
            INVOKE = MethodHandles.lookup().findVirtual(FirstCall.class, "invoke",
                    MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Linker linker;
    private final Object key;

    private FirstCall(Linker linker, Object key) {
        this.linker = linker;
        this.key = key;
    }

    /** A handle of {@code type} that links on its first call. */
    static MethodHandle handle(Linker linker, Object key, MethodType type) {
        return INVOKE.bindTo(new FirstCall(linker, key))
                .asCollector(Object[].class, type.parameterCount())
                .asType(type);
    }

    @SuppressWarnings("unused") // called through INVOKE
    private Object invoke(Object[] arguments) throws Throwable {
        MethodHandle target = linker.link(key);
        return target.invokeWithArguments(Arrays.asList(arguments));
    }
}
