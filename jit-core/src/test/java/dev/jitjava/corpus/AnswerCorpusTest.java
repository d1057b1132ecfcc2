package dev.jitjava.corpus;

import dev.jitjava.Capability;
import dev.jitjava.Jit;
import dev.jitjava.JitMethod;
import dev.jitjava.JitObject;
import dev.jitjava.Mode;
import dev.jitjava.test.ScriptedChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Answers in the shapes real chat models write them, one file each under {@code answers/<shape>/},
 * grouped by the shape they exercise: each must compile, bind and return the right value on its
 * first request, through the typed form ({@code jit.implement}) and the dynamic one
 * ({@code o.method(...).returns(...).call(...)}); the typed form is then loaded again from the store
 * in LOCKED mode, without the model.
 *
 * <p>A file starts with {@code #! task: <id>} (see {@link Tasks}) and, optionally,
 * {@code #! forms: typed} or {@code #! forms: dynamic}, and {@code #! allow: STATE} for an answer
 * that needs a capability granted; the rest is the answer, word for word.
 */
class AnswerCorpusTest {
    private static final String HEADER = "#! ";

    @TempDir
    static Path stores;

    private static final AtomicInteger STORES = new AtomicInteger();

    @TestFactory
    Stream<DynamicNode> corpus() throws IOException, URISyntaxException {
        Path root = Path.of(AnswerCorpusTest.class.getResource("/dev/jitjava/answers").toURI());
        List<DynamicNode> shapes = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                List<DynamicNode> answers = new ArrayList<>();
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                        answers.add(answer(file));
                    }
                }
                shapes.add(DynamicContainer.dynamicContainer(folder.getFileName().toString(), answers));
            }
        }
        return shapes.stream();
    }

    /** The tests of one answer file: one per form it is written for. */
    private static DynamicNode answer(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, String> header = new java.util.HashMap<>();
        StringBuilder answer = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(HEADER) && answer.isEmpty()) {
                String[] pair = line.substring(HEADER.length()).split(":", 2);
                header.put(pair[0].strip(), pair[1].strip());
            } else {
                answer.append(line).append('\n');
            }
        }
        Tasks.Task task = Tasks.named(header.get("task"));
        String forms = header.getOrDefault("forms", task.returns() == null ? "typed" : "typed, dynamic");
        List<DynamicNode> tests = new ArrayList<>();
        // Reports show a test's own name alone: it names the shape and the file.
        String name = file.getParent().getFileName() + "/" + file.getFileName();
        Capability[] grants = header.containsKey("allow") ? new Capability[]{Capability.valueOf(header.get("allow"))}
                : new Capability[0];
        if (forms.contains("typed")) {
            tests.add(DynamicTest.dynamicTest(name + " typed", file.toUri(),
                    () -> typed(task, answer.toString(), name, grants)));
        }
        if (forms.contains("dynamic")) {
            tests.add(DynamicTest.dynamicTest(name + " dynamic", file.toUri(),
                    () -> dynamic(task, answer.toString(), name, grants)));
        }
        return DynamicContainer.dynamicContainer(file.getFileName().toString(), file.toUri(), tests.stream());
    }

    /** A model that answers the method under test with the corpus answer, and its siblings with theirs. */
    private record Model(ScriptedChatModel chat, Map<String, AtomicInteger> requests) {
        static Model of(Tasks.Task task, String answer) {
            Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
            ScriptedChatModel chat = ScriptedChatModel.replying(request -> {
                String method = asked(request);
                requests.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
                if (method.equals(task.method())) {
                    return answer;
                }
                return task.siblings().stream().filter(s -> s.method().equals(method)).findFirst()
                        .orElseThrow(() -> new AssertionError("the model was asked for " + method)).answer();
            });
            return new Model(chat, requests);
        }

        int requestsFor(String method) {
            AtomicInteger count = requests.get(method);
            return count == null ? 0 : count.get();
        }

        /** The method a request asks for: the name in the signature line of the first request. */
        private static String asked(ChatRequest request) {
            String first = ScriptedChatModel.allText(request);
            int colon = first.indexOf(":\n\n    ", first.indexOf("Write this method"));
            String signature = first.substring(colon + 6, first.indexOf('\n', colon + 6));
            String beforeParenthesis = signature.substring(0, signature.indexOf('('));
            return beforeParenthesis.substring(beforeParenthesis.lastIndexOf(' ') + 1);
        }
    }

    private static void typed(Tasks.Task task, String answer, String file, Capability... grants) throws Throwable {
        Model model = Model.of(task, answer);
        Path store = stores.resolve("typed" + STORES.incrementAndGet());
        Object implementation = Jit.builder().store(store).model(model.chat()).maxAttempts(1).allow(grants).build()
                .implement(task.iface());
        Method method = methodOf(task);

        assertResult(task, invoke(method, implementation, task.args()), file);
        assertThat(model.requestsFor(task.method())).as("requests for %s (%s)", task.method(), file).isEqualTo(1);

        Object reloaded = Jit.builder().store(store).mode(Mode.LOCKED).allow(grants).build().implement(task.iface());
        assertResult(task, invoke(method, reloaded, task.args()), file + ", loaded from the store");
    }

    private static void dynamic(Tasks.Task task, String answer, String file, Capability... grants) {
        Model model = Model.of(task, answer);
        Path store = stores.resolve("dynamic" + STORES.incrementAndGet());
        JitObject object = Jit.builder().store(store).model(model.chat()).maxAttempts(1).allow(grants).build()
                .object("corpus");
        for (Tasks.Sibling sibling : task.siblings()) {
            object.method(sibling.method()).returns(sibling.returns()).call(sibling.args());
        }
        JitMethod<Object> method = object.method(task.method()).parameters(task.names().toArray(String[]::new))
                .returns(task.returns());

        assertResult(task, method.call(task.args()), file);
        assertThat(model.requestsFor(task.method())).as("requests for %s (%s)", task.method(), file).isEqualTo(1);
    }

    private static Method methodOf(Tasks.Task task) {
        return Stream.of(task.iface().getMethods()).filter(m -> m.getName().equals(task.method())).findFirst()
                .orElseThrow();
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void assertResult(Tasks.Task task, Object actual, String where) {
        if (task.expected() instanceof Double expected) {
            assertThat((Double) actual).as(where).isCloseTo(expected, within(1e-9));
        } else {
            assertThat(actual).as(where).isEqualTo(task.expected());
        }
    }

    static {
        // Fail fast on a missing folder rather than with an empty container.
        if (AnswerCorpusTest.class.getResource("/dev/jitjava/answers") == null) {
            throw new UncheckedIOException(new IOException("no answers folder on the test class path"));
        }
    }
}
