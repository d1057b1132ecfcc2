package dev.jitjava.cli;

import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arguments javac types only from the method they are passed to (a conditional of references, a
 * switch expression), passed to a method that does not exist yet: the method is asked for with the
 * type the argument has on its own, in {@code jit run} and in {@code jit shell}. A lambda, which has
 * no such type, is an error that says what to do. A call qualified by the program's class or by
 * {@code this} asks for the method as a bare call does.
 */
class PolyArgumentsTest {
    @TempDir
    Path work;

    private final List<String> asked = new ArrayList<>();
    private final List<String> prompts = new ArrayList<>();
    private String out;
    private String err;

    /** Answers every method with one that takes anything and prints it; records the signature asked for. */
    private ScriptedChatModel model() {
        return ScriptedChatModel.replying(request -> {
            String signature = ScriptedChatModel.allText(request).lines().map(String::strip)
                    .filter(line -> line.startsWith("static ")).findFirst().orElseThrow();
            synchronized (asked) {
                asked.add(signature);
                prompts.add(ScriptedChatModel.lastUserText(request));
            }
            String name = signature.substring(signature.indexOf(' ', 7) + 1, signature.indexOf('('));
            return "```java\nstatic String " + name + "(Object value) { return \"" + name + ":\" + value; }\n```";
        });
    }

    private int jit(String input, String... args) {
        JitCommand command = new JitCommand(work);
        int exit = command.run(this::model, input, args);
        out = command.out();
        err = command.err();
        return exit;
    }

    @Test
    void run_polyExpressionArguments_askForTheTypeTheArgumentHasOnItsOwn() throws Exception {
        Files.writeString(work.resolve("Poly.java"), """
                import java.util.*;

                public class Poly {
                    public static void main(String[] args) {
                        boolean some = args.length > 0;
                        System.out.println(text(some ? args[0] : "none"));
                        System.out.println(yielded(switch (args.length) {
                            case 0 -> "zero";
                            default -> {
                                String first = args[0];
                                yield first.trim();
                            }
                        }));
                        System.out.println(list(some ? List.of(1) : new LinkedList<Integer>()));
                        System.out.println(number(switch (args.length) { case 0 -> 1; case 1 -> 2L; default -> (short) 3; }));
                        System.out.println(boxed(some ? null : Integer.valueOf(4)));
                        System.out.println(nested(some ? (args.length > 1 ? "a" : "b") : ("c")));
                        System.out.println(chars(some ? new StringBuilder("sb") : "s"));
                        System.out.println(anything(some ? "s" : Integer.valueOf(1)));
                    }
                }
                """);

        assertThat(jit("", "run", "Poly.java", " one ")).as(err + prompts).isZero();

        assertThat(asked).containsExactlyInAnyOrder(
                "static Object text(java.lang.String text)",
                "static Object yielded(java.lang.String text)",
                "static Object list(java.util.List<java.lang.Integer> list)",
                "static Object number(long n)",
                "static Object boxed(java.lang.Integer integer)",
                "static Object nested(java.lang.String text)",
                "static Object chars(java.lang.CharSequence text)",
                "static Object anything(java.lang.Object object)");
        assertThat(out).isEqualTo("""
                text: one\s
                yielded:one
                list:[1]
                number:2
                boxed:null
                nested:b
                chars:sb
                anything:s
                """);
    }

    @Test
    void run_callsQualifiedByTheProgramsOwnClassOrThis_areWrittenLikeBareOnes() throws Exception {
        Files.writeString(work.resolve("Qualified.java"), """
                public class Qualified {
                    public static void main(String[] args) {
                        System.out.println(Qualified.label("static"));
                        new Qualified().run();
                    }

                    void run() {
                        System.out.println(this.other(21));
                    }
                }
                """);

        assertThat(jit("", "run", "Qualified.java")).as(err + prompts).isZero();

        assertThat(asked).containsExactlyInAnyOrder("static Object label(java.lang.String text)",
                "static Object other(int n)");
        assertThat(out).isEqualTo("label:static\nother:21\n");
    }

    @Test
    void run_lambdaArgumentOfAMissingMethod_isAnErrorSayingHowToTypeIt() throws Exception {
        Files.writeString(work.resolve("Lambda.java"), """
                public class Lambda {
                    public static void main(String[] args) {
                        System.out.println(applyTwice(x -> x + 1, 3));
                    }
                }
                """);

        assertThat(jit("", "run", "Lambda.java")).isNotZero();

        assertThat(asked).isEmpty();
        assertThat(err).contains("line 3: `x -> x + 1` is passed to applyTwice, which does not exist yet, "
                        + "so nothing says what type it has")
                .contains("declare it with its type first");
    }

    @Test
    void shell_polyExpressionArgument_andTheSessionGoesOnAfterALambda() {
        int exit = jit("String word = \"abc\";\nshow(word.isEmpty() ? \"empty\" : word);\n"
                + "show2(s -> s.length());\nshow(switch (word.length()) { case 3 -> \"three\"; default -> word; });\n",
                "shell");

        assertThat(exit).as(err).isZero();
        assertThat(asked).containsExactly("static Object show(java.lang.String text)");
        assertThat(out).contains("show:abc").contains("show:three");
        assertThat(err).contains("`s -> s.length()` is passed to show2");
    }
}
