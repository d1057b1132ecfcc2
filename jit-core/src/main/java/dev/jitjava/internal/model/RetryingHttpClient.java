package dev.jitjava.internal.model;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The HTTP transport under every provider: the JDK's client, with jit-java's {@link RetryPolicy}.
 * Failed statuses become LangChain4j's {@link HttpException}, which each provider maps to its
 * typed exceptions; timeouts become {@link TimeoutException}. Streaming, which jit-java does not
 * use, goes to LangChain4j's own JDK client unchanged.
 */
public final class RetryingHttpClient implements HttpClient {
    private final java.net.http.HttpClient jdk;
    private final Duration readTimeout;
    private final RetryPolicy policy;
    private final HttpClient streaming;

    private RetryingHttpClient(Builder builder) {
        java.net.http.HttpClient.Builder jdkBuilder = java.net.http.HttpClient.newBuilder();
        if (builder.connectTimeout != null) {
            jdkBuilder.connectTimeout(builder.connectTimeout);
        }
        this.jdk = jdkBuilder.build();
        this.readTimeout = builder.readTimeout;
        this.policy = builder.policy;
        this.streaming = JdkHttpClient.builder().connectTimeout(builder.connectTimeout).readTimeout(builder.readTimeout)
                .build();
    }

    /** What the providers' {@code httpClientBuilder(...)} receives. */
    public static final class Builder implements HttpClientBuilder {
        private final RetryPolicy policy;
        private Duration connectTimeout;
        private Duration readTimeout;

        public Builder(RetryPolicy policy) {
            this.policy = policy;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new RetryingHttpClient(this);
        }
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            return streaming.execute(request); // multipart uploads: not a chat request, no retries needed
        }
        java.net.http.HttpRequest jdkRequest = toJdk(request);
        for (int retry = 0; ; retry++) {
            try {
                HttpResponse<String> response = jdk.send(jdkRequest, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return SuccessfulHttpResponse.builder().statusCode(status).headers(response.headers().map())
                            .body(response.body()).build();
                }
                Duration retryAfter = retryAfter(response).orElse(null);
                boolean tooLong = retryAfter != null && retryAfter.compareTo(RetryPolicy.MAX_WAIT) > 0;
                if (!RetryPolicy.retriable(status) || retry >= policy.maxRetries() || tooLong) {
                    throw new HttpException(status, describeFailure(status, response.body(), retry, retryAfter));
                }
                policy.sleep(policy.delay(retry, retryAfter));
            } catch (HttpTimeoutException e) {
                throw new TimeoutException("no answer from " + request.url() + " within " + readTimeout, e);
            } catch (IOException e) {
                if (retry >= policy.maxRetries()) {
                    throw new ModelConnectionException("cannot reach " + request.url() + " (" + e + ") after "
                            + (retry + 1) + (retry == 0 ? " try" : " tries"), e);
                }
                sleep(policy.delay(retry, null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelConnectionException("interrupted while calling " + request.url(), e);
            }
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        streaming.execute(request, parser, listener);
    }

    private void sleep(Duration duration) {
        try {
            policy.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelConnectionException("interrupted while waiting to retry", e);
        }
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        builder.method(request.method().name(), request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        if (readTimeout != null) {
            builder.timeout(readTimeout);
        }
        return builder.build();
    }

    private static String describeFailure(int status, String body, int retries, Duration retryAfter) {
        String text = body == null ? "" : body.strip();
        if (retries > 0) {
            text += " (after " + retries + (retries == 1 ? " retry)" : " retries)");
        }
        if (retryAfter != null && retryAfter.compareTo(RetryPolicy.MAX_WAIT) > 0) {
            text += " (the server asked to wait " + retryAfter.toSeconds() + " s, longer than jit-java waits)";
        }
        return text;
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    public static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            String trimmed = value.strip();
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }
}
