package dev.jitjava.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.jitjava.internal.bind.DeclarationFingerprint;
import dev.jitjava.internal.method.InterfaceMethods;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Specs;
import dev.jitjava.internal.prompt.Prompts;
import dev.jitjava.internal.store.SpecFingerprint;
import dev.jitjava.internal.store.SpecRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec fingerprint from elements (build time) equals the one from reflection (run time) and the
 * engine's specs; the declaration fingerprint from elements equals the one from the class files, and
 * changes with every change of what an interface declares that a spec depends on.
 */
class FingerprintAgreementTest {
    @TempDir
    Path work;

    static final List<JavaFileObject> SOURCES = List.of(
            Fixture.source("other.Money", """
                    package other;
                    public record Money(long cents, String currency) {
                        public record Rate(double value) {
                        }
                    }
                    """),
            Fixture.source("fp.Base", """
                    package fp;
                    import dev.jitjava.Describe;
                    public interface Base {
                        @Describe("Inherited, described where it is declared")
                        java.util.Optional<String> name(int id);
                    }
                    """),
            Fixture.source("fp.Everything", """
                    package fp;

                    import dev.jitjava.Describe;
                    import dev.jitjava.JitInterface;
                    import java.io.IOException;
                    import java.util.*;
                    import java.util.function.Function;
                    import other.Money;

                    @JitInterface
                    @Describe("Every kind of signature")
                    public interface Everything extends Base {
                        record Pair<A, B>(A first, B second) {
                        }

                        enum Unit { CM, M }

                        interface Nested {
                        }

                        @Describe("Generic, bounded")
                        <T extends Comparable<? super T>> T max(Collection<? extends T> items);

                        <K, V extends Number & Comparable<V>> Map.Entry<K, List<V>> entry(K key, V... values);

                        int[][] grid(int rows, int columns);

                        <T> T[] copy(T[] items);

                        String format(String pattern, Object... arguments);

                        Pair<Money, Money.Rate> convert(Money money, Money.Rate rate) throws IOException;

                        <E extends Exception> void fail(Function<String, E> make) throws E, InterruptedException;

                        Unit unit(Nested nested, List<? super Integer> sink);

                        Map<String, ? extends List<Pair<String, int[]>>> deep();

                        int overload(int x);

                        int overload(String x);

                        default int notWritten() {
                            return 1;
                        }
                    }
                    """),
            Fixture.source("fp.Plain", """
                    package fp;
                    public interface Plain {
                        void run();
                    }
                    """),
            Fixture.source("fp.Shapes", """
                    package fp;

                    import dev.jitjava.Describe;
                    import java.util.*;
                    import java.util.function.Supplier;

                    /** What a class file holds beside the source's methods, and signatures javac writes its own way. */
                    @Describe("Ünïcödé \\u0000 and 😀 in a description")
                    public interface Shapes extends Supplier<List<String>>, Plain {
                        List<String> NAMES = List.of("a", "b"); // a static initializer

                        class Outer<T> {
                            public class Inner<U> {
                            }
                        }

                        @Describe("Läuft")
                        Outer<String>.Inner<Integer> inner(Outer<Long> outer);

                        <T, U extends T, V extends Number & Comparable<V>, W extends Runnable> Map<T, U> bounds(V v, W w);

                        <E extends Throwable> void rethrow(E e) throws java.io.IOException, E;

                        default List<String> sorted() {
                            List<String> copy = new ArrayList<>(get());
                            copy.sort(Comparator.comparing(s -> s.length())); // a synthetic lambda method
                            return copy;
                        }

                        static Shapes none() {
                            return null;
                        }

                        private int helper() {
                            return 1;
                        }
                    }
                    """));

    /** Records the fingerprint the processor's code computes for every interface it sees. */
    @SupportedAnnotationTypes("*")
    static final class Recorder extends AbstractProcessor {
        final Map<String, String> fingerprints = new TreeMap<>();
        final Map<String, String> declarations = new TreeMap<>();

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            ElementSpecs specs = new ElementSpecs(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
            ElementDeclarations declared = new ElementDeclarations(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
            for (var root : round.getRootElements()) {
                if (root.getKind() == ElementKind.INTERFACE) {
                    TypeElement type = (TypeElement) root;
                    String name = processingEnv.getElementUtils().getBinaryName(type).toString();
                    fingerprints.put(name, specs.fingerprint(type, specs.methods(type)));
                    declarations.put(name, declared.fingerprint(type));
                }
            }
            return false;
        }
    }

    @Test
    void fingerprints_fromElements_agreeWithReflectionTheEngineAndTheClassFiles() throws Exception {
        Recorder recorder = new Recorder();
        ClassLoader loader = compile(recorder);

        assertThat(recorder.fingerprints).containsOnlyKeys("fp.Base", "fp.Everything", "fp.Plain", "fp.Shapes");
        assertThat(recorder.declarations).containsOnlyKeys(recorder.fingerprints.keySet());
        for (Map.Entry<String, String> built : recorder.fingerprints.entrySet()) {
            Class<?> iface = loader.loadClass(built.getKey());
            assertThat(SpecFingerprint.of(iface)).as(built.getKey()).isEqualTo(built.getValue());
            assertThat(engineFingerprint(iface)).as(built.getKey() + ", the engine's specs").isEqualTo(built.getValue());
            assertThat(DeclarationFingerprint.of(iface, Prompts.VERSION)).as(built.getKey() + ", its declarations")
                    .isEqualTo(recorder.declarations.get(built.getKey()));
        }
    }

