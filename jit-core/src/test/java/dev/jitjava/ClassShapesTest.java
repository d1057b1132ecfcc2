package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A method whose unit holds every kind of class javac emits (local, anonymous at two depths, an
 * enum with constant bodies, a local interface with a default method, nested and inner classes,
 * a sealed hierarchy, a switch map) runs when first written, when loaded from the store's
 * {@code .cache}, and when its stored source is compiled again.
 */
class ClassShapesTest {
    @TempDir
    Path store;

    interface Report {
        String report(int n);
    }

    static final String ANSWER = """
            Here is the implementation, with a few helper types:

            ```java
            public String report(int n) {
                StringBuilder out = new StringBuilder();
                class Local {
                    int twice(int x) {
                        IntUnaryOperator op = y -> y * 2;
                        return op.applyAsInt(x);
                    }
                }
                record Pair(int a, int b) {}
                enum Op {
                    ADD { int apply(int a, int b) { return a + b; } },
                    MUL { int apply(int a, int b) { return a * b; } };
                    abstract int apply(int a, int b);
                }
                interface Greeter {
                    String name();
                    default String greet() { return "hi " + name(); }
                }
                Greeter greeter = new Greeter() {
                    public String name() {
                        Supplier<String> s = new Supplier<>() {
                            public String get() { return "you"; }
                        };
                        return s.get();
                    }
                };
                out.append(new Local().twice(n)).append(' ');
                out.append(Op.MUL.apply(new Pair(n, 3).a(), new Pair(n, 3).b())).append(' ');
                out.append(greeter.greet()).append(' ');
                out.append(area(new Circle(1)) > 3 ? "circle" : "?").append(' ');
                out.append(Shape.make(2).area()).append(' ');
                out.append(new Outer.Middle.Inner().depth()).append(' ');
                out.append(describe(Color.GREEN)).append(' ');
                return out.append(Color.RED.code()).toString();
            }

            sealed interface Figure permits Circle, Square {}
            record Circle(double r) implements Figure {}
            record Square(double side) implements Figure {}

            private static double area(Figure figure) {
                return figure instanceof Circle c ? Math.PI * c.r() * c.r() : 1;
            }

            abstract static class Shape {
                abstract double area();

                static Shape make(double side) {
                    return new Box(side);
                }
            }

            static final class Box extends Shape {
                private final double side;
                Box(double side) { this.side = side; }
                double area() { return side * side; }
            }

            static class Outer {
                static class Middle {
                    static class Inner {
                        int depth() {
                            return new Deepest().level();
                        }

                        class Deepest {
                            int level() { return 4; }
                        }
                    }
                }
            }

            enum Color {
                RED { String code() { return "#f00"; } },
                GREEN { String code() { return "#0f0"; } };
                abstract String code();
            }

            private static String describe(Color color) {
                switch (color) {
                    case RED: return "red";
                    case GREEN: return "green";
                    default: return "?";
                }
            }
            ```
            """;
    static final String EXPECTED = "10 15 hi you circle 4.0 4 green #f00";

    @Test
    void everyClassOfTheUnit_isDefined_whenWritten_fromCache_andFromTheStoredSource() throws IOException {
        ScriptedChatModel model = ScriptedChatModel.answering(ANSWER);

        assertThat(Jit.builder().store(store).model(model).build().implement(Report.class).report(5))
                .isEqualTo(EXPECTED);
        assertThat(Jit.builder().store(store).mode(Mode.LOCKED).build().implement(Report.class).report(5))
                .isEqualTo(EXPECTED);
        deleteCache();
        assertThat(Jit.builder().store(store).mode(Mode.LOCKED).build().implement(Report.class).report(5))
                .isEqualTo(EXPECTED);
        assertThat(model.requestCount()).isEqualTo(1);
    }

    @Test
    void everyClassOfTheUnit_isDefined_onAJitObject() {
        ScriptedChatModel model = ScriptedChatModel.answering(ANSWER);
        JitObject o = Jit.builder().store(store).model(model).build().object("shapes");

        assertThat(o.method("report").returns(String.class).call(5)).isEqualTo(EXPECTED);
        assertThat(Jit.builder().store(store).mode(Mode.LOCKED).build().object("shapes").call(String.class, "report", 5))
                .isEqualTo(EXPECTED);
    }

    private void deleteCache() throws IOException {
        try (Stream<Path> files = Files.walk(store.resolve(".cache"))) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
