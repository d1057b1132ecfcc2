package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shapes of coding-site answers that failed held-out benchmark tasks (see {@code HeldOutAnswersTest}):
 * a {@code class Solution} that copies the problem's own {@code ListNode} above it, and the dynamic
 * form called with objects of a class loader jit-java's own cannot see.
 */
public class BenchmarkShapesTest {
    @TempDir
    Path dir;

    /** LeetCode's node, as the problem defines it. */
    public static final class ListNode {
        public int val;
        public ListNode next;

        public ListNode(int val, ListNode next) {
            this.val = val;
            this.next = next;
        }
    }

    interface Lists {
        ListNode middleNode(ListNode head);
    }

    private static final String MIDDLE_WITH_ITS_OWN_LIST_NODE = """
            ```java
            // Definition for singly-linked list.
            public class ListNode {
                int val;
                ListNode next;
                ListNode() {}
                ListNode(int val) { this.val = val; }
                ListNode(int val, ListNode next) { this.val = val; this.next = next; }
            }

            class Solution {
                public ListNode middleNode(ListNode head) {
                    ListNode slow = head, fast = head;
                    while (fast != null && fast.next != null) {
                        slow = slow.next;
                        fast = fast.next.next;
                    }
                    return slow;
                }
            }
            ```""";

    @Test
    void answerRedeclaringASignatureType_typedForm_usesTheRealOne() {
        ScriptedChatModel model = ScriptedChatModel.answering(MIDDLE_WITH_ITS_OWN_LIST_NODE);
        Jit jit = Jit.builder().store(dir.resolve("store")).model(model).maxAttempts(1).build();
        ListNode list = new ListNode(1, new ListNode(2, new ListNode(3, null)));

        assertThat(jit.implement(Lists.class).middleNode(list).val).isEqualTo(2);
        assertThat(model.requestCount()).isEqualTo(1);
        assertThat(jit.source(Lists.class, "middleNode")).doesNotContain("class ListNode");
    }

    @Test
    void answerRedeclaringASignatureType_dynamicForm_usesTheRealOne() {
        ScriptedChatModel model = ScriptedChatModel.answering(MIDDLE_WITH_ITS_OWN_LIST_NODE);
        JitObject object = Jit.builder().store(dir.resolve("store")).model(model).maxAttempts(1).build().object("lists");
        ListNode list = new ListNode(1, new ListNode(2, new ListNode(3, null)));

        assertThat(object.call(ListNode.class, "middleNode", list).val).isEqualTo(2);
        assertThat(model.requestCount()).isEqualTo(1);
    }

    @Test
    void dynamicCall_withAnArgumentOfALoaderJitCannotSee_isWrittenBelowThatLoader() throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src/plugin"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(sources.resolve("Node.java"), """
                package plugin;

                public class Node {
                    public final int value;
                    public final Node next;

                    public Node(int value, Node next) {
                        this.value = value;
                        this.next = next;
                    }
                }
                """);
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                sources.resolve("Node.java").toString())).isZero();
        try (URLClassLoader plugin = new URLClassLoader(new URL[]{classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> node = plugin.loadClass("plugin.Node");
            Object list = node.getConstructor(int.class, node).newInstance(4,
                    node.getConstructor(int.class, node).newInstance(5, null));
            ScriptedChatModel model = ScriptedChatModel.answering("""
                    ```java
                    int sum(Node node) {
                        return node == null ? 0 : node.value + sum(node.next);
                    }
                    ```""");
            JitObject object = Jit.builder().store(dir.resolve("store")).model(model).maxAttempts(1).build()
                    .object("plugin");

            assertThat(object.call(Integer.class, "sum", list)).isEqualTo(9);
            assertThat(object.call(Integer.class, "sum", list)).as("the bound method, called again").isEqualTo(9);
            assertThat(model.requestCount()).isEqualTo(1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
