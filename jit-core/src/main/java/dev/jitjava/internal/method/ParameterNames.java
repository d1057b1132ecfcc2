package dev.jitjava.internal.method;

import dev.jitjava.Jit;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Warns when an interface was compiled without parameter names ({@code javac} without
 * {@code -parameters}): the model then sees names made up from the types, {@code int discount(int n,
 * int n2)}, instead of the ones in the source, and guesses what each parameter means. Once per
 * interface and process: a start that loads many stored methods says it once.
 */
final class ParameterNames {
    private static final ClassValue<AtomicBoolean> WARNED = new ClassValue<>() {
        @Override
        protected AtomicBoolean computeValue(Class<?> type) {
            return new AtomicBoolean();
        }
    };

    private ParameterNames() {
    }

    /** {@code specs} are those of {@code methods}, in the same order. */
    static void warnIfSynthetic(Class<?> iface, List<Method> methods, List<MethodSpec> specs) {
        for (int i = 0; i < methods.size(); i++) {
            Method method = methods.get(i);
            if (method.getParameterCount() > 0 && !method.getParameters()[0].isNamePresent()) {
                if (WARNED.get(iface).compareAndSet(false, true)) {
                    // SLF4J is loaded only here: a start whose interfaces have their names never loads it.
                    LoggerFactory.getLogger(Jit.class).warn("{} was compiled without parameter names, so the model "
                            + "sees {} instead of the names in its source: compile it with javac's -parameters flag "
                            + "(Maven: <parameters>true</parameters> in the configuration of maven-compiler-plugin; "
                            + "Gradle: options.compilerArgs.add(\"-parameters\"))",
                            method.getDeclaringClass().getName(), specs.get(i).signature());
                }
                return;
            }
        }
    }
}
