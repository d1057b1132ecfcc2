package dev.jitjava.heldout;

import dev.jitjava.Jit;
import dev.jitjava.JitException;
import dev.jitjava.JitMethod;
import dev.jitjava.JitObject;
import dev.jitjava.internal.method.ArgumentTypes;
import dev.jitjava.test.ScriptedChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Held-out benchmark tasks, as they reach a chat model and as models answer them: MultiPL-E's
 * HumanEval-Java and MBPP-Java prompts ({@code class Problem}, {@code long}, {@code ArrayList<Long>},
 * {@code Optional<Long>}, javatuples' {@code Pair}, {@code float}), LeetCode's {@code class Solution}
 * and its {@code ListNode}s and {@code TreeNode}s, each answered in a shape real models write (see
 * {@code heldout/README.md}). The model gives the same answer however often it is asked, so a repair
 * turn cannot help: every correct answer must pass on its first request, through the typed form
 * ({@code jit.implement}) and the dynamic one ({@code jit.object(...).call(R.class, ...)} or
 * {@code .method(...).parameters(...).returns(...)}). An answer marked {@code #! correct: no} (one
 * Java's conversions cannot serve: {@code int[]} for {@code List<Integer>}, a {@code long} result
 * where {@code int} was asked) may fail, but only with a {@link JitException} naming its method,
 * never with a wrong result.
 *
 * <p>The tasks' interfaces are compiled together, once, into a class loader of their own (package
 * {@code bench}, with {@code ListNode} and {@code TreeNode} beside them); one Jit serves every typed
 * task and one every dynamic task, each task on a {@code JitObject} of its own.
 */
class HeldOutAnswersTest {
    private static final String PACKAGE = "bench";
    private static final Pattern ASKED = Pattern.compile("Write this method of (?:interface [\\w.$]*\\.|the object `)(\\w+)");

    @TempDir
    static Path work;

    private static final Map<String, HeldOutTask> BY_TYPE = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> REQUESTS = new ConcurrentHashMap<>();
    private static final Map<String, String> OUTCOMES = new TreeMap<>();
    private static ClassLoader tasks;
    private static Jit typed;
    private static Jit dynamic;

