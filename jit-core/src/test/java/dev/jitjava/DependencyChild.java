package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;

import java.nio.file.Path;

/**
 * Run by {@link DependencyTest} in a fresh JVM whose user.home and maven.repo.local point into the
 * test's temporary directory: the resolver is the default one, configured as Maven would be.
 * {@code generate STORE} writes Shouter.shout with a library; {@code load STORE} loads it, LOCKED.
 */
public final class DependencyChild {
    public static void main(String[] args) {
        Path store = Path.of(args[1]);
        Jit jit = args[0].equals("generate")
                ? Jit.builder().store(store).dependencies("org.example").model(ScriptedChatModel.answering()
                        .thenCallTool("add_dependency", "{\"coordinates\": \"org.example:shout:1.0\"}")
                        .thenAnswer(Answers.fenced("import org.example.shout.Shout;\n\n"
                                + "String shout(String text) { return Shout.shout(text); }"))).build()
                : Jit.builder().store(store).dependencies("org.example").mode(Mode.LOCKED)
                        .model(ScriptedChatModel.answering()).build();
        System.out.println("shout " + jit.implement(DependencyTest.Shouter.class).shout("fresh"));
    }
}
