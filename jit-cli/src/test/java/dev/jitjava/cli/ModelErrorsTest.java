package dev.jitjava.cli;

import com.sun.net.httpserver.HttpServer;
import dev.jitjava.spi.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a model's HTTP errors look like through {@code jit run}: the library's clear messages naming the
 * model, the status and what to check, never the server's JSON body or the key.
 */
class ModelErrorsTest {
    private static final String KEY = "sk-test-never-shown-0123456789";

    @TempDir
    Path work;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int status;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\",\"type\":\"x\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String run(int httpStatus) throws IOException {
        status = httpStatus;
        Files.writeString(work.resolve("Words.java"), """
                public class Words {
                    public static void main(String[] args) {
                        System.out.println(countVowels("education"));
                    }
                }
                """);
        Map<String, String> environment = Map.of("JIT_MODEL", "openai:gpt-test", "OPENAI_API_KEY", KEY,
                "OPENAI_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "JIT_MAX_RETRIES", "1",
                "JIT_TIMEOUT", "5s");
        JitCommand command = new JitCommand(work);
        command.environment.putAll(environment);
        int exit = command.run(Configuration.of(environment, work, work, url -> null).model(), "", "run", "Words.java");
        assertThat(exit).isEqualTo(ExitCodes.FAILURE);
        return command.err();
    }

    @Test
    void unauthorized_isTheLibrarysMessage_withoutTheBodyOrTheKey() throws IOException {
        String err = run(401);

        assertThat(err).contains("refused the API key (HTTP 401)").contains("OPENAI_API_KEY")
                .contains("Words.countVowels(String)").doesNotContain("{\"error\"").doesNotContain(KEY);
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void serviceUnavailable_afterRetries_isTheLibrarysMessage_withoutTheBody() throws IOException {
        String err = run(503);

        assertThat(err).contains("HTTP 503").contains(": Incorrect API key provided: ***")
                .contains("Words.countVowels(String)").doesNotContain("{\"error\"")
                .doesNotContain(KEY);
        assertThat(requests.get()).isEqualTo(2);
    }
}