    /** {@link #SOURCES} compiled with the recorder, and loaded. */
    private ClassLoader compile(Recorder recorder) {
        Compilation compilation = Compiler.javac().withProcessors(recorder).withOptions("-parameters").compile(SOURCES);
        assertThat(compilation.errors()).isEmpty();
        return Fixture.load(compilation, work);
    }

    @Test
    void declarationFingerprint_compiledWithOtherFlags_isTheSame() throws Exception {
        String plain = declarations(SHAPES_V1, "-proc:none");
        assertThat(declarations(SHAPES_V1, "-proc:none", "-g", "-parameters")).isEqualTo(plain);
        assertThat(declarations(SHAPES_V1, "-proc:none", "-g:none", "--release", "17")).isEqualTo(plain);
    }

    @Test
    void declarationFingerprint_eachKindOfChange_differs() throws Exception {
        String before = declarations(SHAPES_V1, "-proc:none");
        Map<String, String> changes = new TreeMap<>(Map.of(
                "method @Describe", "@Describe(\"Area\")|@Describe(\"Surface\")",
                "interface @Describe", "@Describe(\"Shapes\")|@Describe(\"Forms\")",
                "generic parameter", "List<String> names|List<CharSequence> names",
                "generic return", "Optional<Integer> first|Optional<Long> first",
                "thrown type", "throws IOException;|throws IOException, InterruptedException;",
                "type parameter bound", "<T extends Number>|<T extends Integer>",
                "abstract made default", "int count(List<String> names);|default int count(List<String> names) { return 0; }",
                "method added", "int count(List<String> names);|int count(List<String> names);\n    int more();",
                "superinterface method", "String label();|String label(int size);",
                "superinterface @Describe", "@Describe(\"Label\")|@Describe(\"Name\")"));
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String[] edit = change.getValue().split("\\|");
            assertThat(SHAPES_V1).as(change.getKey()).contains(edit[0]);
            assertThat(declarations(SHAPES_V1.replace(edit[0], edit[1]), "-proc:none")).as(change.getKey())
                    .isNotEqualTo(before);
        }
        assertThat(declarationsWithPrompt(SHAPES_V1, "another prompt")).as("prompt version").isNotEqualTo(before);
    }

    static final String SHAPES_V1 = """
            package dv;

            import dev.jitjava.Describe;
            import java.io.IOException;
            import java.util.*;

            @Describe("Shapes")
            public interface Shapes extends Labelled {
                @Describe("Area")
                double area(double width, double height);

                int count(List<String> names);

                Optional<Integer> first(int[] values) throws IOException;

                <T extends Number> T largest(Collection<T> values);
            }

            interface Labelled {
                @Describe("Label")
                String label();
            }
            """;

    private String declarations(String source, String... options) throws Exception {
        return declarationsWithPrompt(source, Prompts.VERSION, options);
    }

    private String declarationsWithPrompt(String source, String prompt, String... options) throws Exception {
        Compilation compilation = Compiler.javac().withOptions((Object[]) (options.length == 0 ? new String[]{"-proc:none"}
                : options)).compile(Fixture.source("dv.Shapes", source));
        assertThat(compilation.errors()).isEmpty();
        Path folder = Files.createTempDirectory(work, "dv");
        return DeclarationFingerprint.of(Fixture.load(compilation, folder).loadClass("dv.Shapes"), prompt);
    }

    @Test
    void fingerprint_describeChanged_differs() throws Exception {
        Compilation compilation = Compiler.javac().withOptions("-proc:none").compile(SOURCES);
        ClassLoader loader = Fixture.load(compilation, work.resolve("a"));
        JavaFileObject changed = Fixture.source("fp.Base", SOURCES.get(1).getCharContent(true).toString()
                .replace("Inherited, described", "Inherited, and described"));
        ClassLoader changedLoader = Fixture.load(Compiler.javac().withOptions("-proc:none")
                .compile(SOURCES.get(0), changed, SOURCES.get(2), SOURCES.get(3)), work.resolve("b"));

        assertThat(SpecFingerprint.of(loader.loadClass("fp.Everything")))
                .isNotEqualTo(SpecFingerprint.of(changedLoader.loadClass("fp.Everything")));
    }

    /** The fingerprint of the specs the run-time engine builds to decide whether a stored method is current. */
    private static String engineFingerprint(Class<?> iface) {
        List<MethodSpec> specs = Specs.forInterface(dev.jitjava.internal.method.Owner.Interface.of(iface), InterfaceMethods.toGenerate(iface));
        return SpecFingerprint.of(iface.getName(), specs.stream()
                .map(spec -> new SpecFingerprint.Entry(spec.key().signature(), SpecRecord.of(spec))).toList());
    }
}
