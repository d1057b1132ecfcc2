package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** describe_type and search_types, the tool-call bound, and models without tools. */
class ToolsTest {
    @TempDir
    Path store;

    record Line(String sku, int quantity, double unitPrice) {
    }

    record Order(String id, List<Line> lines) {
    }

    interface Orders {
        @Describe("the sum of quantity times unit price over the order's lines")
        double total(Order order);
    }

    private static final String TOTAL = Answers.fenced("""
            double total(Order order) {
                double sum = 0;
                for (ToolsTest.Line line : order.lines()) {
                    sum += line.quantity() * line.unitPrice();
                }
                return sum;
            }""");

    private static final Order ORDER = new Order("o1", List.of(new Line("a", 2, 1.5), new Line("b", 1, 4.0)));

    @Test
    void describeType_onAUserRecord_thenTheCodeUsesIt() {
        ScriptedChatModel model = ScriptedChatModel.answering()
                .thenCallTool("describe_type", "{\"name\": \"dev.jitjava.ToolsTest$Line\"}")
                .thenAnswer(TOTAL);
        Jit jit = Jit.builder().store(store).model(model).maxAttempts(1).build();

        assertThat(jit.implement(Orders.class).total(ORDER)).isEqualTo(7.0);

        assertThat(model.requestCount()).isEqualTo(2);
        assertThat(model.requests().get(0).toolSpecifications()).extracting(t -> t.name())
                .containsExactly("describe_type", "search_types");
        assertThat(model.toolResults()).singleElement().asString()
                .startsWith("describe_type: record dev.jitjava.ToolsTest$Line")
                .contains("Generated code may use this type.")
                .contains("Record components: String sku, int quantity, double unitPrice")
                .contains("new ToolsTest.Line(String sku, int quantity, double unitPrice)");
        assertThat(model.requests().get(0).messages().get(0).toString()).contains("describe_type(name)");
        assertThat(jit.history(Orders.class, "total").get(0).attempts())
                .as("a tool round trip is not an attempt").isEqualTo(1);
    }

    @Test
    void describeType_marksWhatGeneratedCodeMayNotUse() {
        ScriptedChatModel model = ScriptedChatModel.answering()
                .thenCallTool("describe_type", "{\"name\": \"java.nio.file.Files\"}")
                .thenCallTool("describe_type", "{\"name\": \"System\"}")
                .thenCallTool("describe_type", "{\"name\": \"java.util.Map$Entry\"}")
                .thenCallTool("describe_type", "{\"name\": \"no.such.Type\"}")
                .thenAnswer(TOTAL);
        Jit jit = Jit.builder().store(store).model(model).build();
        jit.implement(Orders.class).total(ORDER);

        List<String> results = model.toolResults();
        assertThat(results.get(0)).contains("public final class java.nio.file.Files")
                .contains("static String readString(java.nio.file.Path) throws java.io.IOException"
                        + "   [not allowed: needs the FILES_READ capability]");
        assertThat(results.get(1)).contains("public final class java.lang.System")
                .contains("static void exit(int)   [not allowed: ")
                .contains("static long nanoTime()\n");
        assertThat(results.get(2)).contains("public interface java.util.Map$Entry<K, V>").contains("V getValue()");
        assertThat(results.get(3)).startsWith("describe_type: No class no.such.Type on the class path");
    }

    @Test
    void searchTypes_listsMatchesUsableFirst_andMarksTheRest() {
        ScriptedChatModel model = ScriptedChatModel.answering()
                .thenCallTool("search_types", "{\"keyword\": \"Duration\"}")
                .thenCallTool("search_types", "{\"keyword\": \"ProcessBuilder\"}")
                .thenCallTool("search_types", "{\"keyword\": \"ToolsTest.Lin\"}")
                .thenCallTool("search_types", "{\"keyword\": \"zzqqxx\"}")
                .thenAnswer(TOTAL);
        Jit jit = Jit.builder().store(store).model(model).build();
        jit.implement(Orders.class).total(ORDER);

        List<String> results = model.toolResults();
        assertThat(results.get(0).lines().toList()).startsWith("search_types: java.time.Duration")
                .hasSizeLessThanOrEqualTo(26);
        assertThat(results.get(1)).contains("java.lang.ProcessBuilder   [generated code may not use it]");
        assertThat(results.get(2)).contains("dev.jitjava.ToolsTest$Line");
        assertThat(results.get(3)).contains("No public class on the class path has \"zzqqxx\"");
    }

