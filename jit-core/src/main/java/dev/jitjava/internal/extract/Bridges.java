package dev.jitjava.internal.extract;

import dev.jitjava.internal.method.ArgumentTypes;
import dev.jitjava.internal.method.OwnerMethod;

import java.util.Collection;

/**
 * The typed bridges a {@code JitObject} method's unit gets for the object's other methods its code
 * calls by name: {@code isPrime(self, n)} calls {@code self.call(Boolean.class, "isPrime", n)}, typed
 * as that method was bound, so javac checks and converts the call as it would any other.
 */
final class Bridges {
    private Bridges() {
    }

    /**
     * The bridges' source: static members of the unit's class taking {@code self} first, or, with
     * {@code selfSource} null, instance methods of a kept class, whose field {@code self} they use.
     */
    static String source(Collection<OwnerMethod> methods, String selfSource) {
        StringBuilder text = new StringBuilder();
        for (OwnerMethod method : methods) {
            StringBuilder parameters = new StringBuilder(selfSource == null ? "" : selfSource + " self");
            StringBuilder arguments = new StringBuilder();
            for (var parameter : method.parameters()) {
                parameters.append(parameters.length() == 0 ? "" : ", ").append(parameter.source()).append(' ')
                        .append(parameter.name());
                arguments.append(", ").append(parameter.name());
            }
            boolean isVoid = method.returnType() == void.class;
            String call = isVoid ? "self.call(\"" + method.name() + "\"" + arguments + ");"
                    : "return self.call(" + boxedName(method.returnType()) + ".class, \"" + method.name() + "\""
                    + arguments + ");";
            text.append("\n    /** Calls ").append(method.name()).append(" of this object, as the code above does by name. */\n")
                    .append("    @SuppressWarnings(\"unchecked\")\n")
                    .append(selfSource == null ? "    " : "    private static ").append(isVoid ? "void" : method.returnSource()).append(' ')
                    .append(method.name()).append('(').append(parameters).append(") {\n        ").append(call)
                    .append("\n    }\n");
        }
        return text.toString();
    }

    private static String boxedName(Class<?> type) {
        Class<?> boxed = ArgumentTypes.boxed(type);
        String name = boxed.getCanonicalName();
        return name == null ? boxed.getName() : name;
    }
}
