package dev.jitjava.internal.verify;

import dev.jitjava.Allow;
import dev.jitjava.Capability;
import dev.jitjava.Jit;
import dev.jitjava.VerificationException;
import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifierTest {
    @TempDir
    Path dir;

    public interface Tools {
        String apply(String input);
    }

    @Allow(Capability.FILES_READ)
    public interface Reader {
        String apply(String input);
    }

    private static String answer(String body) {
        return "```java\nString apply(String input) {\n" + body + "\n}\n```";
    }

    @Test
    void violation_repairRequestNamesMemberAndWhatToDoInstead_thenGoodCodePasses() {
        ScriptedChatModel model = ScriptedChatModel.answering(answer("System.exit(1);\nreturn input;"),
                answer("return input.toUpperCase();"));
        Tools tools = Jit.builder().store(dir).model(model).build().implement(Tools.class);

        assertThat(tools.apply("ok")).isEqualTo("OK");
        assertThat(model.lastUserMessage()).startsWith("That did not work:\n\nline 13: `java.lang.System.exit(int)` is not "
                + "allowed here: ends the JVM: return a value or throw an exception instead\n    System.exit(1);\n");
    }

    @Test
    void capabilityMissing_exceptionSaysHowToGrantIt() {
        String socket = answer("try { new java.net.Socket(\"127.0.0.1\", 9).close(); } catch (java.io.IOException e) { }\n"
                + "return input;");
        Tools tools = Jit.builder().store(dir).model(ScriptedChatModel.answering(socket)).maxAttempts(1).build()
                .implement(Tools.class);

        assertThatThrownBy(() -> tools.apply("x"))
                .isInstanceOf(VerificationException.class)
                .hasMessage("No answer from model scripted kept to what generated code may use, in 1 attempt. Last answer:\n"
                        + "- `java.net.Socket.<init>(java.lang.String, int)` at line 13 needs the NETWORK capability: "
                        + "grant it with @Allow(Capability.NETWORK) on Tools, or Jit.builder().allow(Capability.NETWORK)\n"
                        + "Nothing was stored, for method Tools.apply(String)");
    }

    @Test
    void grantedByAllowOnTheInterface_orByTheBuilder() throws Exception {
        Path file = Files.writeString(dir.resolve("in.txt"), "from a file");
        String read = answer("try { return java.nio.file.Files.readString(java.nio.file.Path.of(input)); }\n"
                + "catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }");

        Reader reader = Jit.builder().store(dir.resolve("a")).model(ScriptedChatModel.answering(read)).build()
                .implement(Reader.class);
        Tools tools = Jit.builder().store(dir.resolve("b")).model(ScriptedChatModel.answering(read))
                .allow(Capability.FILES_READ).build().implement(Tools.class);

        assertThat(reader.apply(file.toString())).isEqualTo("from a file");
        assertThat(tools.apply(file.toString())).isEqualTo("from a file");
    }

    @Test
    void consoleIsGrantedByDefault() {
        Tools tools = Jit.builder().store(dir).model(ScriptedChatModel.answering(
                answer("System.out.print(\"\"); return input;"))).build().implement(Tools.class);

        assertThat(tools.apply("printed")).isEqualTo("printed");
    }

    @Test
    void storedCodeIsNotTrustedEither_handEditVerifiedOnLoad() throws Exception {
        Jit.builder().store(dir).model(ScriptedChatModel.answering(answer("return input;"))).build()
                .implement(Tools.class).apply("a");
        Path java = dir.resolve(Tools.class.getName()).resolve("apply(java.lang.String).java");
        Files.writeString(java, Files.readString(java).replace("return input;", "return System.getenv(\"HOME\");"));
        ScriptedChatModel model = ScriptedChatModel.answering();

        assertThatThrownBy(() -> Jit.builder().store(dir).model(model).build().implement(Tools.class).apply("a"))
                .isInstanceOf(VerificationException.class)
                .hasMessage("The stored source uses what generated code may not: " + java + ": "
                        + "`java.lang.System.getenv(java.lang.String)` at line 13 is never allowed: environment variables "
                        + "are not for generated code: take the value as a parameter, for method Tools.apply(String)");
        assertThat(model.requestCount()).isZero();
    }

    public interface Ordinary {
        record Pair(String word, int count) {
        }

        enum Kind { SHORT, LONG }

        List<Pair> wordCounts(String text);
    }

    @Test
    void ordinaryGoodCode_passes_collectionsStreamsRecordsRegexBigIntegerTimeAndJavacShapes() {
        String good = """
                ```java
                import java.math.BigInteger;
                import java.time.LocalDate;
                import java.util.regex.Pattern;
                import java.io.*;

                List<Ordinary.Pair> wordCounts(String text) {
                    Map<String, Integer> counts = new TreeMap<>();
                    for (String word : Pattern.compile("\\\\W+").split(text.toLowerCase())) {
                        if (!word.isEmpty()) counts.merge(word, 1, Integer::sum);
                    }
                    List<Ordinary.Pair> pairs = counts.entrySet().stream()
                            .map(e -> new Ordinary.Pair(e.getKey(), e.getValue()))
                            .sorted(Comparator.comparingInt(Ordinary.Pair::count).reversed().thenComparing(Ordinary.Pair::word))
                            .collect(Collectors.toList());
                    BigInteger check = BigInteger.TWO.pow(64).mod(BigInteger.valueOf(97));
                    LocalDate day = LocalDate.of(2026, 11, 25).plusDays(check.intValue() % 2);
                    Ordinary.Kind kind = text.length() > 10 ? Ordinary.Kind.LONG : Ordinary.Kind.SHORT;
                    String label = switch (kind) { case SHORT -> "s"; case LONG -> "l"; };
                    switch (label) { case "s": label = "short"; break; default: label = "long"; }
                    assert day.getYear() == 2026 : "year";
                    try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
                        reader.readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        label = label + "";
                    }
                    Object probe = pairs.isEmpty() ? label : pairs.get(0);
                    if (probe instanceof Ordinary.Pair p && p.count() > 0 && !label.isEmpty()) {
                        return pairs;
                    }
                    return pairs;
                }
                ```""";
        Ordinary ordinary = Jit.builder().store(dir).model(ScriptedChatModel.answering(good)).maxAttempts(1).build()
                .implement(Ordinary.class);

        assertThat(ordinary.wordCounts("the cat and the hat"))
                .startsWith(new Ordinary.Pair("the", 2), new Ordinary.Pair("and", 1));
    }
}
