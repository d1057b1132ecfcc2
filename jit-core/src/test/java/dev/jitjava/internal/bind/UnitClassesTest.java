package dev.jitjava.internal.bind;

import dev.jitjava.internal.compile.Compilation;
import dev.jitjava.internal.compile.InMemoryCompiler;
import dev.jitjava.internal.compile.SourceUnit;
import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every class javac emits for a unit is defined, in an order the JVM accepts, and usable: local,
 * anonymous, enum-constant-body, lambda-holding and nested classes at any depth, sealed hierarchies,
 * switch maps. {@code Lookup.defineClass} links each class at once, and linking one may need a later
 * one (an enum's initializer stores its constant bodies; a method passes a subclass where its
 * superclass is expected).
 */
public class UnitClassesTest {
    /** A unit with every kind of class javac emits; {@code ClassShapesTest} answers with its members. */
    public static final String UNIT = """
            package dev.jitjava.internal.bind;

            import java.util.*;
            import java.util.function.*;

            final class EveryShape {
                public static String run(int n) {
                    StringBuilder out = new StringBuilder();
                    class Local {
                        int twice(int x) {
                            IntUnaryOperator op = y -> y * 2;            // a lambda in a local class
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
                    Greeter greeter = new Greeter() {                      // anonymous, with an anonymous inside
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
                    out.append(Color.RED.code());
                    return out.toString();
                }

                sealed interface Figure permits Circle, Square {}
                record Circle(double r) implements Figure {}
                record Square(double side) implements Figure {}

                static double area(Figure figure) {                       // a subclass passed as its supertype
                    return figure instanceof Circle c ? Math.PI * c.r() * c.r() : 1;
                }

                abstract static class Shape {
                    abstract double area();

                    static Shape make(double side) {                       // returns a subclass as itself
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
                                Runnable r = () -> { };
                                r.run();
                                return new Deepest().level();
                            }

                            class Deepest {                                 // an inner class, 4 deep
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

                static String describe(Color color) {                       // a switch map class
                    switch (color) {
                        case RED: return "red";
                        case GREEN: return "green";
                        default: return "?";
                    }
                }
            }
            """;
    public static final String EXPECTED = "10 15 hi you circle 4.0 4 green #f00";

    private static Map<String, byte[]> compile() {
        Compilation compilation = new InMemoryCompiler().compile(
                new SourceUnit("dev.jitjava.internal.bind", "EveryShape", UNIT), List.of(UnitClassesTest.class));
        assertThat(compilation).isInstanceOf(Compilation.Classes.class);
        return ((Compilation.Classes) compilation).classes();
    }

    private static final Function<byte[], Class<?>> DEFINER = bytes -> ClassDefiner.defineOne(
            ClassDefiner.lookupIn(UnitClassesTest.class), bytes);

    @Test
    void define_everyShapeOfClass_definesEveryClassJavacEmitted_andEachLinks() throws Throwable {
        Map<String, byte[]> classes = compile();
        assertThat(classes.keySet()).contains("dev.jitjava.internal.bind.EveryShape$1Op$1",
                "dev.jitjava.internal.bind.EveryShape$1Local", "dev.jitjava.internal.bind.EveryShape$1$1",
                "dev.jitjava.internal.bind.EveryShape$Outer$Middle$Inner$Deepest",
                "dev.jitjava.internal.bind.EveryShape$Color$2", "dev.jitjava.internal.bind.EveryShape$1");

        Map<String, Class<?>> defined = ClassDefiner.define(DEFINER, classes, "dev.jitjava.internal.bind.EveryShape");

        assertThat(defined.keySet()).containsExactlyInAnyOrderElementsOf(classes.keySet());
        for (Class<?> type : defined.values()) {
            MethodHandles.lookup().ensureInitialized(type); // links (verifies) and initializes it
        }
        assertThat(run(defined.get("dev.jitjava.internal.bind.EveryShape"))).isEqualTo(EXPECTED);
    }

    @Test
    void defineAsCompiled_cachedClasses_areDefinedAndUsableToo() throws Throwable {
        Map<String, byte[]> cached = ClassDefiner.forCache(compile(), "dev.jitjava.internal.bind.EveryShape");

        Map<String, Class<?>> defined = ClassDefiner.defineAsCompiled(DEFINER, cached);

        assertThat(defined).isNotNull();
        assertThat(defined.keySet()).containsExactlyElementsOf(cached.keySet());
        for (Class<?> type : defined.values()) {
            MethodHandles.lookup().ensureInitialized(type);
        }
        assertThat(run(defined.get("dev.jitjava.internal.bind.EveryShape" + ClassDefiner.CACHED_SUFFIX)))
                .isEqualTo(EXPECTED);
    }

    private static String run(Class<?> unit) throws Throwable {
        return (String) MethodHandles.lookup().findStatic(unit, "run", MethodType.methodType(String.class, int.class))
                .invokeExact(5);
    }
}
