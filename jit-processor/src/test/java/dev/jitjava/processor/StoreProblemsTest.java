package dev.jitjava.processor;

import com.google.testing.compile.Compilation;
import dev.jitjava.internal.store.MethodStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaFileObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Missing, stale, unapproved, edited and forbidden stored methods, reported at the interface method. */
class StoreProblemsTest {
    @TempDir
    Path work;

    static final JavaFileObject TEXT = Fixture.source("fx.Text", """
            package fx;

            import dev.jitjava.Describe;
            import dev.jitjava.JitInterface;

            @JitInterface
            public interface Text {
                @Describe("Number of vowels")
                int countVowels(String text);

                String shout(String text);
            }
            """);

    static final Map<String, String> ANSWERS = Map.of(
            "countVowels", """
                    public int countVowels(String text) {
                        int count = 0;
                        for (char c : text.toCharArray()) {
                            if ("aeiou".indexOf(c) >= 0) {
                                count++;
                            }
                        }
                        return count;
                    }""",
            "shout", """
                    public String shout(String text) {
                        return text.toUpperCase() + "!";
                    }""");

    private Path store() throws Exception {
        Path store = work.resolve("store");
        Fixture.prepareStore(store, work.resolve("plain"), List.of(TEXT), ANSWERS, "fx.Text");
        return store;
    }

    private static Path sourceFile(Path store, String signature) {
        return store.resolve("fx.Text").resolve(signature + ".java");
    }

    @Test
    void missingMethod_errorMode_failsAtTheMethodWithTheFix() throws Exception {
        Path store = store();
        Files.delete(sourceFile(store, "shout(java.lang.String)"));
        Files.delete(store.resolve("fx.Text/shout(java.lang.String).json"));

        Compilation compilation = Fixture.withProcessor(store, List.of(TEXT), "jit.missing=error");

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("Text.shout(String) is not in the store (" + sourceFile(store,
                "shout(java.lang.String)") + "): run it once in AUTO mode (or jit.prepare(Text.class)) and commit the store")
                .inFile(TEXT).onLineContaining("String shout(String text);");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void missingMethod_defaultWarnMode_warnsAndWritesNoClass() throws Exception {
        Path store = store();
        Files.delete(sourceFile(store, "shout(java.lang.String)"));
        Files.delete(store.resolve("fx.Text/shout(java.lang.String).json"));

        Compilation compilation = Fixture.withProcessor(store, List.of(TEXT));

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("Text.shout(String) is not in the store")
                .inFile(TEXT).onLineContaining("String shout(String text);");
        assertThat(compilation).hadWarningContaining("the run-time engine serves it");
        assertThat(compilation.generatedSourceFiles()).isEmpty();
    }

    @Test
    void staleMethod_descriptionChanged_errorNamesWhatChanged() throws Exception {
        Path store = store();
        JavaFileObject changed = Fixture.source("fx.Text", TEXT.getCharContent(true).toString()
                .replace("@Describe(\"Number of vowels\")", "@Describe(\"Number of vowels, y included\")"));

        Compilation compilation = Fixture.withProcessor(store, List.of(changed), "jit.missing=error");

        assertThat(compilation).hadErrorContaining("Text.countVowels(String) is stale in the store: the description "
                + "changed since it was written").inFile(changed).onLineContaining("int countVowels(String text);");
    }

    @Test
    void unapprovedMethods_approvedRequired_errorPerMethodUntilApproved() throws Exception {
        Path store = store();

        Compilation compilation = Fixture.withProcessor(store, List.of(TEXT), "jit.approved=true");

        assertThat(compilation).hadErrorContaining("Text.shout(String) is not approved (its status is generated")
                .inFile(TEXT).onLineContaining("String shout(String text);");
        assertThat(compilation).hadErrorContaining("run `jit approve Text.countVowels`")
                .inFile(TEXT).onLineContaining("int countVowels(String text);");

        MethodStore methods = new MethodStore(store);
        methods.list().forEach(methods::approve);
        assertThat(Fixture.withProcessor(store, List.of(TEXT), "jit.approved=true")).succeededWithoutWarnings();
    }

    @Test
    void handEditedMethod_compiles_isCompiledInAndCountsAsReviewed() throws Exception {
        Path store = store();
        Path file = sourceFile(store, "shout(java.lang.String)");
        Files.writeString(file, Files.readString(file).replace("+ \"!\"", "+ \"!!!\""));

        Compilation compilation = Fixture.withProcessor(store, List.of(TEXT), "jit.approved=true", "jit.missing=error");

        assertThat(compilation.errors().stream().filter(e -> e.getMessage(null).contains("shout"))).isEmpty();
        assertThat(compilation).hadErrorContaining("Text.countVowels(String) is not approved");
        compilation = Fixture.withProcessor(store, List.of(TEXT));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("fx.Jit_Text").contentsAsUtf8String()
                .contains("return text.toUpperCase() + \"!!!\";");
        assertThat(compilation).generatedSourceFile("fx.Jit_Text").contentsAsUtf8String()
                .contains("(edited by hand)");
    }

    @Test
    void handEditedMethod_doesNotCompile_errorNamesTheStoredFileAndLine() throws Exception {
        Path store = store();
        Path file = sourceFile(store, "shout(java.lang.String)");
        String source = Files.readString(file).replace("return text.toUpperCase() + \"!\";", "return text.shout();");
        Files.writeString(file, source);
        int line = lineOf(source, "return text.shout();");

        Compilation compilation = Fixture.withProcessor(store, List.of(TEXT));

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("The stored source does not compile: " + file + ":" + line
                + ": cannot find symbol").inFile(TEXT).onLineContaining("String shout(String text);");
        assertThat(compilation).hadErrorContaining("return text.shout();");
        assertThat(compilation).hadErrorContaining("for method Text.shout(String)");
    }

    @Test
    void storedMethod_usesWhatTheVerifierDenies_errorNamesMemberFileAndLine() throws Exception {
        Path store = store();
        Path file = sourceFile(store, "shout(java.lang.String)");
        String source = Files.readString(file).replace("return text.toUpperCase() + \"!\";",
                "System.exit(3);\n        return text;");
        Files.writeString(file, source);
        int line = lineOf(source, "System.exit(3);");

        Compilation compilation = Fixture.withProcessor(store, List.of(TEXT));

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("The stored source uses what generated code may not: " + file + ":"
                + line + ": `java.lang.System.exit(int)` at line " + line + " is never allowed")
                .inFile(TEXT).onLineContaining("String shout(String text);");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void storedMethod_needsACapability_errorNamesTheGrant() throws Exception {
        Path store = store();
        Path file = sourceFile(store, "shout(java.lang.String)");
        Files.writeString(file, Files.readString(file).replace("return text.toUpperCase() + \"!\";",
                "return new java.io.File(text).exists() ? \"yes\" : \"no\";"));

        Compilation compilation = Fixture.withProcessor(store, List.of(TEXT));

        assertThat(compilation).hadErrorContaining("needs the FILES_READ capability: grant it with "
                + "@Allow(Capability.FILES_READ) on Text");
        JavaFileObject allowed = Fixture.source("fx.Text", TEXT.getCharContent(true).toString()
                .replace("@JitInterface", "@JitInterface\n@dev.jitjava.Allow(dev.jitjava.Capability.FILES_READ)"));
        assertThat(Fixture.withProcessor(store, List.of(allowed))).succeededWithoutWarnings();
    }

    private static int lineOf(String source, String text) {
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + source);
    }
}
