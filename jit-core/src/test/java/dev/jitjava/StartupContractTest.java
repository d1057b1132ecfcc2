package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README promises about start-up, checked in a fresh JVM with {@code -Xlog:class+load}: a
 * process that binds stored methods whose files are unchanged loads neither ASM, nor javac, nor a JSON
 * parser, nor the generation classes, nor a record's {@code ObjectMethods} bootstrap before its first
 * bound call returns. (Lambdas may load: a real application has used them by then.)
 */
class StartupContractTest {
    @TempDir
    Path work;

    /** The interface the child binds. */
    public interface Numbers {
        int countVowels(String text);

        int twice(int n);

        default int twiceVowels(String text) {
            return twice(countVowels(text));
        }
    }

    /** Run in a fresh JVM: binds the stored methods, calls one, then loads {@link AfterFirstCall} as a marker. */
    public static final class Child {
        public static void main(String[] args) {
            Jit jit = Jit.builder().store(Path.of(args[0])).mode(Mode.LOCKED).build();
            int result = jit.implement(Numbers.class).twiceVowels("education");
            AfterFirstCall.mark(result);
        }
    }

    /** Loaded right after the first bound call returned: everything the log shows before it came first. */
    public static final class AfterFirstCall {
        static void mark(int result) {
            System.out.println("result " + result);
        }
    }

    @Test
    void boundStoredMethods_loadNoAsmNoJavacNoJsonParserNoGenerationAndNoRecordBootstrap_beforeTheFirstCall()
            throws Exception {
        Path store = work.resolve("store");
        Jit.builder().store(store).model(ScriptedChatModel.answering(
                        "```java\nint countVowels(String text) { int n = 0; for (char c : text.toCharArray()) "
                                + "if (\"aeiou\".indexOf(c) >= 0) n++; return n; }\n```",
                        "```java\nint twice(int n) { return 2 * n; }\n```"))
                .build().implement(Numbers.class).twiceVowels("a");
        settle(store);
        assertThat(child(store, null)).contains("result 10"); // fills .cache's snapshot, as a first start does
        Path log = work.resolve("classes.log");

        String output = child(store, log);

        assertThat(output).contains("result 10");
        List<String> before = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.contains(AfterFirstCall.class.getName())) {
                break;
            }
            before.add(line);
        }
        assertThat(before).as("classes loaded before the first bound call returned").isNotEmpty()
                .anyMatch(line -> line.contains(" dev.jitjava.Jit "))
                .noneMatch(line -> line.contains(" org.objectweb.asm."))
                .noneMatch(line -> line.contains(" com.sun.tools.javac.") || line.contains(" javax.tools."))
                .noneMatch(line -> line.contains(" com.fasterxml.jackson.") || line.contains("internal.store.JsonText")
                        || line.contains("internal.store.MetadataJson"))
                .noneMatch(line -> line.contains("internal.engine.Generation") || line.contains(" dev.langchain4j."))
                .noneMatch(line -> line.contains(" java.lang.runtime.ObjectMethods "));
    }

    /**
     * Sets the store's files' times back, as a store at rest is: files changed within 2 s are never trusted
     * by their stamps (the next start records the stamps, and later starts trust them).
     */
    private static void settle(Path store) throws IOException {
        FileTime past = FileTime.from(Instant.now().minusSeconds(60));
        try (Stream<Path> files = Files.walk(store)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, past);
            }
        }
    }

    private String child(Path store, Path log) throws Exception {
        return ChildJvm.run(work, Map.of(), log == null ? List.of() : List.of("-Xlog:class+load:file=" + log),
                Child.class, store.toString());
    }
}
