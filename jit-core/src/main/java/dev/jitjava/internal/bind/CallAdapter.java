package dev.jitjava.internal.bind;

import dev.jitjava.internal.method.MethodSpec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/**
 * Types a generated method's handle as the call it serves. The signature check accepts a method
 * that can take the call's arguments and whose result converts to what the caller asked for
 * ({@code Boolean} for {@code boolean}, {@code Map} for {@code HashMap}); {@link MethodHandle#asType}
 * makes those same conversions, so that call sites, invokers and examples all see the spec's types.
 * No ASM here: this runs when a stored method is bound at start-up.
 */
public final class CallAdapter {
    private CallAdapter() {
    }

    /**
     * The method typed {@code (self, params...)return} with the spec's types, its own return type when
     * the caller left it open; the handle itself when it has that type already (the usual case).
     */
    public static MethodHandle adapt(MethodHandle method, MethodSpec spec) {
        Class<?>[] parameters = new Class<?>[spec.parameters().size() + 1];
        parameters[0] = spec.owner().selfType();
        for (int i = 1; i < parameters.length; i++) {
            parameters[i] = spec.parameters().get(i - 1).type();
        }
        Class<?> returns = spec.flexibleReturn() ? method.type().returnType() : spec.returnType();
        MethodType wanted = MethodType.methodType(returns, parameters);
        if (method.type().equals(wanted)) {
            return method;
        }
        MethodType own = method.type();
        Class<?> last = own.parameterType(own.parameterCount() - 1);
        boolean spread = last.isArray() && (own.parameterCount() != parameters.length
                || !last.isAssignableFrom(parameters[parameters.length - 1]));
        // A varargs method the call passes its elements to, spread: they are collected into its array.
        MethodHandle collecting = spread ? method.asCollector(last, parameters.length - own.parameterCount() + 1) : method;
        return collecting.asType(wanted);
    }
}
