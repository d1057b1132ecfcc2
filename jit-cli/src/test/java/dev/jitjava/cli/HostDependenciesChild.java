package dev.jitjava.cli;

import dev.jitjava.test.ScriptedChatModel;
import dev.langchain4j.model.chat.ChatModel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Run by {@link HostDependenciesTest} in a fresh JVM whose {@code user.home} and {@code maven.repo.local}
 * point into the test's temporary directory, so that the {@code jit} command resolves libraries as
 * Maven would, from there. Arguments: the working directory, {@code JIT_MODE}, {@code JIT_DEPENDENCIES}
 * ({@code -} for unset), the model's script ({@code library COORDINATES} adds that library and answers
 * with a method using {@code org.example.shout.Shout}; {@code none} fails when asked), then
 * {@code jit}'s arguments; its stdin is the command's. Prints the exit code, stdout and stderr.
 */
public final class HostDependenciesChild {
    static final String SHOUT = """
            ```java
            import org.example.shout.Shout;

            static String shout(String text) {
                return Shout.shout(text);
            }
            ```""";

    public static void main(String[] args) {
        Path work = Path.of(args[0]);
        Map<String, String> environment = new HashMap<>();
        environment.put("JIT_MODE", args[1]);
        if (!args[2].equals("-")) {
            environment.put("JIT_DEPENDENCIES", args[2]);
        }
        Supplier<ChatModel> model = args[3].startsWith("library ")
                ? () -> ScriptedChatModel.answering()
                .thenCallTool("add_dependency", "{\"coordinates\": \"" + args[3].substring(8) + "\"}")
                .thenAnswer(SHOUT)
                : JitCommand.noModel();
        String[] jitArgs = java.util.Arrays.copyOfRange(args, 4, args.length);
        byte[] input;
        try {
            input = System.in.readAllBytes(); // a shell's snippets
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.run(new Main.Context(System.out, new PrintStream(err, true, StandardCharsets.UTF_8),
                    environment, work, work, url -> null, () -> false, model, new ByteArrayInputStream(input)), jitArgs);
        } finally {
            System.setOut(original);
        }
        System.out.println("exit " + exit);
        System.out.println("out: " + out.toString(StandardCharsets.UTF_8));
        System.out.println("err: " + err.toString(StandardCharsets.UTF_8));
    }
}
