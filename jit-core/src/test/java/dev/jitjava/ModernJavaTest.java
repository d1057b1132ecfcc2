package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.List;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated code compiles at the running JDK's language level, next to the interface's own methods. */
class ModernJavaTest {
    @TempDir
    Path store;


    interface Shapes {
        double totalArea(List<Object> shapes);

        int countVowels(String text);

        default boolean isVowel(char c) {
            return "aeiou".indexOf(c) >= 0;
        }
    }

    @Test
    void recordsPatternsAndSwitchExpressions_compile() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.fenced("""
                record Square(double side) {}

                double totalArea(List<Object> shapes) {
                    double total = 0;
                    for (Object shape : shapes) {
                        total += switch (shape) {
                            case null -> 0;
                            default -> shape instanceof Double d ? new Square(d).side() * d : 0;
                        };
                    }
                    return total;
                }"""));
        Shapes shapes = Jit.builder().store(store).model(model).maxAttempts(1).build().implement(Shapes.class);
        if (Runtime.version().feature() < 21) {
            // switch patterns are final in 21; on 17 javac refuses them, which is the point of this check
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> shapes.totalArea(List.of(2.0)))
                    .isInstanceOf(GenerationException.class)
                    .hasMessageContaining("patterns in switch statements are a preview feature");
            return;
        }
        assertThat(shapes.totalArea(List.of(2.0, "x", 3.0))).isEqualTo(13.0);
    }

    @Test
    void privateHelperNamedLikeADefaultMethod_compilesAndRuns() {
        ScriptedChatModel model = ScriptedChatModel.answering(Answers.fenced("""
                public class ShapesImpl implements Shapes {
                    @Override
                    public int countVowels(String text) {
                        int n = 0;
                        for (char c : text.toCharArray()) {
                            if (isVowel(Character.toLowerCase(c))) n++;
                        }
                        return n;
                    }

                    private boolean isVowel(char c) {
                        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
                    }
                }"""));
        Shapes shapes = Jit.builder().store(store).model(model).build().implement(Shapes.class);

        assertThat(shapes.countVowels("Rhythm")).isEqualTo(1);
        assertThat(shapes.isVowel('y')).isFalse();
    }
}
