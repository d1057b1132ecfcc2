package dev.jitjava;

import dev.jitjava.internal.bind.UnitClassesTest;
import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A method whose unit holds every kind of class javac emits (local, anonymous at two depths, an
 * enum with constant bodies, a local interface with a default method, nested and inner classes,
 * a sealed hierarchy, a switch map) runs when first written, when loaded from the store's
 * {@code .cache}, and when its stored source is compiled again.
 */
class ClassShapesTest {
    @TempDir
    Path store;

    interface Report {
        String report(int n);
    }

    /** The unit of {@link UnitClassesTest} as a model would answer: its members, the method named as asked. */
    static final String ANSWER = "Here is the implementation, with a few helper types:\n\n```java\n"
            + UnitClassesTest.UNIT.substring(UnitClassesTest.UNIT.indexOf("final class EveryShape {") + 24,
                    UnitClassesTest.UNIT.lastIndexOf('}'))
            .replace("public static String run(int n)", "public String report(int n)") + "```\n";

    @Test
    void everyClassOfTheUnit_isDefined_whenWritten_fromCache_andFromTheStoredSource() throws IOException {
        ScriptedChatModel model = ScriptedChatModel.answering(ANSWER);

        assertThat(Jit.builder().store(store).model(model).build().implement(Report.class).report(5))
                .isEqualTo(UnitClassesTest.EXPECTED);
        assertThat(Jit.builder().store(store).mode(Mode.LOCKED).build().implement(Report.class).report(5))
                .isEqualTo(UnitClassesTest.EXPECTED);
        deleteCache();
        assertThat(Jit.builder().store(store).mode(Mode.LOCKED).build().implement(Report.class).report(5))
                .isEqualTo(UnitClassesTest.EXPECTED);
        assertThat(model.requestCount()).isEqualTo(1);
    }

    @Test
    void everyClassOfTheUnit_isDefined_onAJitObject() {
        ScriptedChatModel model = ScriptedChatModel.answering(ANSWER);
        JitObject o = Jit.builder().store(store).model(model).build().object("shapes");

        assertThat(o.method("report").returns(String.class).call(5)).isEqualTo(UnitClassesTest.EXPECTED);
        assertThat(Jit.builder().store(store).mode(Mode.LOCKED).build().object("shapes").call(String.class, "report", 5))
                .isEqualTo(UnitClassesTest.EXPECTED);
    }

    private void deleteCache() throws IOException {
        try (Stream<Path> files = Files.walk(store.resolve(".cache"))) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
