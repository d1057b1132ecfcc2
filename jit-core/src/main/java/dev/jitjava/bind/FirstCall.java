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
        java.util.Map<MethodType, MethodHandle> templates = TEMPLATES.get(type.parameterType(0));
        MethodHandle template = templates.get(type);
        if (template == null) {
            template = template(type);
            templates.putIfAbsent(type, template);
        }
        return template.bindTo(new FirstCall(linker, key));
    }

    /**
     * {@code (FirstCall, args...)result}: links through its first argument, then invokes the result
     * with the rest. Built once per method type (a start-up binds many methods of few types) and
     * bound to each method's {@code FirstCall}; kept per interface, so it goes when the interface goes.
     */
    private static MethodHandle template(MethodType type) {
        MethodHandle invoke = MethodHandles.dropArguments(MethodHandles.exactInvoker(type), 1, FirstCall.class);
        MethodHandle link = MethodHandles.dropArguments(LINK, 1, type.parameterList());
        return MethodHandles.foldArguments(invoke, 0, link);
    }

    private static final ClassValue<java.util.Map<MethodType, MethodHandle>> TEMPLATES = new ClassValue<>() {
        @Override
        protected java.util.Map<MethodType, MethodHandle> computeValue(Class<?> type) {
            return new java.util.concurrent.ConcurrentHashMap<>();
        }
    };

    @SuppressWarnings("unused") // called through LINK
    private MethodHandle link() {
        return linker.link(key);
    }
}
