package dev.jitjava.internal.extract;

import dev.jitjava.internal.compile.SourceUnit;
import dev.jitjava.internal.method.InterfaceMethods;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Owner;
import dev.jitjava.internal.method.OwnerMethod;
import dev.jitjava.internal.method.Specs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How calls written as in a class of the owner's own become calls on {@code self}, shown on the unit's source. */
class SelfCallsTest {

    interface Shapes {
        double area(double radius);

        default double circumference(double radius) {
            return 2 * Math.PI * radius;
        }

        double ratio(double radius);

        int fib(int n);
    }

    interface Overloads {
        int size(List<Integer> values);

        int size(int[] values);
    }

    private static MethodSpec spec(Class<?> iface, String name) {
        List<java.lang.reflect.Method> methods = InterfaceMethods.toGenerate(iface);
        int index = 0;
        while (!methods.get(index).getName().equals(name)) {
            index++;
        }
        return Specs.forInterface(Owner.Interface.of(iface), methods).get(index);
    }

    private static String unit(MethodSpec spec, String code) {
        Extraction extraction = CodeExtractor.extract("```java\n" + code + "\n```", spec);
        assertThat(extraction).isInstanceOf(Extraction.Found.class);
        String source = SourceUnit.of(spec, (Extraction.Found) extraction).source();
        return source.substring(source.indexOf("final class "));
    }

    @Test
    void recursion_bareOrThisOrQualified_callsTheUnitsMethodWithSelf() {
        String unit = unit(spec(Shapes.class, "fib"), """
                class Solution implements Shapes {
                    public int fib(int n) {
                        if (n < 2) return n;
                        return fib(n - 1) + this.fib(n - 2) + Solution.fib(0);
                    }
                }""");

        assertThat(unit).contains("return fib(self, n - 1) + fib(self, n - 2) + fib(self, 0);");
    }

    @Test
    void siblingCall_bareOrThis_becomesCallOnSelf() {
        String unit = unit(spec(Shapes.class, "ratio"), """
                public double ratio(double radius) {
                    return area(radius) / this.circumference(radius);
                }""");

        assertThat(unit).contains("return self.area(radius) / self.circumference(radius);");
    }

    @Test
    void helperNeedingSelf_getsItAsFirstParameter_andCallersPassIt() {
        String unit = unit(spec(Shapes.class, "ratio"), """
                public double ratio(double radius) {
                    return outer(radius);
                }

                private double outer(double r) {
                    return inner(r) + 0;
                }

                private double inner(double r) {
                    return area(r) / circumference(r);
                }

                private static double unrelated(double r) {
                    return r;
                }""");

        assertThat(unit)
                .contains("return outer(self, radius);")
                .contains("private static double outer(SelfCallsTest.Shapes self, double r) {")
                .contains("return inner(self, r) + 0;")
                .contains("private static double inner(SelfCallsTest.Shapes self, double r) {")
                .contains("return self.area(r) / self.circumference(r);");
    }

    @Test
    void helperWithTheSameNameAndArity_winsOverTheInterfaceMethod() {
        String unit = unit(spec(Shapes.class, "ratio"), """
                double ratio(double radius) {
                    return area(radius) / circumference(radius);
                }

                private double area(double r) {
                    return r;
                }""");

        assertThat(unit).contains("return area(radius) / self.circumference(radius);")
                .contains("private static double area(double r) {");
    }

    @Test
    void callInsideAnonymousClass_toItsOwnMethod_staysAndOtherwiseReachesSelf() {
        String unit = unit(spec(Shapes.class, "ratio"), """
                double ratio(double radius) {
                    java.util.function.DoubleUnaryOperator op = new java.util.function.DoubleUnaryOperator() {
                        public double applyAsDouble(double r) {
                            return area(r) / this.circumference(r);
                        }
                        double circumference(double r) {
                            return 1;
                        }
                    };
                    return op.applyAsDouble(radius);
                }""");

        assertThat(unit).contains("return self.area(r) / this.circumference(r);");
    }

    @Test
    void recursion_overloadedInInterface_goesThroughSelfWhereJavacPicksTheOverload() {
        String unit = unit(spec(Overloads.class, "size"), """
                int size(List<Integer> values) {
                    return values.isEmpty() ? 0 : 1 + size(values.subList(1, values.size()));
                }""");

        assertThat(unit).contains("return values.isEmpty() ? 0 : 1 + self.size(values.subList(1, values.size()));");
    }

