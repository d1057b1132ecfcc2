package dev.jitjava.internal.observe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.jitjava.Diagnostic;
import dev.jitjava.internal.store.Metadata;
import dev.jitjava.internal.tools.ToolChat;
import dev.jitjava.spi.JitListener;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One generation as it happens: its conversation with the model, turned into the transcript
 * (JSON Lines, one object a line, in the order things happened), and its figures (requests,
 * attempts, tool calls, tokens per request, cost, duration), which the metadata, the JFR event and
 * the listeners take from here.
 *
 * <p>Each message is written once, when it first goes out or comes in ({@code "type":"message"},
 * with its {@code index} in the conversation); a message jit-java changed before sending it again
 * (a model found unable to call tools is sent the type descriptions instead) is written again with
 * the same index. A {@code request} says how many messages it carried and which tools it offered,
 * so the request as sent is the messages {@code 0..messages-1}, each as last written before it. A
 * {@code response} has its time, tokens and cost; {@code problems} what the answer's checks found,
 * fed back in the next user message. No header, key or token of the configuration is ever written:
 * what the configuration holds as a secret is replaced by {@code [redacted]} wherever it appears.
 *
 * <p>Used by the thread that runs the generation.
 */
public final class Conversation implements ToolChat.Watch {
    private static final JsonFactory JSON = new JsonFactory();
    static final String REDACTED = "[redacted]";

    private final String method;
    private final Observing observing;
    private final Object jfrEvent;
    private final long startNanos = System.nanoTime();
    private final List<String> lines = new ArrayList<>();
    private final List<ChatMessage> written = new ArrayList<>();
    private final List<Metadata.Tokens> requestTokens = new ArrayList<>();
    private Set<String> secrets;
    private String model = "";
    private int attempt;
    private int requests;
    private int toolCalls;
    private long requestStart;
    private long input;
    private long output;
    private double cost;
    private boolean priced;
    private boolean reported;

    Conversation(String method, Observing observing, Object jfrEvent) {
        this.method = method;
        this.observing = observing;
        this.jfrEvent = jfrEvent;
        line(json -> {
            json.writeStringField("type", "generation");
            json.writeStringField("method", method);
            json.writeStringField("started", Instant.now().toString());
        });
    }

    Object jfrEvent() {
        return jfrEvent;
    }

    public String method() {
        return method;
    }

    /** The model being asked, as messages name it; may change once a response names it. */
    public void model(String label) {
        this.model = label;
    }

    public String model() {
        return model;
    }

    /** The answer asked for from now on: 1 for the first, then each repair. */
    public void attempt(int number) {
        this.attempt = number;
    }

    @Override
    public void requesting(List<ChatMessage> messages, List<ToolSpecification> tools) {
        sync(messages);
        requests++;
        requestStart = System.nanoTime();
        int number = requests;
        line(json -> {
            json.writeStringField("type", "request");
            json.writeNumberField("number", number);
            json.writeNumberField("attempt", attempt);
            json.writeNumberField("messages", messages.size());
            json.writeArrayFieldStart("tools");
            for (ToolSpecification tool : tools) {
                json.writeString(tool.name());
            }
            json.writeEndArray();
        });
    }

    @Override
    public void answered(ChatResponse response) {
        long millis = (System.nanoTime() - requestStart) / 1_000_000;
        TokenUsage usage = response.tokenUsage();
        Metadata.Tokens tokens = usage == null ? null : new Metadata.Tokens(count(usage.inputTokenCount()),
                count(usage.outputTokenCount()));
        requestTokens.add(tokens == null ? new Metadata.Tokens(0, 0) : tokens);
        OptionalDouble requestCost = tokens == null ? OptionalDouble.empty()
                : observing.prices().cost(Arrays.asList(model, response.modelName()), tokens.input(), tokens.output());
        if (tokens != null) {
            reported = true;
            input += tokens.input();
            output += tokens.output();
        }
        if (requestCost.isPresent()) {
            cost += requestCost.getAsDouble();
            priced = true;
        }
        AiMessage message = response.aiMessage();
        int calls = message == null || !message.hasToolExecutionRequests() ? 0 : message.toolExecutionRequests().size();
        toolCalls += calls;
        int number = requests;
        line(json -> {
            json.writeStringField("type", "response");
            json.writeNumberField("number", number);
            json.writeNumberField("millis", millis);
            if (response.modelName() != null) {
                json.writeStringField("model", response.modelName());
            }
            if (response.finishReason() != null) {
                json.writeStringField("finishReason", response.finishReason().name().toLowerCase(Locale.ROOT));
            }
            if (tokens != null) {
                json.writeNumberField("inputTokens", tokens.input());
                json.writeNumberField("outputTokens", tokens.output());
            }
            if (requestCost.isPresent()) {
                json.writeNumberField("cost", requestCost.getAsDouble());
            }
            json.writeNumberField("toolCalls", calls);
        });
    }

    /** What the last response cost, for the process's usage: empty when its model has no price. */
    public OptionalDouble costOf(ChatResponse response) {
        TokenUsage usage = response.tokenUsage();
        return usage == null ? OptionalDouble.empty() : observing.prices().cost(Arrays.asList(model,
                response.modelName()), count(usage.inputTokenCount()), count(usage.outputTokenCount()));
    }

