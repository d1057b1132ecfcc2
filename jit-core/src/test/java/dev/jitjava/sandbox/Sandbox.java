package dev.jitjava.sandbox;

import dev.jitjava.BudgetExceededException;
import dev.jitjava.Capability;
import dev.jitjava.Jit;
import dev.jitjava.VerificationException;
import dev.jitjava.test.ScriptedChatModel;
import org.junit.jupiter.params.provider.Arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Runs a "generated" method through the library as users meet it ({@code Jit.builder().model(...)
 * .implement(...)}), and checks that an attack is stopped with no side effect: no file, no
 * property, no thread left, no JVM-wide setting changed, and the next ordinary call still works.
 */
final class Sandbox {
    /** The interface every attack and control implements; {@code input} names a file an attack would create. */
    public interface Victim {
        String run(String input);
    }

    /** Refused by the verifier; stopped by a budget as it runs; or served with its static state made per call. */
    enum Stop { VERIFIER, RUN, PER_CALL }

    /** One case: the method body, how it must be stopped, what the failure must name, and the grants it runs with. */
    record Case(String name, String body, Stop stop, String named, Set<Capability> grants) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Arguments refused(String name, String body, String named, Capability... grants) {
        return arguments(new Case(name, body, Stop.VERIFIER, named, Set.of(grants)));
    }

    /** State kept in static fields, made per call: each call starts afresh, and nothing is carried to the next. */
    static Arguments perCall(String name, String body) {
        return arguments(new Case(name, body, Stop.PER_CALL, "", Set.of()));
    }

    static Arguments stopped(String name, String body, Capability... grants) {
        return arguments(new Case(name, body, Stop.RUN, "", Set.of(grants)));
    }

    static Arguments control(String name, String body, String expected) {
        return arguments(new Case(name, body, Stop.RUN, expected, Set.of()));
    }

    private static final Locale LOCALE = Locale.getDefault();
    private static final TimeZone ZONE = TimeZone.getDefault();
    private static final java.io.PrintStream OUT = System.out;
    private static final java.io.PrintStream ERR = System.err;
    private static Victim ordinary;

    private Sandbox() {
    }

    static Victim implement(Path dir, String name, String body, Set<Capability> grants) {
        ScriptedChatModel model = ScriptedChatModel.answering("```java\nString run(String input) {\n" + body + "\n}\n```");
        Jit.Builder builder = Jit.builder().store(dir.resolve("store-" + name.replaceAll("\\W", "_"))).model(model)
                .maxAttempts(1).budget(Duration.ofMillis(400), 64L << 20).wallClock(Duration.ofSeconds(2));
        grants.forEach(builder::allow);
        return builder.build().implement(Victim.class);
    }

    /** The attack is stopped as its case says, and leaves nothing behind. */
    static void attack(Path dir, Case attack) throws InterruptedException {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        String marker = dir.resolve("MARKER").toString();
        Victim victim = implement(dir, attack.name(), attack.body(), attack.grants());
        long start = System.nanoTime();
        if (attack.stop() == Stop.VERIFIER) {
            assertThatThrownBy(() -> victim.run(marker))
                    .isInstanceOfSatisfying(VerificationException.class,
                            e -> assertThat(String.join("\n", e.violations())).contains(attack.named()))
                    .hasMessageEndingWith("Nothing was stored, for method Victim.run(String)");
        } else if (attack.stop() == Stop.PER_CALL) {
            String first = victim.run(marker);
            assertThat(victim.run(marker)).as("a second call, which starts afresh").isEqualTo(first);
        } else {
            assertThatThrownBy(() -> victim.run(marker)).isInstanceOf(BudgetExceededException.class)
                    .hasMessageEndingWith("for method Victim.run(String)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        }
        noSideEffects(dir, before);
    }

    /** A control: ordinary code that must keep working, with its result. */
    static void control(Path dir, Case control) {
        Victim victim = implement(dir, control.name(), control.body(), control.grants());

        assertThat(victim.run("abc")).isEqualTo(control.named());
        assertThat(victim.run("abc")).as("a second call, with the same result").isEqualTo(control.named());
    }

    private static void noSideEffects(Path dir, Set<Thread> before) throws InterruptedException {
        assertThat(Files.exists(dir.resolve("MARKER"))).as("a file the attack would create").isFalse();
        assertThat(System.getProperty("jit.attack")).isNull();
        assertThat(Locale.getDefault()).isEqualTo(LOCALE);
        assertThat(TimeZone.getDefault()).isEqualTo(ZONE);
        assertThat(System.out).isSameAs(OUT);
        assertThat(System.err).isSameAs(ERR);
        Thread.sleep(20);
        Set<String> left = new HashSet<>();
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread thread = entry.getKey();
            // CompletableFuture's own timer thread: jit-java's time limits on checks start it, once per JVM
            if (!before.contains(thread) && thread.isAlive() && !thread.getName().startsWith("junit")
                    && !thread.getName().equals("CompletableFutureDelayScheduler")) {
                left.add(thread.getName() + " at " + java.util.Arrays.toString(entry.getValue()));
            }
        }
        assertThat(left).as("threads the attack left").isEmpty();
        assertThat(ordinary(dir).run("after")).as("the next ordinary call").isEqualTo("AFTER");
    }

    private static synchronized Victim ordinary(Path dir) {
        if (ordinary == null) {
            ordinary = implement(dir, "ordinary", "return input.toUpperCase();", Set.of());
        }
        return ordinary;
    }
}
