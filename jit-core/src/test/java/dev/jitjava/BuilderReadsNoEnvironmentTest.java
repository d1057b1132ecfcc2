package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Jit#builder()} is configured in code only: a process whose environment sets {@code JIT_STORE},
 * {@code JIT_MODE} and a model is not changed by them (that is {@link Jit#create()}'s business), checked
 * in a fresh JVM because the environment cannot be set in this one.
 */
class BuilderReadsNoEnvironmentTest {
    @TempDir
    Path work;

    /** The interface the child implements. */
    public interface Vowels {
        int countVowels(String text);
    }

    /** Run in a fresh JVM in {@code work}, with the environment the test gives it. */
    public static final class Child {
        public static void main(String[] args) {
            Jit jit = Jit.builder().model(ScriptedChatModel.answering(
                    "```java\nint countVowels(String text) { return text.replaceAll(\"[^aeiou]\", \"\").length(); }\n```"))
                    .build();
            System.out.println("result " + jit.implement(Vowels.class).countVowels("education"));
        }
    }

    @Test
    void builder_environmentSetsStoreModeAndModel_usesItsOwnDefaults() throws Exception {
        String output = ChildJvm.run(work, Map.of("JIT_STORE", "from-environment", "JIT_MODE", "locked",
                "JIT_DEPENDENCIES", "com.google.guava", "JIT_MODEL", "openai:gpt-4.1-mini",
                "OPENAI_BASE_URL", "http://127.0.0.1:9/v1"), List.of(), Child.class); // port 9 (discard) never answers

        assertThat(output).contains("result 5"); // written by the builder's model, though JIT_MODE says locked
        assertThat(work.resolve(".jit")).isDirectory();
        assertThat(work.resolve("from-environment")).doesNotExist();
    }
}
