package dev.jitjava.cli;

import dev.jitjava.JitException;
import dev.jitjava.internal.dependency.DependencyGrant;
import dev.jitjava.internal.model.ModelConfig;
import dev.jitjava.internal.model.ModelSettings;
import dev.jitjava.internal.store.MethodStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "doctor", mixinStandardHelpOptions = true, description = "Show the Java version, the store, which model jit-java would use, and whether it answers "
                + "(one short request, a few tokens).")
final class DoctorCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    private final Main.Context context;

    DoctorCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.out().println("java:  " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
                + (javax.tools.ToolProvider.getSystemJavaCompiler() == null ? ", no javac: run on a JDK" : ", javac present"));
        MethodStore methods = store.open(context);
        context.out().println("store: " + methods.root() + " (" + methods.metadataFiles().size() + " methods)");
        ModelConfig config = ModelConfig.load(context.environment(), context.workingDirectory(), context.home(),
                context.ollamaProbe());
        context.out().println(dependencies(config));
        try {
            ModelSettings settings = config.settings();
            context.out().println("model: " + settings.label() + (settings.baseUrl() == null ? "" : " at " + settings.baseUrl())
                    + ", timeout " + settings.timeout().toSeconds() + " s, " + settings.maxRetries() + " retries");
            if (settings.provider().equals("ollama")) {
                String answer = context.ollamaProbe().apply(settings.baseUrl() == null ? "http://localhost:11434"
                        : settings.baseUrl());
                context.out().println("       " + (answer == null ? "does not answer" : "answers"));
                return answer == null ? ExitCodes.NOT_VERIFIED : ExitCodes.OK;
            }
            context.out().println("       key from " + settings.keyVariable() + " (never printed)");
            return asked();
        } catch (JitException e) {
            context.out().println("model: none");
            context.err().println(e.getMessage());
            return ExitCodes.NOT_VERIFIED;
        }
    }

    /** Whether the model may add Maven libraries (JIT_DEPENDENCIES), and how to let it. */
    private static String dependencies(ModelConfig config) {
        String value = config.value("JIT_DEPENDENCIES", ""); // the environment, then jit.properties
        try {
            DependencyGrant grant = DependencyGrant.parse(value);
            return grant.enabled()
                    ? "dependencies: the model may add libraries from " + grant.describe() + " (JIT_DEPENDENCIES)"
                    : "dependencies: off (JIT_DEPENDENCIES=allow, or a list of group ids, lets the model add libraries)";
        } catch (IllegalStateException e) {
            return "dependencies: " + e.getMessage();
        }
    }

    /** One tiny request, so that a wrong key, URL or model name shows up here rather than at a first call. */
    private int asked() {
        long start = System.nanoTime();
        try {
            String reply = context.model().get().chat("Reply with the single word OK.");
            long millis = (System.nanoTime() - start) / 1_000_000;
            context.out().println("       answers (" + millis + " ms): " + abbreviated(reply));
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            context.out().println("       does not answer: " + abbreviated(e.getMessage()));
            return ExitCodes.NOT_VERIFIED;
        }
    }

    private static String abbreviated(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