    @Override
    public void failed(RuntimeException failure, boolean retried) {
        long millis = (System.nanoTime() - requestStart) / 1_000_000;
        int number = requests;
        line(json -> {
            json.writeStringField("type", "error");
            json.writeNumberField("number", number);
            json.writeNumberField("millis", millis);
            json.writeStringField("message", String.valueOf(failure.getMessage()));
            json.writeBooleanField("retried", retried);
        });
    }

    /** The conversation's messages as they are now: writes those not written yet (at the end, the last answer). */
    public void sync(List<ChatMessage> messages) {
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            if (i < written.size() && Objects.equals(written.get(i), message)) {
                continue;
            }
            boolean replaces = i < written.size();
            if (replaces) {
                written.set(i, message);
            } else {
                written.add(message);
            }
            int index = i;
            line(json -> message(json, index, replaces, message));
        }
    }

    /** What an answer's checks found, fed back to the model in the next user message. */
    public void fedBack(List<Diagnostic> problems) {
        int number = attempt;
        line(json -> {
            json.writeStringField("type", "problems");
            json.writeNumberField("attempt", number);
            json.writeArrayFieldStart("problems");
            for (Diagnostic problem : problems) {
                json.writeStartObject();
                json.writeStringField("code", problem.code());
                json.writeNumberField("line", problem.line());
                json.writeStringField("message", problem.message());
                if (problem.sourceLine() != null && !problem.sourceLine().isBlank()) {
                    json.writeStringField("source", problem.sourceLine());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    /** The answers asked for so far. */
    public int attempts() {
        return attempt;
    }

    /** Tokens of each request, in order (0 and 0 where the model did not say). */
    public List<Metadata.Tokens> requestTokens() {
        return List.copyOf(requestTokens);
    }

    /** The tokens all requests took, or null when no response reported any. */
    public Metadata.Tokens tokens() {
        return reported ? new Metadata.Tokens(input, output) : null;
    }

    /** The cost of the requests whose model has a price. */
    public OptionalDouble cost() {
        return priced ? OptionalDouble.of(cost) : OptionalDouble.empty();
    }

    /** The figures of the generation, ended now. */
    public JitListener.Generation figures(JitListener.Outcome outcome, int version) {
        return new JitListener.Generation(method, model, outcome, version, attempt, toolCalls, input, output,
                Duration.ofNanos(System.nanoTime() - startNanos), cost());
    }

    /**
     * The transcript, ended with the generation's figures.
     *
     * @param problem why it failed, or null
     */
    public String transcript(JitListener.Generation figures, String problem) {
        line(json -> {
            json.writeStringField("type", "outcome");
            json.writeStringField("outcome", JfrEvents.text(figures.outcome()));
            if (figures.version() > 0) {
                json.writeNumberField("version", figures.version());
            }
            json.writeStringField("model", figures.model());
            json.writeNumberField("attempts", figures.attempts());
            json.writeNumberField("requests", requests);
            json.writeNumberField("toolCalls", figures.toolCalls());
            json.writeNumberField("inputTokens", figures.inputTokens());
            json.writeNumberField("outputTokens", figures.outputTokens());
            if (figures.cost().isPresent()) {
                json.writeNumberField("cost", figures.cost().getAsDouble());
            }
            json.writeNumberField("millis", figures.duration().toMillis());
            if (problem != null) {
                json.writeStringField("problem", problem);
            }
        });
        return String.join("\n", lines) + "\n";
    }

    private static long count(Integer tokens) {
        return tokens == null ? 0 : tokens;
    }

    private static void message(JsonGenerator json, int index, boolean replaces, ChatMessage message) throws IOException {
        json.writeStringField("type", "message");
        json.writeNumberField("index", index);
        if (replaces) {
            json.writeBooleanField("replaces", true);
        }
        if (message instanceof SystemMessage system) {
            json.writeStringField("role", "system");
            json.writeStringField("text", system.text());
        } else if (message instanceof UserMessage user) {
            json.writeStringField("role", "user");
            json.writeStringField("text", user.hasSingleText() ? user.singleText() : String.valueOf(user.contents()));
        } else if (message instanceof AiMessage ai) {
            json.writeStringField("role", "assistant");
            if (ai.text() != null) {
                json.writeStringField("text", ai.text());
            }
            if (ai.hasToolExecutionRequests()) {
                json.writeArrayFieldStart("toolCalls");
                for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                    json.writeStartObject();
                    if (call.id() != null) {
                        json.writeStringField("id", call.id());
                    }
                    json.writeStringField("name", call.name());
                    json.writeStringField("arguments", call.arguments());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
        } else if (message instanceof ToolExecutionResultMessage result) {
            json.writeStringField("role", "tool");
            if (result.id() != null) {
                json.writeStringField("id", result.id());
            }
            json.writeStringField("tool", result.toolName());
            json.writeStringField("text", result.text());
        } else {
            json.writeStringField("role", message.type().name().toLowerCase(Locale.ROOT));
            json.writeStringField("text", message.toString());
        }
    }

    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private void line(Fields fields) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines.add(redact(out.toString()));
    }

    /** The line with every secret of the configuration replaced, as written and as JSON escapes it. */
    private String redact(String line) {
        if (secrets == null) {
            secrets = observing.secrets();
        }
        String result = line;
        for (String secret : secrets) {
            result = result.replace(secret, REDACTED);
            String escaped = escape(secret);
            if (!escaped.equals(secret)) {
                result = result.replace(escaped, REDACTED);
            }
        }
        return result;
    }

    private static String escape(String text) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String quoted = out.toString();
        return quoted.substring(1, quoted.length() - 1);
    }
}
