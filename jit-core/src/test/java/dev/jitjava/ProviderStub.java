package dev.jitjava;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A model server on 127.0.0.1 (free port) that answers from a script in a provider's real wire
 * format and records every request. Close it to stop it; a reply held back to provoke a timeout
 * is released then, so no thread outlives the test.
 */
final class ProviderStub implements AutoCloseable, org.junit.jupiter.api.extension.AfterEachCallback {

    /** One scripted reply. */
    record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
        static Reply ok(String body) {
            return new Reply(200, Map.of(), body, 0);
        }

        static Reply status(int status, String body) {
            return new Reply(status, Map.of(), body, 0);
        }
    }

    /** One recorded request. */
    record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    ProviderStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A started stub; unchecked, so that it can initialise a field. */
    static ProviderStub start() {
        try {
            return new ProviderStub();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The environment that points {@code Jit.create()} at this stub as {@code provider}'s server. */
    Map<String, String> environment(String provider, String key, java.nio.file.Path store) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("JIT_STORE", store.toString());
        env.put("JIT_MODEL", provider + ":" + modelOf(provider));
        switch (provider) {
            case "openai" -> {
                env.put("OPENAI_API_KEY", key);
                env.put("OPENAI_BASE_URL", url() + "/v1");
            }
            case "anthropic" -> {
                env.put("ANTHROPIC_API_KEY", key);
                env.put("ANTHROPIC_BASE_URL", url());
            }
            case "gemini" -> {
                env.put("GEMINI_API_KEY", key);
                env.put("GEMINI_BASE_URL", url() + "/v1beta");
            }
            default -> env.put("OLLAMA_BASE_URL", url());
        }
        return env;
    }

    /** The model each provider's stub configuration names. */
    static String modelOf(String provider) {
        return switch (provider) {
            case "openai" -> "gpt-test";
            case "anthropic" -> "claude-test";
            case "gemini" -> "gemini-test";
            default -> "qwen2.5-coder:7b";
        };
    }

    synchronized ProviderStub then(Reply reply) {
        replies.addLast(reply);
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Reply reply;
        synchronized (this) {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
            reply = replies.isEmpty() ? Reply.status(500, "{\"error\":\"the stub has no reply left\"}")
                    : replies.removeFirst();
        }
        if (reply.delayMillis() > 0) {
            try {
                closing.await(reply.delayMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        reply.headers().forEach(exchange.getResponseHeaders()::add);
        try {
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        }
    }

    /** As a JUnit extension ({@code @RegisterExtension}), the stub stops after each test. */
    @Override
    public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
