package dev.jitjava.scratch;

import dev.jitjava.Jit;
import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

class ScratchTest {
    @TempDir Path store;

    public interface Calc { int calc(String op, int a, int b); }

    @Test
    void enumBodies() {
        ScriptedChatModel model = ScriptedChatModel.answering("""
                ```java
                public int calc(String op, int a, int b) {
                    enum Op {
                        ADD { int apply(int a, int b) { return a + b; } },
                        MUL { int apply(int a, int b) { return a * b; } };
                        abstract int apply(int a, int b);
                    }
                    return Op.valueOf(op).apply(a, b);
                }
                ```""");
        Calc c = Jit.builder().store(store).model(model).build().implement(Calc.class);
        System.out.println(c.calc("MUL", 3, 4));
    }
}
