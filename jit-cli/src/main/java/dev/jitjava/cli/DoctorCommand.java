package dev.jitjava.cli;

import dev.jitjava.JitException;
import dev.jitjava.model.ModelConfig;
import dev.jitjava.model.ModelSettings;
import dev.jitjava.store.MethodStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "doctor", mixinStandardHelpOptions = true, description = "Show the Java version, the store, and which model jit-java would use.")
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
        try {
            ModelSettings settings = ModelConfig.load(context.environment(), context.workingDirectory(),
                    context.home(), context.ollamaProbe()).settings();
            context.out().println("model: " + settings.label() + (settings.baseUrl() == null ? "" : " at " + settings.baseUrl())
                    + ", timeout " + settings.timeout().toSeconds() + " s, " + settings.maxRetries() + " retries");
            if (settings.provider().equals("ollama")) {
                String answer = context.ollamaProbe().apply(settings.baseUrl() == null ? "http://localhost:11434"
                        : settings.baseUrl());
                context.out().println("       " + (answer == null ? "does not answer" : "answers"));
            } else {
                context.out().println("       key from " + settings.keyVariable() + " (not sent anywhere by doctor)");
            }
            return ExitCodes.OK;
        } catch (JitException e) {
            context.out().println("model: none");
            context.err().println(e.getMessage());
            return ExitCodes.NOT_VERIFIED;
        }
    }
}
