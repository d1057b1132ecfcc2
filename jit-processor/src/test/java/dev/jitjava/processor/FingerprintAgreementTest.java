package dev.jitjava.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.jitjava.internal.method.InterfaceMethods;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Specs;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The spec fingerprint from elements (build time) equals the one from reflection (run time) and the engine's specs. */
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
                    """));

    /** Records the fingerprint the processor's code computes for every interface it sees. */
    @SupportedAnnotationTypes("*")
    static final class Recorder extends AbstractProcessor {
        final Map<String, String> fingerprints = new TreeMap<>();

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            ElementSpecs specs = new ElementSpecs(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
            for (var root : round.getRootElements()) {
                if (root.getKind() == ElementKind.INTERFACE) {
                    TypeElement type = (TypeElement) root;
                    fingerprints.put(processingEnv.getElementUtils().getBinaryName(type).toString(),
                            specs.fingerprint(type, specs.methods(type)));
                }
            }
            return false;
        }
    }

    @Test
    void fingerprint_fromElementsAndFromReflection_agree() throws Exception {
        Recorder recorder = new Recorder();
        Compilation compilation = Compiler.javac().withProcessors(recorder).withOptions("-parameters").compile(SOURCES);
        assertThat(compilation.errors()).isEmpty();
        ClassLoader loader = Fixture.load(compilation, work);

        assertThat(recorder.fingerprints).containsOnlyKeys("fp.Base", "fp.Everything", "fp.Plain");
        for (Map.Entry<String, String> built : recorder.fingerprints.entrySet()) {
            Class<?> iface = loader.loadClass(built.getKey());
            assertThat(SpecFingerprint.of(iface)).as(built.getKey()).isEqualTo(built.getValue());
            assertThat(engineFingerprint(iface)).as(built.getKey() + ", the engine's specs").isEqualTo(built.getValue());
        }
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
