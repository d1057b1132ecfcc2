package dev.jitjava.internal.verify;

import dev.jitjava.runtime.Meter;
import dev.jitjava.internal.compile.Compilation;
import dev.jitjava.internal.compile.InMemoryCompiler;
import dev.jitjava.internal.compile.SourceUnit;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call boundary (Meter.start/end and a handler around the entry method) only where the code
 * could catch a budget failure or recurse: elsewhere the handler would keep the JIT compiler from
 * optimizing the loop, and a failure leaves the call by itself.
 */
class CallBoundaryTest {
    private static MethodNode instrumented(String body) {
        String source = "package dev.jitjava.verify;\npublic final class Unit {\n" + body + "\n}\n";
        Map<String, byte[]> raw = ((Compilation.Classes) new InMemoryCompiler()
                .compile(new SourceUnit("dev.jitjava.verify", "Unit", source), List.of())).classes();
        Instrumenter.Limits limits = new Instrumenter.Limits(1_000_000_000L, 1L << 20, "Unit.entry(String)", "entry",
                "(Ljava/lang/String;)I");
        Map<String, byte[]> out = Instrumenter.instrument(raw, "dev.jitjava.verify.Unit", Set.of(), limits,
                CallBoundaryTest.class.getClassLoader());
        ClassNode node = new ClassNode();
        new ClassReader(out.get("dev.jitjava.verify.Unit")).accept(node, 0);
        return node.methods.stream().filter(m -> m.name.equals("entry")).findFirst().orElseThrow();
    }

    private static List<String> meterCalls(MethodNode method) {
        List<String> calls = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && call.owner.equals("dev/jitjava/runtime/Meter")) {
                calls.add(call.name);
            }
        }
        return calls;
    }

    @Test
    void aLoopThatCannotCatch_isCountedWithoutABoundary() {
        MethodNode entry = instrumented("""
                public static int entry(String text) {
                    int n = 0;
                    for (int i = 0; i < text.length(); i++) if (text.charAt(i) == 'a') n++;
                    return n;
                }""");

        assertThat(meterCalls(entry)).containsExactly("loopUncaught");
        assertThat(entry.tryCatchBlocks).isEmpty();
    }

    @Test
    void aLoopInsideAHandlerThatCatchesRuntimeExceptions_getsTheBoundary() {
        MethodNode entry = instrumented("""
                public static int entry(String text) {
                    int n = 0;
                    try {
                        for (int i = 0; i < text.length(); i++) n += Integer.parseInt(text.substring(i, i + 1));
                    } catch (RuntimeException e) {
                        return -1;
                    }
                    return n;
                }""");

        assertThat(meterCalls(entry)).contains("start", "loop", "end", "clear").doesNotContain("loopUncaught");
        assertThat(entry.tryCatchBlocks).extracting(b -> b.type).contains(null, "java/lang/OutOfMemoryError",
                "java/lang/StackOverflowError");
    }

    @Test
    void aLambdaTheJdkCallsBack_getsTheBoundary() {
        MethodNode entry = instrumented("""
                public static int entry(String text) {
                    int n = 0;
                    for (int i = 0; i < text.length(); i++) n += (int) text.chars().filter(c -> c == 'a').count();
                    return n;
                }""");

        assertThat(meterCalls(entry)).contains("start", "loop", "end");
    }

    @Test
    void aMethodThatCallsItself_getsTheBoundary() {
        MethodNode entry = instrumented("""
                public static int entry(String text) {
                    return text.isEmpty() ? 0 : 1 + entry(text.substring(1));
                }""");

        assertThat(meterCalls(entry)).contains("enter", "start", "end");
        assertThat(entry.tryCatchBlocks).extracting(b -> b.type).contains("java/lang/StackOverflowError");
    }
}
