package dev.jitjava.test;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptedChatModelTest {

    private static ChatRequest request(String user) {
        return ChatRequest.builder().messages(SystemMessage.from("system"), UserMessage.from(user)).build();
    }

    @Test
    void answering_givesAnswersInOrder_andRecordsRequests() {
        ScriptedChatModel model = ScriptedChatModel.answering("one", "two");

        assertThat(model.chat(request("first")).aiMessage().text()).isEqualTo("one");
        assertThat(model.chat(request("second")).aiMessage().text()).isEqualTo("two");

        assertThat(model.requestCount()).isEqualTo(2);
        assertThat(model.requests()).extracting(ScriptedChatModel::lastUserText).containsExactly("first", "second");
        assertThat(model.lastUserMessage()).isEqualTo("second");
        assertThat(ScriptedChatModel.allText(model.lastRequest())).isEqualTo("system\n\nsecond");
    }

    @Test
    void answering_scriptRunsOut_failsNamingTheRequest() {
        ScriptedChatModel model = ScriptedChatModel.answering("only");
        model.chat(request("a"));

        assertThatThrownBy(() -> model.chat(request("write countVowels\nmore")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ScriptedChatModel has no answer left for request #2 (last user message starts: write countVowels)");
    }

    @Test
    void replying_answersFromTheRequest_afterTheScript() {
        ScriptedChatModel model = ScriptedChatModel.replying(r -> "echo " + ScriptedChatModel.lastUserText(r))
                .thenAnswer("scripted first");

        assertThat(model.chat(request("a")).aiMessage().text()).isEqualTo("scripted first");
        assertThat(model.chat(request("b")).aiMessage().text()).isEqualTo("echo b");
        assertThat(model.chat(request("c")).aiMessage().text()).isEqualTo("echo c");
    }

    @Test
    void thenCallTool_answersWithAToolCall_andToolResultsReadTheNextRequest() {
        ScriptedChatModel model = ScriptedChatModel.answering().thenCallTool("describe_type", "{\"name\":\"X\"}")
                .thenAnswer("done");
        ToolSpecification tool = ToolSpecification.builder().name("describe_type").build();

        ChatResponse call = model.chat(ChatRequest.builder().messages(UserMessage.from("go")).toolSpecifications(tool).build());
        ToolExecutionRequest request = call.aiMessage().toolExecutionRequests().get(0);
        assertThat(request.name()).isEqualTo("describe_type");
        assertThat(request.arguments()).isEqualTo("{\"name\":\"X\"}");
        assertThat(request.id()).isEqualTo("call_1");
        assertThat(model.offeredTools()).containsExactly("describe_type");

        model.chat(ChatRequest.builder().messages(UserMessage.from("go"), call.aiMessage(),
                ToolExecutionResultMessage.from(request, "record X(int a)")).build());
        assertThat(model.toolResults()).containsExactly("describe_type: record X(int a)");
    }

    @Test
    void withoutTools_rejectsRequestsOfferingTools_withoutUsingAStep() {
        ScriptedChatModel model = ScriptedChatModel.answering("plain").withoutTools();
        ToolSpecification tool = ToolSpecification.builder().name("search_types").build();

        assertThatThrownBy(() -> model.chat(ChatRequest.builder().messages(UserMessage.from("a")).toolSpecifications(tool)
                .build())).isInstanceOf(UnsupportedFeatureException.class);
        assertThat(model.chat(request("b")).aiMessage().text()).isEqualTo("plain");
        assertThat(model.requestCount()).isEqualTo(2);
    }

    @Test
    void thenFail_failsOnDemand_thenGoesOn() {
        ScriptedChatModel model = ScriptedChatModel.answering().thenFail(new IllegalStateException("down"))
                .thenAnswer("up");

        assertThatThrownBy(() -> model.chat(request("a"))).isInstanceOf(IllegalStateException.class).hasMessage("down");
        assertThat(model.chat(request("b")).aiMessage().text()).isEqualTo("up");
        assertThat(model.requestCount()).isEqualTo(2);
    }

    @Test
    void named_andUsage_areReported() {
        ScriptedChatModel model = ScriptedChatModel.answering("x").named("gpt-test").reportingUsage(12, 34);

        ChatResponse response = model.chat(request("a"));

        assertThat(response.modelName()).isEqualTo("gpt-test");
        assertThat(model.defaultRequestParameters().modelName()).isEqualTo("gpt-test");
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(12);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(34);
    }

    @Test
    void lastRequest_beforeAnyRequest_failsClearly() {
        assertThatThrownBy(() -> ScriptedChatModel.answering().lastRequest())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ScriptedChatModel has received no request yet");
    }
}
