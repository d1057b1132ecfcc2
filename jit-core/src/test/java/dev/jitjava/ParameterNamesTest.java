package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An interface compiled without {@code -parameters} (as many builds still are) gives the model names made up
 * from the types: jit-java says so once per interface, naming the flag and the Maven setting.
 */
class ParameterNamesTest {
    @TempDir
    Path dir;

    private static final String PRICES = """
            package dev.example.names;
            public interface Prices {
                int discount(int price, int percent);
                String label(String product);
            }
            """;

    /** {@code source} compiled by javac with these options into a folder of its own, loaded from there. */
    private Class<?> compile(String name, String source, String... options) throws Exception {
        Path file = dir.resolve("src").resolve(name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = Files.createDirectories(dir.resolve("classes-" + String.join("", options)));
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.addAll(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"), file.toString()));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).isZero();
        URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, getClass().getClassLoader());
        return loader.loadClass("dev.example.names." + name);
    }

    /** {@code discount(200, 10)} on a new implementation of {@code prices} by {@code jit}. */
    private static void discount(Jit jit, Class<?> prices) {
        try {
            prices.getMethod("discount", int.class, int.class).invoke(jit.implement(prices), 200, 10);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void interfaceCompiledWithoutParameters_warnsOnceNamingTheFlagAndTheMavenSetting() throws Exception {
        Class<?> prices = compile("Prices", PRICES);
        ScriptedChatModel model = ScriptedChatModel.answering(
                Answers.fenced("public int discount(int n, int n2) { return n - n * n2 / 100; }"));
        Jit jit = Jit.builder().store(dir.resolve("store")).model(model).build();

        String first = SeedDemoTest.captureStderr(() -> discount(jit, prices));
        String again = SeedDemoTest.captureStderr(() -> {
            Jit.builder().store(dir.resolve("store")).mode(Mode.LOCKED).build().verify(prices);
            jit.verify(prices);
        });

        assertThat(first).containsOnlyOnce("WARN dev.jitjava.Jit - dev.example.names.Prices was compiled without "
                + "parameter names, so the model sees int discount(int n, int n2) instead of the names in its source: "
                + "compile it with javac's -parameters flag (Maven: <parameters>true</parameters> in the configuration "
                + "of maven-compiler-plugin; Gradle: options.compilerArgs.add(\"-parameters\"))");
        assertThat(model.lastUserMessage()).contains("int discount(int n, int n2)");
        assertThat(again).doesNotContain("parameter names");
    }

    @Test
    void interfaceCompiledWithParameters_noWarning_andTheModelSeesTheRealNames() throws Exception {
        Class<?> prices = compile("Prices", PRICES, "-parameters");
        ScriptedChatModel model = ScriptedChatModel.answering(
                Answers.fenced("public int discount(int price, int percent) { return price - price * percent / 100; }"));
        Jit jit = Jit.builder().store(dir.resolve("store")).model(model).build();

        String err = SeedDemoTest.captureStderr(() -> discount(jit, prices));

        assertThat(err).doesNotContain("parameter names");
        assertThat(model.lastUserMessage()).contains("int discount(int price, int percent)");
    }

    @Test
    void interfaceWhoseMethodsTakeNoParameters_noWarning() throws Exception {
        Class<?> clock = compile("Ticks", """
                package dev.example.names;
                public interface Ticks {
                    long ticks();
                }
                """);

        String err = SeedDemoTest.captureStderr(() -> Jit.builder().store(dir.resolve("store")).build().verify(clock));

        assertThat(err).doesNotContain("parameter names");
    }
}
