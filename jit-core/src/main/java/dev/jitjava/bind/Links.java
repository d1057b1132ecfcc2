package dev.jitjava.bind;

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
    private static final Map<String, List<MethodHandle>> BY_CLASS = new ConcurrentHashMap<>();

    private Links() {
    }

    static void register(String className, List<MethodHandle> handles) {
        BY_CLASS.put(className, List.copyOf(handles));
    }

    /** Bootstrap of the dynamic constants: the {@code index}-th handle registered for the calling class. */
    public static MethodHandle handle(MethodHandles.Lookup lookup, String name, Class<?> type, int index) {
        List<MethodHandle> handles = BY_CLASS.get(lookup.lookupClass().getName());
        if (handles == null) {
            throw new IllegalStateException("no method handles registered for " + lookup.lookupClass().getName());
        }
        return handles.get(index);
    }
}
