package dev.jitjava.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

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
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            synchronized (requests) {
                requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
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
        Process process = null;
        try {
            String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(javaBinary, "-Duser.home=" + work, "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "shell").directory(work.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("JIT_") || name.endsWith("_API_KEY")
                    || name.endsWith("_BASE_URL"));
            builder.environment().put("JIT_MODEL", "openai:stub-model");
            builder.environment().put("OPENAI_API_KEY", "sk-test");
            builder.environment().put("OPENAI_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
            builder.environment().put("JIT_CALLER_DIR", work.toString());
            builder.redirectError(work.resolve("stderr.txt").toFile());
            process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write("printOddNumbersInList(List.of(1, 2, 3, 4, 5));\n/exit\n".getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(java.nio.file.Files.readString(work.resolve("stderr.txt"))).isZero();
            assertThat(out).isEqualTo("1\n3\n5\n");
            assertThat(requests).hasSize(1);
            assertThat(requests.get(0)).contains("stub-model").contains("printOddNumbersInList");
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            server.stop(0);
        }
    }
}