    @Test
    void thisAndMethodReferences_meanSelfAndWorkFromTheStaticMethod() {
        String unit = unit(spec(Shapes.class, "ratio"), """
                public double ratio(double radius) {
                    java.util.function.DoubleUnaryOperator a = this::area;
                    java.util.function.DoubleUnaryOperator twice = this::twice;
                    Shapes me = this;
                    return a.applyAsDouble(radius) / me.circumference(radius) + twice.applyAsDouble(0);
                }

                private double twice(double x) {
                    return 2 * x;
                }""");

        assertThat(unit).contains("DoubleUnaryOperator a = self::area;")
                .contains("DoubleUnaryOperator twice = SelfCallsTest_Shapes_ratio::twice;")
                .contains("Shapes me = self;");
    }

    @Test
    void jitObject_recursionAndSiblings_callTypedBridges() {
        OwnerMethod isPrime = OwnerMethod.of(Specs.forDynamicCall(new Owner.DynamicObject("math"), "isPrime", new Object[]{7}, Boolean.class, List.of(), "",
                List.of(), List.of(), List.of()), null);
        MethodSpec spec = Specs.forDynamicCall(new Owner.DynamicObject("math"), "countPrimes", new Object[]{10}, Integer.class, List.of("limit"),
                "", List.of(), List.of(), List.of(isPrime));

        String unit = unit(spec, """
                int countPrimes(int limit) {
                    if (limit < 2) return 0;
                    return (isPrime(limit) ? 1 : 0) + self.countPrimes(limit - 1) + (self.isPrime(2) ? 0 : 0);
                }""");

        assertThat(unit)
                .contains("return (isPrime(self, limit) ? 1 : 0) + countPrimes(self, limit - 1) + (isPrime(self, 2) ? 0 : 0);")
                .contains("private static boolean isPrime(dev.jitjava.JitObject self, int n) {")
                .contains("return self.call(java.lang.Boolean.class, \"isPrime\", n);");
    }

    @Test
    void jitObject_helperCallingSelfDotSibling_getsSelfThreaded() {
        OwnerMethod isPrime = OwnerMethod.of(Specs.forDynamicCall(new Owner.DynamicObject("math"), "isPrime",
                new Object[]{7}, Boolean.class, List.of(), "", List.of(), List.of(), List.of()), null);
        MethodSpec spec = Specs.forDynamicCall(new Owner.DynamicObject("math"), "countPrimes", new Object[]{10},
                Integer.class, List.of("limit"), "", List.of(), List.of(), List.of(isPrime));

        String unit = unit(spec, """
                int countPrimes(int limit) {
                    int n = 0;
                    for (int i = 2; i <= limit; i++) if (check(i)) n++;
                    return n;
                }

                private static boolean check(int i) {
                    return self.isPrime(i);
                }""");

        assertThat(unit).contains("for (int i = 2; i <= limit; i++) if (check(self, i)) n++;")
                .contains("private static boolean check(dev.jitjava.JitObject self, int i) {")
                .contains("return isPrime(self, i);");
    }

    @Test
    void helperWithItsOwnSelfParameter_calledWithoutIt_getsSelfPassed() {
        String unit = unit(spec(Shapes.class, "ratio"), """
                public double ratio(double radius) {
                    return half(radius) + half(self, 0);
                }

                private static double half(Shapes self, double r) {
                    return self.area(r) / self.circumference(r);
                }""");

        assertThat(unit).contains("return half(self, radius) + half(self, 0);")
                .contains("private static double half(Shapes self, double r) {");
    }

    interface Totals {
        int total(List<Integer> values);
    }

    @Test
    void helperSharingTheMethodsNameAndArity_bothTakeSelf_andJavacPicksByType() {
        String unit = unit(spec(Totals.class, "total"), """
                public int total(List<Integer> values) {
                    if (values.isEmpty()) return 0;
                    return total(new int[]{values.get(0)}) + total(values.subList(1, values.size()));
                }

                private int total(int[] values) {
                    return java.util.Arrays.stream(values).sum();
                }""");

        assertThat(unit).contains("return total(self, new int[]{values.get(0)}) + total(self, values.subList(1, values.size()));")
                .contains("private static int total(SelfCallsTest.Totals self, int[] values) {");
    }

    @Test
    void localRecordAndMemberClass_cannotReachSelf_areLeftAsWritten() {
        String unit = unit(spec(Shapes.class, "ratio"), """
                public double ratio(double radius) {
                    record Circle(double r) {
                        double a() { return area(r); }
                    }
                    return radius / 2;
                }""");

        assertThat(unit).contains("double a() { return area(r); }");
    }
}