    @Test
    void toolCalls_countAgainstMaxToolCalls_notMaxAttempts() {
        ScriptedChatModel model = ScriptedChatModel.answering()
                .thenCallTool("search_types", "{\"keyword\": \"List\"}")
                .thenCallTool("describe_type", "{\"name\": \"java.util.List\"}")
                .thenAnswer(TOTAL);
        Jit jit = Jit.builder().store(store).model(model).maxAttempts(1).maxToolCalls(2).build();

        assertThat(jit.implement(Orders.class).total(ORDER)).isEqualTo(7.0);
    }

    @Test
    void toolCalls_pastTheBound_failNamingTheBound_andStoreNothing() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.replying(request -> "unused");
        for (int i = 0; i < 4; i++) {
            model.thenCallTool("search_types", "{\"keyword\": \"List\"}");
        }
        Jit jit = Jit.builder().store(store).model(model).maxToolCalls(3).build();
        Orders orders = jit.implement(Orders.class);

        assertThatThrownBy(() -> orders.total(ORDER))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("made more than 3 tool calls")
                .hasMessageContaining("Jit.builder().maxToolCalls(n)")
                .hasMessageEndingWith("for method Orders.total(Order)");
        assertThat(model.requestCount()).isEqualTo(4);
        try (Stream<Path> files = Files.walk(store)) {
            assertThat(files.filter(f -> f.toString().endsWith(".java"))).isEmpty();
        }
    }

    @Test
    void badToolCalls_areAnsweredWithErrors_andTheGenerationGoesOn() {
        ScriptedChatModel model = ScriptedChatModel.answering()
                .thenCallTool("run_shell", "{\"command\": \"ls\"}")
                .thenCallTool("describe_type", "not json")
                .thenCallTool("add_dependency", "{\"coordinates\": \"org.example:x:1.0\"}")
                .thenAnswer(TOTAL);
        Jit jit = Jit.builder().store(store).model(model).build();

        assertThat(jit.implement(Orders.class).total(ORDER)).isEqualTo(7.0);
        assertThat(model.toolResults()).containsExactly(
                "run_shell: Error: there is no tool named run_shell; the tools are describe_type, search_types",
                "describe_type: Error: the arguments must be a JSON object of strings, like {\"name\": \"java.util.List\"}: "
                        + model.toolResults().get(1).substring(model.toolResults().get(1).indexOf("}: ") + 3),
                "add_dependency: Error: adding dependencies is not enabled here; write the method with the JDK only.");
    }

    @Test
    void aModelWithoutTools_getsTheTypesDescribedInThePrompt() {
        ScriptedChatModel model = ScriptedChatModel.answering(TOTAL).withoutTools().named("no-tools");
        Jit jit = Jit.builder().store(store).model(model).maxAttempts(1).build();

        assertThat(jit.implement(Orders.class).total(ORDER)).isEqualTo(7.0);

        assertThat(model.requestCount()).isEqualTo(2);
        assertThat(model.requests().get(0).toolSpecifications()).isNotEmpty();
        assertThat(model.lastRequest().toolSpecifications()).isEmpty();
        assertThat(model.lastUserMessage()).contains("This model cannot call tools")
                .contains("record dev.jitjava.ToolsTest$Order\nGenerated code may use this type.")
                .contains("record dev.jitjava.ToolsTest$Line\nGenerated code may use this type.")
                .contains("Record components: String sku, int quantity, double unitPrice");
        assertThat(model.lastRequest().messages()).noneMatch(m -> m instanceof ToolExecutionResultMessage);
        assertThat(model.lastRequest().messages().get(0).toString()).doesNotContain("describe_type");
    }
}
