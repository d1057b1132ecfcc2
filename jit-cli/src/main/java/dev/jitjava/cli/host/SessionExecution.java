package dev.jitjava.cli.host;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * JShell's local execution, with a gate on every class it loads: the classes that hold methods the
 * model wrote pass through jit-java's engine (verified, and instrumented with the budgets) before
 * they are defined, so that the bytes that run are the bytes that were checked. Everything else
 * (the user's own snippets) loads as JShell compiled it.
 */
final class SessionExecution implements ExecutionControlProvider {
    /** Thrown by the gate: the classes may not be defined. */
    static final class Refused extends RuntimeException {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final UnaryOperator<Map<String, byte[]>> gate;

    /** @param gate given the classes of one load by binary name, the classes to define instead; throws {@link Refused} */
    SessionExecution(UnaryOperator<Map<String, byte[]>> gate) {
        this.gate = gate;
    }

    @Override
    public String name() {
        return "jit-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return new Gated();
    }

    private final class Gated extends LocalExecutionControl {
        @Override
        public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException,
                EngineTerminationException {
            Map<String, byte[]> given = new LinkedHashMap<>();
            for (ClassBytecodes one : classes) {
                given.put(one.name(), one.bytecodes());
            }
            Map<String, byte[]> gated;
            try {
                gated = gate.apply(given);
            } catch (RuntimeException e) {
                throw new ClassInstallException(e.getMessage(), new boolean[classes.length]);
            }
            ClassBytecodes[] checked = new ClassBytecodes[classes.length];
            for (int i = 0; i < classes.length; i++) {
                checked[i] = new ClassBytecodes(classes[i].name(), gated.get(classes[i].name()));
            }
            super.load(checked);
        }
    }
}
