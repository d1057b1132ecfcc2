package dev.jitjava.scratch;

import dev.jitjava.Jit;
import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.*;

class ScratchTest {
    @TempDir Path store;

    public interface Digits { int digitSum(int n); }

    @Test
    void show() throws Exception {
        String answer = Files.readString(Path.of(System.getProperty("answer")));
        answer = answer.substring(answer.indexOf('\n') + 1);
        ScriptedChatModel model = ScriptedChatModel.answering(answer);
        var o = Jit.builder().store(store).model(model).build().object("scratch");
        Object result = o.call(System.getProperty("method"), Integer.getInteger("arg"));
        System.out.println("RESULT " + result);
        System.out.println(o.source(System.getProperty("method")));
    }
}
