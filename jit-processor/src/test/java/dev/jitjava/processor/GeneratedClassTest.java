package dev.jitjava.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.jitjava.Jit;
import dev.jitjava.Mode;
import dev.jitjava.internal.bind.DeclarationFingerprint;
import dev.jitjava.internal.prompt.Prompts;
import dev.jitjava.internal.store.SpecFingerprint;
import dev.jitjava.runtime.BuildTimeImplementation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaFileObject;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Interfaces whose methods are all stored compile into one class each, which runs without the store
 * and without the engine, and is used only while the interface declares what it did at build time.
 */
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

    /** A program that implements the three interfaces and calls them: what a production start does. */
    static final JavaFileObject START = Fixture.source("fx.Start", """
            package fx;

            import dev.jitjava.Jit;
            import dev.jitjava.Mode;
import dev.jitjava.internal.bind.DeclarationFingerprint;
import dev.jitjava.internal.prompt.Prompts;
import dev.jitjava.internal.store.SpecFingerprint;
import dev.jitjava.runtime.BuildTimeImplementation;

            public final class Start {
                public static void main(String[] args) throws Exception {
                    Jit jit = args[0].equals("create") ? Jit.create() : Jit.builder().mode(Mode.LOCKED).build();
                    Shapes shapes = jit.implement(Shapes.class);
                    Hidden hidden = jit.implement(Hidden.class);
                    Outer.Inner inner = jit.implement(Outer.Inner.class);
                    System.out.println("implemented");
                    System.out.println(shapes.getClass().getName());
                    System.out.println(shapes.distance(new Shapes.Point(1, 2), new Shapes.Point(4, -2)));
                    System.out.println(hidden.triple(5));
                    System.out.println(inner.shout("hey"));
                }
            }
            """);

    @ParameterizedTest
    @ValueSource(strings = {"builder", "create"}) // Jit.builder()...build(), and Jit.create() with JIT_MODE=locked
    void generatedClasses_freshJvm_noEngineNoClassDefinedNoAsmOrJavac(String made) throws Exception {
        Path classes = work.resolve("start");
        if (!Files.exists(classes.resolve("fx/Start.class"))) {
            Fixture.load(compilation, classes);
            Compilation start = Compiler.javac().withOptions("-proc:none", "-cp", classes + File.pathSeparator
                    + System.getProperty("java.class.path")).compile(START);
            assertThat(start).succeeded();
            Fixture.load(start, classes);
        }
        Path directory = Files.createDirectories(work.resolve("start-" + made)); // no .jit, no jit.properties here

        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load", "-Duser.home=" + directory, "-cp",
                classes + File.pathSeparator + System.getProperty("java.class.path"), "fx.Start", made)
                .directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("JIT_MODE", "locked");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.lines().filter(line -> !line.startsWith("[")).toList()).as(output)
                .containsExactly("implemented", "fx.Jit_Shapes", "7", "15", "HEY!");
        String untilImplemented = output.substring(0, output.indexOf("implemented"));
        assertThat(untilImplemented).as("compiled-in classes loaded").contains(" fx.Jit_Shapes ", " fx.Jit_Hidden ", " fx.Jit_Outer_Inner ");
        assertThat(untilImplemented).as("classes defined at run time (Lookup.defineClass, lambdas, annotation proxies)")
                .doesNotContain("__JVM_LookupDefineClass__", "$$Lambda", "$Proxy");
        assertThat(untilImplemented).as("javac or ASM (jit-java's or the JDK's, which lambdas use)")
                .doesNotContain("com.sun.tools.javac", "org.objectweb.asm.");
        assertThat(output).as("the engine").doesNotContain("dev.jitjava.internal.engine.");
        assertThat(untilImplemented).as("the spec fingerprint, which the declarations made unneeded")
                .doesNotContain("dev.jitjava.internal.store.SpecFingerprint", "sun.reflect.generics.");
        assertThat(untilImplemented).as("a resource search through the JDK's image, regular expressions")
                .doesNotContain("jdk.internal.jimage.", "java.util.regex.");
        assertThat(directory.resolve(".jit")).doesNotExist();
    }

    @Test
    void generatedClass_interfaceRecompiledWithoutProcessor_usedWhileItsSpecsAreTheSame() throws Exception {
        String shapes = Sources.SHAPES.getCharContent(true).toString();
        Map<String, Boolean> used = new TreeMap<>(); // what changed -> whether Jit_Shapes still implements it
        used.put("nothing, compiled with -g", compiledInAfter(shapes, "-g").equals("fx.Jit_Shapes"));
        used.put("a default method added", compiledInAfter(shapes.replace("default int twice",
                "default int zero() {\n        return 0;\n    }\n\n    default int twice")).equals("fx.Jit_Shapes"));
        used.put("a method's @Describe", compiledInAfter(shapes.replace("Manhattan distance", "Euclidean distance"))
                .equals("fx.Jit_Shapes"));
        used.put("the interface's @Describe", compiledInAfter(shapes.replace("Small helpers", "Helpers"))
                .equals("fx.Jit_Shapes"));
        used.put("a type argument", compiledInAfter(shapes.replace("byFirstLetter(List<String> words)",
                "byFirstLetter(List<CharSequence> words)")).equals("fx.Jit_Shapes"));
        used.put("a method added", compiledInAfter(shapes.replace("int[] doubled(int[] values);",
                "int[] doubled(int[] values);\n\n    int[] tripled(int[] values);")).equals("fx.Jit_Shapes"));

        assertThat(used).containsExactlyInAnyOrderEntriesOf(Map.of("nothing, compiled with -g", true,
                "a default method added", true, "a method's @Describe", false, "the interface's @Describe", false,
                "a type argument", false, "a method added", false));
    }

    @Test
    void generatedClass_declarationsTheSame_decidedWithoutTheSpecs_otherwiseTheSpecsDecide() throws Exception {
        String shapes = Sources.SHAPES.getCharContent(true).toString();
        ClassLoader same = recompiled(shapes, "-g");
        ClassLoader defaultAdded = recompiled(shapes.replace("default int twice",
                "default int zero() {\n        return 0;\n    }\n\n    default int twice"));

        BuildTimeImplementation built = (BuildTimeImplementation) same.loadClass("fx.Jit_Shapes").getConstructor().newInstance();
        assertThat(DeclarationFingerprint.of(same.loadClass("fx.Shapes"), Prompts.VERSION))
                .isEqualTo(built.jit$declarationFingerprint());
        assertThat(DeclarationFingerprint.of(defaultAdded.loadClass("fx.Shapes"), Prompts.VERSION))
                .isNotEqualTo(built.jit$declarationFingerprint());
        assertThat(SpecFingerprint.of(defaultAdded.loadClass("fx.Shapes"))).isEqualTo(built.jit$specFingerprint());
    }

    @Test
    void generatedClass_writtenWithoutDeclarationFingerprint_usedWhileItsSpecsMatch() throws Exception {
        List<JavaFileObject> sources = new ArrayList<>(Sources.ALL); // as an earlier jit-processor wrote them
        for (JavaFileObject generated : compilation.generatedSourceFiles()) {
            String path = generated.toUri().getPath();
            String name = path.substring(path.indexOf("/fx/") + 1, path.length() - ".java".length()).replace('/', '.');
            sources.add(Fixture.source(name, generated.getCharContent(true).toString().replace("""
                        @Override
                        public String jit$declarationFingerprint() {
                            return JIT$DECLARATION_FINGERPRINT;
                        }
                    """, "")));
        }
        Compilation earlier = Compiler.javac().withOptions("-proc:none", "-parameters").compile(sources);
        assertThat(earlier).succeeded();
        ClassLoader loader = Fixture.load(earlier, Files.createTempDirectory(work, "earlier"));
        Jit jit = Jit.builder().store(Files.createTempDirectory(work, "store")).mode(Mode.LOCKED).build();

        Object shapes = jit.implement(loader.loadClass("fx.Shapes"));

        assertThat(((BuildTimeImplementation) shapes).jit$declarationFingerprint()).isEmpty();
        assertThat(shapes.getClass().getName()).isEqualTo("fx.Jit_Shapes");
    }

    /** The class implementing fx.Shapes after it was changed and recompiled without the processor. */
    private static String compiledInAfter(String changedShapes, String... options) throws Exception {
        ClassLoader loader = recompiled(changedShapes, options);
        Jit jit = Jit.builder().store(Files.createTempDirectory(work, "store")).mode(Mode.LOCKED).build();
        return jit.implement(loader.loadClass("fx.Shapes")).getClass().getName();
    }

    /** fx.Shapes recompiled alone, in front of everything the processor's compilation wrote (Jit_Shapes included). */
    private static ClassLoader recompiled(String changedShapes, String... options) throws Exception {
        List<String> all = new ArrayList<>(List.of("-proc:none", "-parameters"));
        all.addAll(List.of(options));
        Compilation changed = Compiler.javac().withOptions(all).compile(Fixture.source("fx.Shapes", changedShapes));
        assertThat(changed).succeeded();
        Path original = work.resolve("original");
        if (!Files.exists(original)) {
            Fixture.load(compilation, original);
        }
        Path folder = Files.createTempDirectory(work, "changed");
        Fixture.load(changed, folder);
        return new URLClassLoader(new URL[]{folder.toUri().toURL(), original.toUri().toURL()},
                GeneratedClassTest.class.getClassLoader());
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
