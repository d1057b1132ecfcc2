package dev.jitjava.internal.check;

import dev.jitjava.internal.method.ExampleSpec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a candidate's examples and checks, each on a thread of its own with a time limit, and
 * describes every failure the way the model needs to hear it: the call as written, what was
 * expected and what happened (value, or exception with the top of its stack).
 *
 * <p>A call past its time limit is interrupted and reported. Code that ignores interruption keeps
 * its (daemon) thread busy until it ends: stopping it for good needs the verifier's budgets.
 */
public final class CheckRunner {
    /** Created when the first example runs: most processes load stored methods and never run one. */
    private static final class Threads {
        private static final AtomicInteger COUNT = new AtomicInteger();
        static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "jit-check-" + COUNT.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private final Duration timeLimit;

    public CheckRunner(Duration timeLimit) {
        this.timeLimit = timeLimit;
    }

    /**
     * @param harness the defined harness class ({@link Harness})
     * @param self    the object under test: its method under test runs the candidate
     * @return one line (or a few) per failure; empty when everything passed
     */
    public List<String> run(CheckPlan plan, Class<?> harness, Object self, ClassLoader loader) {
        List<String> failures = new ArrayList<>();
        MethodHandles.Lookup lookup = dev.jitjava.internal.bind.ClassDefiner.lookupIn(harness);
        Class<?> selfType = plan.spec().owner().selfType();
        if (selfType != null) { // a host's static methods take no self
            try {
                lookup.findStaticSetter(harness, Harness.SELF, selfType).invoke(self);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot prepare the example harness", e);
            }
        }
        List<ExampleSpec> examples = plan.examples();
        for (int i = 0; i < examples.size(); i++) {
            ExampleSpec example = examples.get(i);
            String failure = runExample(example, handle(lookup, harness, "jit$example" + i),
                    example.returns().isEmpty() ? null : handle(lookup, harness, "jit$expected" + i), loader);
            if (failure != null) {
                failures.add(failure);
            }
        }
        for (Method check : plan.checks()) {
            String failure = runCheck(check, self);
            if (failure != null) {
                failures.add(failure);
            }
        }
        return failures;
    }

    private String runExample(ExampleSpec example, MethodHandle call, MethodHandle expectedValue, ClassLoader loader) {
        String name = "Example " + example.call();
        Outcome actual = timed(() -> call.invoke());
        if (actual.timedOut) {
            return name + ": did not finish within " + seconds() + " (an endless loop?)";
        }
        if (!example.thrown().isEmpty()) {
            Class<?> wanted = load(example.thrown(), loader);
            if (actual.thrown == null) {
                return name + ": expected it to throw " + example.thrown() + ", but it returned " + show(actual.value);
            }
            if (wanted != null && !wanted.isInstance(actual.thrown)) {
                return name + ": expected it to throw " + example.thrown() + ", but it threw " + describe(actual.thrown);
            }
            return null;
        }
        if (actual.thrown != null) {
            return name + ": expected " + (expectedValue == null ? "no exception" : expectedText(expectedValue))
                    + ", but it threw " + describe(actual.thrown);
        }
        if (expectedValue == null) {
            return null;
        }
        Object expected;
        try {
            expected = expectedValue.invoke();
        } catch (Throwable e) {
            throw new IllegalArgumentException("The expected value of " + name + " throws " + e, e);
        }
        return same(actual.value, expected) ? null
                : name + ": expected " + show(expected) + ", but got " + show(actual.value);
    }

    private String runCheck(Method check, Object self) {
        check.setAccessible(true);
        Outcome outcome = timed(() -> {
            try {
                return CheckPlan.isStaticCheck(check) ? check.invoke(null, self) : check.invoke(self);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        if (outcome.timedOut) {
            return "Check " + check.getName() + ": did not finish within " + seconds() + " (an endless loop?)";
        }
        return outcome.thrown == null ? null : "Check " + check.getName() + " failed: " + describe(outcome.thrown);
    }

    private String expectedText(MethodHandle expectedValue) {
        try {
            return show(expectedValue.invoke());
        } catch (Throwable e) {
            return "a value";
        }
    }

    private record Outcome(Object value, Throwable thrown, boolean timedOut) {
    }

    @FunctionalInterface
    private interface Call {
        Object call() throws Throwable;
    }

    private Outcome timed(Call call) {
        Callable<Outcome> task = () -> {
            try {
                return new Outcome(call.call(), null, false);
            } catch (Throwable thrown) {
                return new Outcome(null, thrown, false);
            }
        };
        Future<Outcome> future = Threads.EXECUTOR.submit(task);
        try {
            return future.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Outcome(null, null, true);
        } catch (ExecutionException e) {
            return new Outcome(null, e.getCause(), false);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running examples", e);
        }
    }

    private String seconds() {
        long millis = timeLimit.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static MethodHandle handle(MethodHandles.Lookup lookup, Class<?> harness, String name) {
        try {
            return lookup.findStatic(harness, name, MethodType.methodType(Object.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the example harness lacks " + name, e);
        }
    }

    /** Equal values, arrays by content, numbers by value, floating point within 1e-9 relative. */
    public static boolean same(Object actual, Object expected) {
        if (actual == null || expected == null) {
            return actual == expected;
        }
        if (actual.getClass().isArray() && expected.getClass().isArray()) {
            return Arrays.deepEquals(new Object[]{actual}, new Object[]{expected});
        }
        if (actual instanceof Number a && expected instanceof Number e && !(a instanceof BigDecimal)
                && !(e instanceof BigDecimal) && !(a instanceof java.math.BigInteger) && !(e instanceof java.math.BigInteger)) {
            if (a instanceof Double || a instanceof Float || e instanceof Double || e instanceof Float) {
                double x = a.doubleValue();
                double y = e.doubleValue();
                return x == y || Math.abs(x - y) <= 1e-9 * Math.max(1.0, Math.abs(y));
            }
            return a.longValue() == e.longValue();
        }
        return actual.equals(expected);
    }

    public static String show(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().isArray()) {
            Object[] boxed = new Object[Array.getLength(value)];
            for (int i = 0; i < boxed.length; i++) {
                boxed[i] = Array.get(value, i);
            }
            return Arrays.deepToString(boxed);
        }
        return value.toString();
    }

    /** {@code java.lang.IllegalStateException: message} and the first frames of generated code. */
    public static String describe(Throwable thrown) {
        StringBuilder text = new StringBuilder(thrown.getClass().getName());
        if (thrown.getMessage() != null) {
            text.append(": ").append(thrown.getMessage());
        }
        int shown = 0;
        for (StackTraceElement frame : thrown.getStackTrace()) {
            String type = frame.getClassName();
            if (type.equals("dev.jitjava.Jit")) {
                continue; // Jit.check itself: the check method below it is what failed
            }
            if (shown == 3 || type.startsWith("dev.jitjava.internal.check.") || type.startsWith("java.lang.invoke.")
                    || type.startsWith("java.lang.reflect.") || type.startsWith("jdk.internal.")) {
                break;
            }
            text.append("\n    at ").append(type.replaceAll("\\$jit\\d+", "")).append('.').append(frame.getMethodName())
                    .append(frame.getLineNumber() > 0 ? "(line " + frame.getLineNumber() + ")" : "");
            shown++;
        }
        return text.toString();
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
