package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A stored method whose code uses an application type that changed since it was written (a record
 * component renamed): not a hand edit, so in AUTO it is written again with the compiler's message as
 * the reason, whether it would have come from the snapshot, the linked classes or javac's cache; in
 * LOCKED it is reported naming the stored file. Never a {@code NoSuchMethodError} at the first call.
 */
class ChangedWorldTest {
    @TempDir
    Path work;

    private static final String AREAS = "package shapes; public interface Areas { double area(double w, double h); }";
    private static final String RECT_BEFORE = "package shapes; public record Rect(double width, double height) {}";
    private static final String RECT_AFTER = "package shapes; public record Rect(double w, double h) {}";
    private static final String AREA_BEFORE = "```java\ndouble area(double w, double h) { Rect r = new Rect(w, h); "
            + "return r.width() * r.height(); }\n```";
    private static final String AREA_AFTER = "```java\ndouble area(double w, double h) { Rect r = new Rect(w, h); "
            + "return r.w() * r.h(); }\n```";

    @Test
    void auto_aTypeTheStoredCodeUsesChanged_theMethodIsWrittenAgain_withTheCompilersMessageAsTheReason()
            throws Exception {
        Path store = work.resolve("store");
        ClassLoader before = world("before", RECT_BEFORE);
        assertThat(area(Jit.builder().store(store).model(ScriptedChatModel.answering(AREA_BEFORE)).build(), before))
                .isEqualTo(6.0);
        settle(store);
        assertThat(area(Jit.builder().store(store).mode(Mode.LOCKED).build(), before)).isEqualTo(6.0); // the snapshot

        ClassLoader after = world("after", RECT_AFTER);
        ScriptedChatModel model = ScriptedChatModel.answering(AREA_AFTER);
        Jit jit = Jit.builder().store(store).model(model).build();

        assertThat(area(jit, after)).isEqualTo(6.0);
        assertThat(model.requestCount()).isEqualTo(1);
        List<Version> history = jit.history(after.loadClass("shapes.Areas"), "area");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).reason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("no longer compiles").contains("area(double,double).java").contains("width()"));
    }

    @Test
    void locked_aTypeTheStoredCodeUsesChanged_isReportedNamingTheStoredFile() throws Exception {
        Path store = work.resolve("store");
        area(Jit.builder().store(store).model(ScriptedChatModel.answering(AREA_BEFORE)).build(), world("before", RECT_BEFORE));
        ClassLoader after = world("after", RECT_AFTER);

        assertThatThrownBy(() -> area(Jit.builder().store(store).mode(Mode.LOCKED).build(), after))
                .isInstanceOf(MissingMethodException.class)
                .hasMessageContaining("no longer compiles")
                .hasMessageContaining("area(double,double).java")
                .hasMessageContaining("width()")
                .hasMessageEndingWith("for method Areas.area(double, double)");
    }

    @Test
    void theSameWorld_inAnotherClassLoader_usesTheCacheWithoutTheModel() throws Exception {
        Path store = work.resolve("store");
        area(Jit.builder().store(store).model(ScriptedChatModel.answering(AREA_BEFORE)).build(), world("one", RECT_BEFORE));
        settle(store);

        assertThat(area(Jit.builder().store(store).mode(Mode.LOCKED).build(), world("two", RECT_BEFORE))).isEqualTo(6.0);
        assertThat(area(Jit.builder().store(store).mode(Mode.LOCKED).build(), world("three", RECT_BEFORE))).isEqualTo(6.0);
    }

    private static double area(Jit jit, ClassLoader world) throws Exception {
        Class<?> areas = world.loadClass("shapes.Areas");
        Object implementation = jit.implement(areas);
        Method area = areas.getMethod("area", double.class, double.class);
        try {
            return (double) area.invoke(implementation, 2.0, 3.0);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    /** The package {@code shapes} compiled into a folder of its own, in a class loader of its own. */
    private ClassLoader world(String name, String rect) throws IOException {
        Path sources = Files.createDirectories(work.resolve(name + "-src/shapes"));
        Path classes = Files.createDirectories(work.resolve(name + "-classes"));
        Files.writeString(sources.resolve("Areas.java"), AREAS);
        Files.writeString(sources.resolve("Rect.java"), rect);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int exit = javac.run(null, null, null, "-parameters", "-d", classes.toString(),
                sources.resolve("Areas.java").toString(), sources.resolve("Rect.java").toString());
        assertThat(exit).isZero();
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    /** Sets the store's files' times back, as a store at rest is, so that the next start trusts their stamps. */
    private static void settle(Path store) throws IOException {
        FileTime past = FileTime.from(Instant.now().minusSeconds(60));
        try (Stream<Path> files = Files.walk(store)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, past);
            }
        }
    }
}
