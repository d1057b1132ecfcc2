package dev.jitjava.test;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
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
 * <p>A step may also call a tool, as a model with tool calling does ({@link #thenCallTool}): the
 * answer holds the tool call, and the next request should carry its result
 * ({@link #toolResults()}). {@link #withoutTools()} makes it a model that cannot call tools.
 *
 * <p>Scripted steps are used in order, one per request; when they run out, the fallback given to
 * {@link #replying} answers, and without one the request fails with an {@link IllegalStateException}
 * that says which request found the script empty. All methods are thread-safe: concurrent
 * requests each take their own step.
 */
public final class ScriptedChatModel implements ChatModel {

    private final Deque<Function<ChatRequest, AiMessage>> steps = new ArrayDeque<>();
    private final List<ChatRequest> requests = new ArrayList<>();
    private final Function<ChatRequest, String> fallback;
    private String modelName = "scripted";
    private TokenUsage tokenUsage;
    private boolean withoutTools;
    private int toolCalls;

    private ScriptedChatModel(Function<ChatRequest, String> fallback) {
        this.fallback = fallback;
    }

    /**
     * A model that gives these answers, in order, one per request.
     *
     * @param answers the answers' text, as a model would write them (code in a {@code ```java} block)
     * @return the model
     */
    public static ScriptedChatModel answering(String... answers) {
        ScriptedChatModel model = new ScriptedChatModel(null);
        for (String answer : answers) {
            model.thenAnswer(answer);
        }
        return model;
    }

    /**
     * A model whose answer is a function of the request, for every request the script does not cover.
     *
     * @param reply the answer's text for a request
     * @return the model
     */
    public static ScriptedChatModel replying(Function<ChatRequest, String> reply) {
        return new ScriptedChatModel(Objects.requireNonNull(reply, "reply"));
    }

    /**
     * Adds an answer to the end of the script.
     *
     * @param answer the answer's text
     * @return this model
     */
    public synchronized ScriptedChatModel thenAnswer(String answer) {
        Objects.requireNonNull(answer, "answer");
        steps.addLast(request -> AiMessage.from(answer));
        return this;
    }

    /**
     * Adds a step that calls a tool instead of answering: the response holds one tool execution
     * request for {@code tool} with these arguments (a JSON object, as models send them).
     *
     * @param tool          the tool's name, e.g. {@code describe_type}
     * @param argumentsJson its arguments, e.g. {@code {"name":"java.lang.String"}}
     * @return this model
     */
    public synchronized ScriptedChatModel thenCallTool(String tool, String argumentsJson) {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(argumentsJson, "argumentsJson");
        steps.addLast(request -> {
            String id;
            synchronized (this) {
                id = "call_" + (++toolCalls);
            }
            return AiMessage.from(ToolExecutionRequest.builder().id(id).name(tool).arguments(argumentsJson).build());
        });
        return this;
    }

    /**
     * Makes this a model without tool calling: a request that offers tools is recorded and then
     * fails with LangChain4j's {@link UnsupportedFeatureException}, without using a step, as
     * LangChain4j's own models report it.
     *
     * @return this model
     */
    public synchronized ScriptedChatModel withoutTools() {
        this.withoutTools = true;
        return this;
    }

    /**
     * Adds an answer computed from the request to the end of the script.
     *
     * @param reply the answer's text for the request that reaches this step
     * @return this model
     */
    public synchronized ScriptedChatModel thenReply(Function<ChatRequest, String> reply) {
        Objects.requireNonNull(reply, "reply");
        steps.addLast(request -> AiMessage.from(reply.apply(request)));
        return this;
    }

    /**
     * Adds a step that fails: the request that reaches it throws {@code failure}.
     *
     * @param failure what the request throws
     * @return this model
     */
    public synchronized ScriptedChatModel thenFail(RuntimeException failure) {
        Objects.requireNonNull(failure, "failure");
        steps.addLast(request -> {
            throw failure;
        });
        return this;
    }

    /**
     * The model name this model reports in its responses and default parameters ("scripted" unless set).
     *
     * @param name the model name
     * @return this model
     */
    public synchronized ScriptedChatModel named(String name) {
        this.modelName = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Token usage to report on every response (none unless set).
     *
     * @param inputTokens  input tokens per response
     * @param outputTokens output tokens per response
     * @return this model
     */
    public synchronized ScriptedChatModel reportingUsage(int inputTokens, int outputTokens) {
        this.tokenUsage = new TokenUsage(inputTokens, outputTokens);
        return this;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        Function<ChatRequest, AiMessage> step;
        int number;
        String name;
        TokenUsage usage;
        synchronized (this) {
            requests.add(request);
            number = requests.size();
            if (withoutTools && request.toolSpecifications() != null && !request.toolSpecifications().isEmpty()) {
                throw new UnsupportedFeatureException("tools are not supported by " + modelName);
            }
            step = steps.isEmpty() ? (fallback == null ? null : r -> AiMessage.from(fallback.apply(r)))
                    : steps.removeFirst();
            name = modelName;
            usage = tokenUsage;
        }
        if (step == null) {
            throw new IllegalStateException("ScriptedChatModel has no answer left for request #" + number
                    + " (last user message starts: " + firstLine(lastUserText(request)) + ")");
        }
        AiMessage answer = step.apply(request);
        return ChatResponse.builder()
                .aiMessage(answer)
                .modelName(name)
                .tokenUsage(usage)
                .build();
    }

    @Override
    public synchronized ChatRequestParameters defaultRequestParameters() {
        return ChatRequestParameters.builder().modelName(modelName).build();
    }

    /**
     * Every request received so far, oldest first (a copy).
     *
     * @return the requests
     */
    public synchronized List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * How many requests were received.
     *
     * @return the number of requests
     */
    public synchronized int requestCount() {
        return requests.size();
    }

    /**
     * The most recent request.
     *
     * @return the request
     * @throws IllegalStateException when there was none yet
     */
    public synchronized ChatRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("ScriptedChatModel has received no request yet");
        }
        return requests.get(requests.size() - 1);
    }

    /**
     * The text of the last user message of the most recent request.
     *
     * @return the message's text
     */
    public String lastUserMessage() {
        return lastUserText(lastRequest());
    }

    /**
     * The tool results the conversation of the most recent request carries, oldest first, each as
     * {@code name: text}: what jit-java's tools answered the model.
     *
     * @return the results, as {@code name: text}
     */
    public synchronized List<String> toolResults() {
        List<String> results = new ArrayList<>();
        for (ChatMessage message : lastRequest().messages()) {
            if (message instanceof ToolExecutionResultMessage result) {
                results.add(result.toolName() + ": " + result.text());
            }
        }
        return results;
    }

    /**
     * The names of the tools the most recent request offered.
     *
     * @return the tools' names
     */
    public synchronized List<String> offeredTools() {
        List<ToolSpecification> tools = lastRequest().toolSpecifications();
        return tools == null ? List.of() : tools.stream().map(ToolSpecification::name).toList();
    }

    /**
     * The text of every message of a request, joined with blank lines: handy for {@code contains} checks.
     *
     * @param request a request
     * @return the text of its messages
     */
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

    /**
     * The text of the last user message of a request, or "" if it has none.
     *
     * @param request a request
     * @return the text of its last user message
     */
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
        if (message instanceof ToolExecutionResultMessage result) {
            return result.text();
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
