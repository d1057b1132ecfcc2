package dev.jitjava.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The seed demo in a real {@code jit shell} process, configured only through its environment
 * (JIT_MODEL=openai:..., OPENAI_BASE_URL at a chat-completions stub on 127.0.0.1), with snippets
 * piped in.
 */
class ShellProcessTest {
    @TempDir
    Path work;

    private static final String ANSWER = "```java\\nstatic void printOddNumbersInList(List<Integer> numbers) {\\n"
            + "    for (int n : numbers) if (n % 2 != 0) System.out.println(n);\\n}\\n```";

    @Test
    void seedDemo_throughTheEnvironment_andAnOpenAiCompatibleStub() throws Exception {
        List<String> requests = new ArrayList<>();
        HttpServer server = stub(requests);
        try {
            Run run = shell(server, javaCommand(), true);

            assertThat(run.exitValue()).as(run.stderr()).isZero();
            assertThat(run.stdout()).isEqualTo("1\n3\n5\n");
            assertThat(run.stderr()).contains("jit: writing session.printOddNumbersInList(List) with openai:stub-model...");
            assertThat(requests).hasSize(1);
            assertThat(requests.get(0)).contains("stub-model").contains("printOddNumbersInList");
        } finally {
            server.stop(0);
        }
    }

    /** The same session on a pseudo-terminal (util-linux {@code script}): lines are read with JLine, the spinner is drawn, then erased. */
    @Test
    void seedDemo_onAPseudoTerminal() throws Exception {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script), "util-linux script is needed for a pseudo-terminal");
        List<String> requests = new ArrayList<>();
        HttpServer server = stub(requests);
        try {
            Run run = shell(server, List.of(script.toString(), "-qec", quoted(javaCommand()), "/dev/null"), false);

            assertThat(run.exitValue()).as(run.stdout()).isZero();
            assertThat(run.stdout()).contains("jshell> ")
                    .contains("| writing session.printOddNumbersInList(List) with openai:stub-model 0.")
                    .contains("\033[K|  created method printOddNumbersInList(List), written by the model and stored\r\n"
                            + "1\r\n3\r\n5\r\n");
            assertThat(requests).hasSize(1);
            // read through JLine, which keeps the history
            assertThat(Files.readString(work.resolve(".jit/shell_history")))
                    .contains("printOddNumbersInList(List.of(1, 2, 3, 4, 5));");
        } finally {
            server.stop(0);
        }
    }

    /** Ctrl-C typed on the terminal while the model works: the writing stops, nothing is stored, the prompt comes back. */
    @Test
    void ctrlCWhileTheModelWorks_storesNothing_andThePromptComesBack() throws Exception {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script), "util-linux script is needed for a pseudo-terminal");
        List<String> requests = new ArrayList<>();
        CountDownLatch hold = new CountDownLatch(1);
        HttpServer server = stub(requests, hold);
        Process process = null;
        try {
            ProcessBuilder builder = configured(new ProcessBuilder(script.toString(), "-qec", quoted(javaCommand()),
                    "/dev/null"), server).redirectError(ProcessBuilder.Redirect.DISCARD);
            process = builder.start();
            OutputStream in = process.getOutputStream();
            in.write("printOddNumbersInList(List.of(1, 2, 3));\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            for (int waited = 0; requestCount(requests) == 0 && waited < 600; waited++) {
                Thread.sleep(100);
            }
            assertThat(requestCount(requests)).as("the model was asked").isEqualTo(1);
            Thread.sleep(300);
            in.write(3);
            in.flush();
            Thread.sleep(500);
            in.write("6 * 7\n/exit\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(out).isZero();
            assertThat(out).contains("|  Stopped; nothing half-written was stored.").contains(" ==> 42");
            try (var stored = Files.walk(work.resolve(".jit"))) {
                assertThat(stored.filter(Files::isRegularFile).map(Path::getFileName).map(Path::toString))
                        .noneMatch(name -> name.endsWith(".java") || name.endsWith(".json"));
            }
        } finally {
            hold.countDown();
            if (process != null) {
                process.destroyForcibly();
            }
            server.stop(0);
        }
    }

    private static int requestCount(List<String> requests) {
        synchronized (requests) {
            return requests.size();
        }
    }

    /**
     * The command line for {@code script -c}, which runs it through {@code $SHELL -c}: {@code exec} puts the JVM in
     * the shell's place, since a shell such as dash that waits for it would itself die of the Ctrl-C the test
     * types and make {@code script} report 130 for a JVM that stopped the snippet and carried on.
     */
    private static String quoted(List<String> command) {
        return "exec " + command.stream().map(word -> "'" + word.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }

    /** Runs in the temp directory, configured only through the environment, with the stub as the model. */
    private ProcessBuilder configured(ProcessBuilder builder, HttpServer server) {
        builder.directory(work.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("JIT_") || name.endsWith("_API_KEY")
                || name.endsWith("_BASE_URL"));
        builder.environment().put("JIT_MODEL", "openai:stub-model");
        builder.environment().put("OPENAI_API_KEY", "sk-test");
        builder.environment().put("OPENAI_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        builder.environment().put("JIT_CALLER_DIR", work.toString());
        builder.environment().put("SHELL", "/bin/sh");
        return builder;
    }

    private record Run(int exitValue, String stdout, String stderr) {
    }

    private List<String> javaCommand() {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(javaBinary, "-Duser.home=" + work, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "shell");
    }

    private Run shell(HttpServer server, List<String> command, boolean separateStderr) throws Exception {
        ProcessBuilder builder = configured(new ProcessBuilder(command), server);
        Path stderr = work.resolve("stderr.txt");
        builder.redirectError(separateStderr ? ProcessBuilder.Redirect.to(stderr.toFile()) : ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write("printOddNumbersInList(List.of(1, 2, 3, 4, 5));\n/exit\n".getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Run(process.exitValue(), out, separateStderr ? Files.readString(stderr) : "");
        } finally {
            process.destroyForcibly();
        }
    }

    /** A chat-completions endpoint on 127.0.0.1 that answers slowly enough for a spinner to be seen. */
    private static HttpServer stub(List<String> requests) throws Exception {
        return stub(requests, new CountDownLatch(0));
    }

    /** @param hold the stub answers only once this opens (or 300 ms later, whichever comes last) */
    private static HttpServer stub(List<String> requests, CountDownLatch hold) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            synchronized (requests) {
                requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            try {
                Thread.sleep(300);
                hold.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"stub-model\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + ANSWER + "\"},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,"
                    + "\"total_tokens\":2}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
