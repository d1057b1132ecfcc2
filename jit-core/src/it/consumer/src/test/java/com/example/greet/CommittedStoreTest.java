package com.example.greet;

import dev.jitjava.Jit;
import dev.jitjava.MissingMethodException;
import dev.jitjava.Mode;
import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jit-core from outside: the committed store in .jit/ runs LOCKED, with no model, no key and no network. */
class CommittedStoreTest {
    /** A method the store does not have. */
    interface Unwritten {
        int twice(int n);
    }

    @Test
    void builder_locked_runsTheCommittedMethods() {
        Jit jit = Jit.builder().mode(Mode.LOCKED).store(Path.of(".jit")).build();

        Greetings greetings = jit.implement(Greetings.class);

        assertEquals("Hello, Ada!", greetings.greet("Ada"));
        assertEquals(4, greetings.countVowels("queue"));
        assertTrue(jit.verify(Greetings.class).passed(), () -> jit.verify(Greetings.class).problems().toString());
    }

    @Test
    void create_withJitModeLocked_runsTheApp() {
        assertEquals("locked", System.getenv("JIT_MODE"));
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            App.main(new String[]{"Grace"});
        } finally {
            System.setOut(original);
        }

        assertEquals("Hello, Grace! (2 vowels)", out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void locked_methodNotInTheStore_failsNamingIt() {
        Jit jit = Jit.builder().mode(Mode.LOCKED).store(Path.of(".jit")).build();

        MissingMethodException missing = assertThrows(MissingMethodException.class,
                () -> jit.implement(Unwritten.class).twice(2));

        assertTrue(missing.getMessage().endsWith("for method Unwritten.twice(int)"), missing.getMessage());
    }

    @Test
    void scriptedChatModel_writesAMethodInAStoreOfItsOwn() throws Exception {
        Path store = Files.createTempDirectory(Path.of("target"), "store");
        ScriptedChatModel model = ScriptedChatModel.answering("```java\nint twice(int n) { return 2 * n; }\n```");
        Jit jit = Jit.builder().mode(Mode.AUTO).store(store).model(model).build();

        assertEquals(6, jit.implement(Unwritten.class).twice(3));
        assertEquals(1, model.requestCount());
        assertTrue(Files.exists(store.resolve(Unwritten.class.getName()).resolve("twice(int).java")));
    }
}
