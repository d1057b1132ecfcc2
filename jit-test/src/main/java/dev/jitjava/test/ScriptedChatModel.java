package dev.jitjava.test;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link ChatModel} that answers from a script and records every request, for tests of code
 * that uses jit-java. It never touches the network.
 *
 * <pre>{@code
 * ScriptedChatModel model = ScriptedChatModel.answering(
 *         "```java\nint countVowels(String s) { return 0; }\n```");
 * Jit jit = Jit.builder().model(model).build();
 * ...
 * assertThat(model.requestCount()).isEqualTo(1);
 * assertThat(model.lastUserMessage()).contains("countVowels");
 * }</pre>
 *
 * <p>Scripted steps are used in order, one per request; when they run out, the fallback given to
 * {@link #replying} answers, and without one the request fails with an {@link IllegalStateException}
 * that says which request found the script empty. All methods are thread-safe: concurrent
 * requests each take their own step.
 */
public final class ScriptedChatModel implements ChatModel {

    private final Deque<Function<ChatRequest, String>> steps = new ArrayDeque<>();
    private final List<ChatRequest> requests = new ArrayList<>();
    private final Function<ChatRequest, String> fallback;
    private String modelName = "scripted";
    private TokenUsage tokenUsage;

    private ScriptedChatModel(Function<ChatRequest, String> fallback) {
        this.fallback = fallback;
    }

    /** A model that gives these answers, in order, one per request. */
    public static ScriptedChatModel answering(String... answers) {
        ScriptedChatModel model = new ScriptedChatModel(null);
        for (String answer : answers) {
            model.thenAnswer(answer);
        }
        return model;
    }

    /** A model whose answer is a function of the request, for every request the script does not cover. */
    public static ScriptedChatModel replying(Function<ChatRequest, String> reply) {
        return new ScriptedChatModel(Objects.requireNonNull(reply, "reply"));
    }

    /** Adds an answer to the end of the script. */
    public synchronized ScriptedChatModel thenAnswer(String answer) {
        Objects.requireNonNull(answer, "answer");
        steps.addLast(request -> answer);
        return this;
    }

    /** Adds an answer computed from the request to the end of the script. */
    public synchronized ScriptedChatModel thenReply(Function<ChatRequest, String> reply) {
        steps.addLast(Objects.requireNonNull(reply, "reply"));
        return this;
    }

    /** Adds a step that fails: the request that reaches it throws {@code failure}. */
    public synchronized ScriptedChatModel thenFail(RuntimeException failure) {
        Objects.requireNonNull(failure, "failure");
        steps.addLast(request -> {
            throw failure;
        });
        return this;
    }

    /** The model name this model reports in its responses and default parameters ("scripted" unless set). */
    public synchronized ScriptedChatModel named(String name) {
        this.modelName = Objects.requireNonNull(name, "name");
        return this;
    }

    /** Token usage to report on every response (none unless set). */
    public synchronized ScriptedChatModel reportingUsage(int inputTokens, int outputTokens) {
        this.tokenUsage = new TokenUsage(inputTokens, outputTokens);
        return this;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        Function<ChatRequest, String> step;
        int number;
        String name;
        TokenUsage usage;
        synchronized (this) {
            requests.add(request);
            number = requests.size();
            step = steps.isEmpty() ? fallback : steps.removeFirst();
            name = modelName;
            usage = tokenUsage;
        }
        if (step == null) {
            throw new IllegalStateException("ScriptedChatModel has no answer left for request #" + number
                    + " (last user message starts: " + firstLine(lastUserText(request)) + ")");
        }
        String answer = step.apply(request);
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(answer))
                .modelName(name)
                .tokenUsage(usage)
                .build();
    }

    @Override
    public synchronized ChatRequestParameters defaultRequestParameters() {
        return ChatRequestParameters.builder().modelName(modelName).build();
    }

    /** Every request received so far, oldest first (a copy). */
    public synchronized List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    /** How many requests were received. */
    public synchronized int requestCount() {
        return requests.size();
    }

    /** The most recent request. */
    public synchronized ChatRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("ScriptedChatModel has received no request yet");
        }
        return requests.get(requests.size() - 1);
    }

    /** The text of the last user message of the most recent request. */
    public String lastUserMessage() {
        return lastUserText(lastRequest());
    }

    /** The text of every message of a request, joined with blank lines: handy for {@code contains} checks. */
    public static String allText(ChatRequest request) {
        StringBuilder text = new StringBuilder();
        for (ChatMessage message : request.messages()) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(textOf(message));
        }
        return text.toString();
    }

    /** The text of the last user message of a request, or "" if it has none. */
    public static String lastUserText(ChatRequest request) {
        return UserMessage.findLast(request.messages()).map(ScriptedChatModel::textOf).orElse("");
    }

    private static String textOf(ChatMessage message) {
        if (message instanceof UserMessage user) {
            return user.hasSingleText() ? user.singleText() : user.contents().toString();
        }
        if (message instanceof AiMessage ai) {
            return ai.text() == null ? "" : ai.text();
        }
        if (message instanceof dev.langchain4j.data.message.SystemMessage system) {
            return system.text();
        }
        return message.toString();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
