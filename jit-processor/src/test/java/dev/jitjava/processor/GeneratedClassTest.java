package dev.jitjava.processor;

import com.google.testing.compile.Compilation;
import dev.jitjava.Jit;
import dev.jitjava.Mode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Interfaces whose methods are all stored compile into one class each, which runs without the store. */
class GeneratedClassTest {
    @TempDir
    static Path work;
    static Compilation compilation;

    @BeforeAll
    static void compileWithStore() throws Exception {
        Path store = work.resolve("store");
        Fixture.prepareStore(store, work.resolve("plain"), Sources.ALL, Sources.ANSWERS, Sources.INTERFACES);
        compilation = Fixture.withProcessor(store, Sources.ALL);
    }

    @Test
    void processor_allMethodsStored_writesOneClassPerInterface() {
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("fx.Jit_Shapes").contentsAsUtf8String()
                .contains("public final class Jit_Shapes implements fx.Shapes, dev.jitjava.runtime.BuildTimeImplementation");
        assertThat(compilation).generatedSourceFile("fx.Jit_Hidden").contentsAsUtf8String()
                .contains("public int triple(int p0) {\n        return triple(this, p0);");
        assertThat(compilation).generatedSourceFile("fx.Jit_Outer_Inner").contentsAsUtf8String()
                .contains("public java.lang.String shout(java.lang.String p0) throws java.io.IOException {");
    }

    @Test
    void generatedClass_storedHelpersAndNestedTypes_areMembersOfTheClass() {
        assertThat(compilation).generatedSourceFile("fx.Jit_Shapes").contentsAsUtf8String()
                .contains("private static int abs(int v)");
        assertThat(compilation).generatedSourceFile("fx.Jit_Shapes").contentsAsUtf8String()
                .contains("private static record Bucket(char letter, String word)");
        assertThat(compilation).generatedSourceFile("fx.Jit_Shapes").contentsAsUtf8String()
                .contains("public static <T extends Comparable<T>> T largest(Shapes self, List<T> items)");
        assertThat(compilation).generatedSourceFile("fx.Jit_Shapes").contentsAsUtf8String()
                .doesNotContain("twice(");
    }

    @Test
    void generatedClasses_storeDeleted_runInLockedModeWithoutTheStore() throws Exception {
        ClassLoader loader = Fixture.load(compilation, work.resolve("run"));
        Path empty = Files.createDirectories(work.resolve("empty-store"));
        Jit jit = Jit.builder().store(empty).mode(Mode.LOCKED).build();

        Class<?> shapesType = loader.loadClass("fx.Shapes");
        Object shapes = jit.implement(shapesType);
        Class<?> point = loader.loadClass("fx.Shapes$Point");
        Object a = point.getConstructor(int.class, int.class).newInstance(1, 2);
        Object b = point.getConstructor(int.class, int.class).newInstance(4, -2);
        assertThat(shapes.getClass().getName()).isEqualTo("fx.Jit_Shapes");
        assertThat(call(shapes, "distance", a, b)).isEqualTo(7);
        assertThat(call(shapes, "twice", a, b)).isEqualTo(14);
        assertThat(call(shapes, "largest", List.of(3, 9, 4))).isEqualTo(9);
        assertThat(call(shapes, "joinAll", "-", new String[]{"a", "b"})).isEqualTo("a-b");
        assertThat(call(shapes, "doubled", new int[]{1, 2})).isEqualTo(new int[]{2, 4});
        assertThat(call(shapes, "byFirstLetter", List.of("apple", "bean", "avocado")))
                .isEqualTo(Map.of('a', List.of("apple", "avocado"), 'b', List.of("bean")));

        Object hidden = jit.implement(loader.loadClass("fx.Hidden"));
        assertThat(call(hidden, "triple", 5)).isEqualTo(15);

        Object inner = jit.implement(loader.loadClass("fx.Outer$Inner"));
        assertThat(call(inner, "shout", "hey")).isEqualTo("HEY!");
        assertThatThrownBy(() -> call(inner, "shout", "")).hasRootCauseInstanceOf(java.io.IOException.class);
        try (Stream<Path> files = Files.list(empty)) {
            assertThat(files).as("nothing written to the store").isEmpty();
        }
    }

    static Object call(Object target, String name, Object... args) throws Exception {
        for (Method method : target.getClass().getInterfaces()[0].getMethods()) {
            if (method.getName().equals(name)) {
                method.setAccessible(true);
                return method.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(name);
    }
}
