package dev.jitjava.bind;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The target of a call site whose method does not exist yet: it asks the linker for the method
 * (which generates or loads it once, binds it to the call site and returns it), then completes the
 * call with the same arguments. Later calls go straight to the method.
 */
final class FirstCall {
    private static final MethodHandle LINK;

    static {
        try {
            LINK = MethodHandles.lookup().findVirtual(FirstCall.class, "link", MethodType.methodType(MethodHandle.class));
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

    /**
     * A handle of {@code type} that links on its first call: the linker's result is invoked exactly
     * with the caller's arguments, with no argument array and no boxing.
     */
    static MethodHandle handle(Linker linker, Object key, MethodType type) {
        MethodHandle link = MethodHandles.dropArguments(LINK.bindTo(new FirstCall(linker, key)), 0, type.parameterList());
        return MethodHandles.foldArguments(MethodHandles.exactInvoker(type), link);
    }

    @SuppressWarnings("unused") // called through LINK
    private MethodHandle link() {
        return linker.link(key);
    }
}
