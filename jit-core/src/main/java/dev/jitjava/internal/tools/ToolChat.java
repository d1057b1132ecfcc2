package dev.jitjava.internal.tools;

import dev.jitjava.internal.prompt.Prompts;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * One answer from a model that may call tools first: sends the conversation with the tools'
 * specifications, runs every tool call the model makes and sends the results back, until the
 * model answers with text. The tool round trips are added to the conversation.
 *
 * <p>A model that reports it cannot call tools (LangChain4j's {@link UnsupportedFeatureException},
 * or a server that says the model "does not support tools") is asked again without them, with the
 * type descriptions the tools would have given put into the first user message; it is remembered
 * for the rest of the process.
 */
public final class ToolChat {
    private static final Set<ChatModel> WITHOUT_TOOLS = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private ToolChat() {
    }

    /** Sees every request as it is sent and every response as it comes (for usage counts and transcripts). */
    public interface Watch {
        /** A request is about to be sent with these messages, offering these tools (empty: none). */
        void requesting(List<ChatMessage> messages, List<ToolSpecification> tools);

        /** Its response, tool round trips included. */
        void answered(ChatResponse response);

        /** The request failed; {@code retried} when it is asked again without tools. */
        void failed(RuntimeException failure, boolean retried);
    }

    /**
     * @param toolbox the tools to offer, or null for none
     * @param watch   sees every request and response
     * @return the answer that has no tool calls
     * @throws ToolLimitException past the toolbox's bound
     */
    public static ChatResponse ask(ChatModel model, List<ChatMessage> messages, Toolbox toolbox, Watch watch) {
        while (true) {
            boolean offered = toolbox != null && !WITHOUT_TOOLS.contains(model);
            if (toolbox != null && !offered) {
                describeInstead(messages, toolbox);
            }
            List<ChatMessage> sent = List.copyOf(messages);
            List<ToolSpecification> tools = offered ? toolbox.specifications() : List.of();
            ChatRequest.Builder request = ChatRequest.builder().messages(sent);
            if (offered) {
                request.toolSpecifications(tools);
            }
            watch.requesting(sent, tools);
            ChatResponse answer;
            try {
                answer = model.chat(request.build());
            } catch (RuntimeException e) {
                boolean retry = offered && cannotCallTools(e);
                watch.failed(e, retry);
                if (retry) {
                    WITHOUT_TOOLS.add(model);
                    continue;
                }
                throw e;
            }
            watch.answered(answer);
            AiMessage message = answer.aiMessage();
            if (!offered || message == null || !message.hasToolExecutionRequests()) {
                return answer;
            }
            messages.add(message);
            for (ToolExecutionRequest call : message.toolExecutionRequests()) {
                messages.add(ToolExecutionResultMessage.from(call, toolbox.execute(call)));
            }
        }
    }

    /** Whether this model was found unable to call tools. */
    public static boolean knownWithoutTools(ChatModel model) {
        return WITHOUT_TOOLS.contains(model);
    }

    private static void describeInstead(List<ChatMessage> messages, Toolbox toolbox) {
        if (!toolbox.describeInPromptOnce()) {
            return;
        }
        String descriptions = toolbox.withoutTools();
        boolean described = descriptions.isEmpty();
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i) instanceof SystemMessage system && system.text().contains(Prompts.TOOLS_PARAGRAPH)) {
                messages.set(i, SystemMessage.from(system.text().substring(0,
                        system.text().indexOf(Prompts.TOOLS_PARAGRAPH) + 1)));
            } else if (messages.get(i) instanceof UserMessage user && !described) {
                messages.set(i, UserMessage.from(user.singleText() + descriptions));
                described = true;
            }
        }
    }

    private static boolean cannotCallTools(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnsupportedFeatureException) {
                return true;
            }
            // Ollama answers 400 "<model> does not support tools"; LangChain4j passes the text on.
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("does not support tools")) {
                return true;
            }
        }
        return false;
    }
}
