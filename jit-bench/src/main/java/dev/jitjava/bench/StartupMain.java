package dev.jitjava.bench;

import dev.jitjava.Jit;
import dev.jitjava.test.ScriptedChatModel;

import java.nio.file.Path;

/**
 * One start-up run: {@code prepare STORE} writes the 100 methods into a store (scripted model),
 * {@code jit N STORE} loads N stored methods and calls each once (no model: a request fails),
 * {@code plain N} calls N hand-written twins, {@code buildtime N} implements them with the classes
 * jit-processor compiled in (LOCKED, no store: run.sh compiles Apis with the processor first).
 * A mode ending in {@code +app} ({@code plain+app}, {@code jit+app}) first does what a real
 * application has done by then, a lambda and a stream, so that what jit-java adds is told apart from
 * what any program pays once (the lambda and method-handle machinery). The launcher times whole JVMs.
 */
public final class StartupMain {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        if (mode.endsWith("+app")) {
            mode = mode.substring(0, mode.length() - "+app".length());
            System.out.println(java.util.stream.Stream.of(args).map(String::length).filter(n -> n > 0).count() + " arguments");
        }
        if (mode.equals("prepare")) {
            ScriptedChatModel model = Answers.apis();
            Jit jit = Jit.builder().store(Path.of(args[1])).model(model).build();
            System.out.println(jit.prepare(Apis.INTERFACES).generated().size() + " methods generated");
            return;
        }
        int count = Integer.parseInt(args[1]);
        Object[] instances;
        if (mode.equals("plain")) {
            instances = Apis.plain();
        } else if (mode.equals("buildtime")) {
            Jit jit = Jit.builder().mode(dev.jitjava.Mode.LOCKED).store(Path.of("no-store")).build();
            instances = new Object[Apis.INTERFACES.length];
            for (int i = 0; i < instances.length && i * 10 < count; i++) {
                instances[i] = jit.implement(Apis.INTERFACES[i]);
            }
        } else {
            Jit jit = Jit.builder().store(Path.of(args[2])).model(ScriptedChatModel.answering()).build();
            instances = new Object[Apis.INTERFACES.length];
            for (int i = 0; i < instances.length && i * 10 < count; i++) {
                instances[i] = jit.implement(Apis.INTERFACES[i]);
            }
        }
        System.out.println(Apis.callAll(instances, count));
    }
}
