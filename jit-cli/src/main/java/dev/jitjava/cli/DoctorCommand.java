package dev.jitjava.cli;

import dev.jitjava.JitException;
import dev.jitjava.spi.Configuration;
import dev.jitjava.spi.StoreBrowser;
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
        StoreBrowser methods = store.open(context);
        context.out().println("store: " + methods.root() + " (" + methods.list().size() + " methods)");
        Configuration configuration = context.configuration();
        context.out().println("dependencies: " + configuration.dependencies());
        try {
            Configuration.ModelChoice model = configuration.modelChoice();
            context.out().println("model: " + model.label() + (model.baseUrl() == null ? "" : " at " + model.baseUrl())
                    + ", timeout " + model.timeout().toSeconds() + " s, " + model.maxRetries() + " retries");
            if (model.provider().equals("ollama")) {
                String answer = context.ollamaProbe().apply(model.baseUrl() == null ? "http://localhost:11434"
                        : model.baseUrl());
                context.out().println("       " + (answer == null ? "does not answer" : "answers"));
                return answer == null ? ExitCodes.NOT_VERIFIED : ExitCodes.OK;
            }
            context.out().println("       key from " + model.keyVariable() + " (never printed)");
            return asked();
        } catch (JitException e) {
            context.out().println("model: none");
            context.err().println(e.getMessage());
            return ExitCodes.NOT_VERIFIED;
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