    @BeforeAll
    static void compileTasks() throws IOException, URISyntaxException, ClassNotFoundException {
        List<HeldOutTask> all = load();
        all.forEach(task -> BY_TYPE.put(task.type(), task));
        Path sources = Files.createDirectories(work.resolve("src/" + PACKAGE));
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-parameters", "-proc:none", "-d", classes.toString(),
                "-cp", location("org.javatuples.Pair")));
        for (String type : List.of("ListNode", "TreeNode")) {
            Path file = sources.resolve(type + ".java");
            Files.writeString(file, resource(type + ".java"));
            arguments.add(file.toString());
        }
        for (HeldOutTask task : all) {
            Path file = sources.resolve(task.type() + ".java");
            Files.writeString(file, task.source(PACKAGE));
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = javac.run(null, null, errors, arguments.toArray(String[]::new));
        assertThat(exit).as("the tasks compile:\n%s", errors.toString(StandardCharsets.UTF_8)).isZero();
        tasks = new URLClassLoader(new URL[]{classes.toUri().toURL()}, HeldOutAnswersTest.class.getClassLoader());
        ScriptedChatModel model = ScriptedChatModel.replying(HeldOutAnswersTest::answer);
        typed = Jit.builder().store(work.resolve("typed")).model(model).maxAttempts(1).build();
        dynamic = Jit.builder().store(work.resolve("dynamic")).model(model).maxAttempts(1).build();
    }

    /** The numbers, for the report: tasks, and what failed where. */
    @AfterAll
    static void summary() {
        long failures = OUTCOMES.values().stream().filter(o -> o.startsWith("FAIL")).count();
        System.out.println("[held-out] " + BY_TYPE.size() + " tasks, " + OUTCOMES.size() + " runs, " + failures
                + " failed");
        OUTCOMES.forEach((run, outcome) -> {
            if (!outcome.equals("ok")) {
                System.out.println("[held-out] " + run + ": " + outcome);
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> heldOut() {
        Map<String, List<DynamicNode>> byShape = new TreeMap<>();
        BY_TYPE.values().stream().sorted(java.util.Comparator.comparing(HeldOutTask::id)).forEach(task -> {
            List<DynamicTest> forms = new ArrayList<>();
            forms.add(DynamicTest.dynamicTest(task.id() + " typed", () -> run(task, "typed", () -> typed(task))));
            if (!task.dynamic().equals("none")) {
                forms.add(DynamicTest.dynamicTest(task.id() + " dynamic", () -> run(task, "dynamic", () -> dynamic(task))));
            }
            byShape.computeIfAbsent(task.shape(), s -> new ArrayList<>())
                    .add(DynamicContainer.dynamicContainer(task.id(), forms.stream()));
        });
        return byShape.entrySet().stream().map(e -> DynamicContainer.dynamicContainer(e.getKey(), e.getValue().stream()));
    }

    private interface Form {
        void run() throws Throwable;
    }

    /** Runs one form of a task; an answer that is not correct may instead fail with a JitException naming it. */
    private static void run(HeldOutTask task, String form, Form body) throws Throwable {
        String run = task.id() + " " + form;
        try {
            body.run();
            if (REQUESTS.containsKey(task.type() + " " + form)) {
                assertThat(REQUESTS.get(task.type() + " " + form).get()).as("requests for %s", run).isEqualTo(1);
            }
            record(run, "ok");
        } catch (JitException refused) {
            if (!task.correct() && refused.getMessage().contains(task.method())) {
                record(run, "ok");
                return;
            }
            record(run, "FAIL " + firstLine(refused));
            throw refused;
        } catch (Throwable failed) {
            record(run, "FAIL " + firstLine(failed));
            throw failed;
        }
    }

    private static synchronized void record(String run, String outcome) {
        OUTCOMES.put(run, outcome);
    }

    private static String firstLine(Throwable failed) {
        String message = String.valueOf(failed.getMessage());
        int cut = message.indexOf('\n', 0);
        return failed.getClass().getSimpleName() + ": " + (cut < 0 ? message : message.substring(0, Math.min(cut, 300)));
    }

    private static void typed(HeldOutTask task) throws Throwable {
        Class<?> iface = Class.forName(PACKAGE + "." + task.type(), true, tasks);
        Method method = Stream.of(iface.getMethods()).filter(m -> m.getName().equals(task.method())
                && Modifier.isAbstract(m.getModifiers())).findFirst().orElseThrow();
        Object implementation = typed.implement(iface);
        check(task, "typed", arguments -> invoke(method, implementation, arguments));
    }

    private static void dynamic(HeldOutTask task) throws Throwable {
        Class<?> iface = Class.forName(PACKAGE + "." + task.type(), true, tasks);
        Method method = Stream.of(iface.getMethods()).filter(m -> m.getName().equals(task.method())).findFirst()
                .orElseThrow();
        JitObject object = dynamic.object(task.type());
        Class<?> returns = ArgumentTypes.boxed(method.getReturnType());
        if (task.dynamic().equals("call")) {
            check(task, "dynamic", arguments -> method.getReturnType() == void.class
                    ? object.call(task.method(), arguments) : object.call(returns, task.method(), arguments));
        } else {
            String[] names = Stream.of(method.getParameters()).map(java.lang.reflect.Parameter::getName)
                    .toArray(String[]::new);
            JitMethod<Object> described = object.method(task.method()).parameters(names);
            JitMethod<Object> typedCall = method.getReturnType() == void.class ? described
                    : described.returns(method.getGenericReturnType());
            check(task, "dynamic", typedCall::call);
        }
    }

    private interface Caller {
        Object call(Object[] arguments) throws Throwable;
    }

    private static void check(HeldOutTask task, String form, Caller caller) throws Throwable {
        Class<?> calls = Class.forName(PACKAGE + "." + task.type() + "_Calls", true, tasks);
        for (int i = 0; i < task.calls().size(); i++) {
            HeldOutTask.Call call = task.calls().get(i);
            Object[] arguments = (Object[]) staticCall(calls, (form.equals("dynamic") ? "dynamicArguments" : "arguments") + i);
            String where = task.id() + " " + form + ", call " + (i + 1) + " ("
                    + (form.equals("dynamic") ? call.dynamicArguments() : call.arguments()) + ")";
            if (call.thrown() != null) {
                try {
                    Object result = caller.call(arguments);
                    fail("%s returned %s, expected %s to be thrown", where, result, call.thrown());
                } catch (JitException e) {
                    throw e;
                } catch (Throwable thrown) {
                    assertThat(thrown.getClass().getSimpleName()).as("%s: %s", where, thrown).isEqualTo(call.thrown());
                }
                continue;
            }
            Object result = caller.call(arguments);
            Object expected = staticCall(calls, "expected" + i);
            if (expected instanceof Double || expected instanceof Float) {
                assertThat(result).as(where).isInstanceOf(expected.getClass());
                double wanted = ((Number) expected).doubleValue();
                assertThat(((Number) result).doubleValue()).as(where)
                        .isCloseTo(wanted, org.assertj.core.api.Assertions.within(1e-6 * Math.max(1, Math.abs(wanted))));
            } else {
                assertThat(Objects.deepEquals(result, expected)).as("%s: got %s, expected %s", where, show(result),
                        show(expected)).isTrue();
            }
        }
    }

    private static String show(Object value) {
        return value instanceof Object[] array ? java.util.Arrays.deepToString(array)
                : value != null && value.getClass().isArray() ? java.util.Arrays.deepToString(new Object[]{value})
                : String.valueOf(value);
    }

    private static Object staticCall(Class<?> type, String name) throws ReflectiveOperationException {
        Method method = type.getDeclaredMethod(name);
        method.setAccessible(true);
        return method.invoke(null);
    }

    private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The model: the task's answer, the same for every request; each task and form counted apart. */
    private static String answer(ChatRequest request) {
        String first = ScriptedChatModel.allText(request);
        Matcher asked = ASKED.matcher(first);
        if (!asked.find()) {
            throw new AssertionError("not a request for a method:\n" + first);
        }
        HeldOutTask task = BY_TYPE.get(asked.group(1));
        if (task == null) {
            throw new AssertionError("no task " + asked.group(1));
        }
        String form = first.contains("the object `") ? "dynamic" : "typed";
        REQUESTS.computeIfAbsent(task.type() + " " + form, k -> new AtomicInteger()).incrementAndGet();
        return task.answer();
    }

    private static List<HeldOutTask> load() throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(HeldOutAnswersTest.class.getResource("/dev/jitjava/heldout"),
                "no heldout folder on the test class path").toURI());
        List<HeldOutTask> all = new ArrayList<>();
        try (Stream<Path> suites = Files.list(root)) {
            for (Path suite : suites.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(suite)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                        all.add(HeldOutTask.read(suite.getFileName().toString(), file));
                    }
                }
            }
        }
        return all;
    }

    private static String resource(String name) throws IOException {
        try (var in = Objects.requireNonNull(HeldOutAnswersTest.class.getResourceAsStream("/dev/jitjava/heldout/" + name),
                name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Where a class of the test class path comes from: javatuples, which MultiPL-E's prompts import. */
    private static String location(String className) throws URISyntaxException, ClassNotFoundException {
        Class<?> type = Class.forName(className, false, HeldOutAnswersTest.class.getClassLoader());
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
