package dev.jitjava.cli.host;

import dev.jitjava.Capability;
import dev.jitjava.spi.HostCompilation;
import dev.jitjava.spi.MethodHost;
import dev.jitjava.spi.MethodRequest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A single-file program as the host of the methods it calls but does not define ({@code jit run}):
 * its methods are stored under {@code file/<Class>}, written with the whole program in the prompt,
 * and compiled inside the program's class (see {@link Composition}), so that they call its static
 * members, and it calls them, by their simple names. Its class's {@code @Allow}, {@code @Budget},
 * {@code @Describe} and {@code @Example}s apply to them.
 */
public final class ProgramHost implements MethodHost {
    private final PlacedMethods methods;
    private final ProgramAnnotations annotations;
    private final Path store;
    private BiFunction<String, String, Runnable> watcher = (method, model) -> () -> { };

    /**
     * @param store the store folder, whose files messages name
     */
    ProgramHost(BaseFile base, ProgramAnnotations annotations, Path store) {
        this.methods = new PlacedMethods(() -> base);
        this.annotations = annotations;
        this.store = store;
    }

    /** Shows the model at work: {@code watcher} gets the method and the model, and returns what ends the showing. */
    public void onWriting(BiFunction<String, String, Runnable> watcher) {
        this.watcher = watcher;
    }

    @Override
    public Runnable writing(MethodRequest method, String model) {
        return watcher.apply(display(label(), method), model);
    }

    /** {@code Vowels.countVowels(String)}: how messages name a host's method. */
    static String display(String label, MethodRequest method) {
        StringBuilder text = new StringBuilder(label).append('.').append(method.name()).append('(');
        for (int i = 0; i < method.parameters().size(); i++) {
            String type = method.parameters().get(i).typeName();
            text.append(i == 0 ? "" : ", ").append(type.substring(Math.max(type.lastIndexOf('.'),
                    type.lastIndexOf('$')) + 1));
        }
        return text.append(')').toString();
    }

    PlacedMethods methods() {
        return methods;
    }

    ProgramAnnotations annotations() {
        return annotations;
    }

    BaseFile base() {
        return methods.base();
    }

    @Override
    public String storeId() {
        return "file/" + base().className();
    }

    @Override
    public String label() {
        return base().className();
    }

    @Override
    public String description() {
        return annotations.description();
    }

    @Override
    public Set<Capability> grants() {
        return annotations.grants();
    }

    @Override
    public String howToGrant(Capability capability) {
        return "@Allow(Capability." + capability + ") on class " + label() + " (dev.jitjava.Allow, dev.jitjava.Capability)";
    }

    @Override
    public Optional<Budgets> budgets() {
        return annotations.budgets();
    }

    @Override
    public String systemMessage() {
        return """
                You are a senior Java engineer. You add one missing static method at a time to a single-file Java \
                program, which is then compiled with javac (Java %d) and run.

                Answer with a single ```java block that holds the imports your code needs, the method, with exactly \
                the name and parameter types asked for, and any private static helper methods or nested types it \
                needs. No class around it, no main method, no explanations. The method may call the program's own \
                static methods, and itself, by their simple names. Use only the JDK, unless you are offered \
                add_dependency and the JDK is not enough. Print only when the program needs it.
                """.formatted(Runtime.version().feature());
    }

    @Override
    public String request(MethodRequest method) {
        StringBuilder text = new StringBuilder("Write this static method of class ").append(label()).append(":\n\n    ")
                .append(declaration(method)).append("\n\n");
        if (method.anyReturn()) {
            text.append("The call does not say what it returns: choose the type that fits, or void.\n\n");
        }
        if (!method.description().isEmpty()) {
            text.append("What it does: ").append(method.description()).append("\n\n");
        }
        if (!method.examples().isEmpty()) {
            text.append("Examples (each version must pass them):\n");
            method.examples().forEach(e -> text.append("    ").append(e.call())
                    .append(e.thrown() != null ? " throws " + e.thrown().getSimpleName()
                            : e.returns().isEmpty() ? "" : " returns " + e.returns()).append('\n'));
            text.append('\n');
        }
        if (!method.context().isEmpty()) {
            text.append("It is called here: ").append(method.context()).append("\n\n");
        }
        return text.append("The whole program:\n```java\n").append(base().text()).append("\n```\n").toString();
    }

    @Override
    public String improvement(MethodRequest method, String current, List<String> earlierFeedback, String feedback) {
        StringBuilder text = new StringBuilder("Change this static method of class ").append(label())
                .append(":\n\n```java\n").append(current.strip()).append("\n```\n\n");
        if (!earlierFeedback.isEmpty()) {
            text.append("Earlier feedback, oldest first:\n");
            for (int i = 0; i < earlierFeedback.size(); i++) {
                text.append(i + 1).append(". ").append(earlierFeedback.get(i)).append('\n');
            }
            text.append('\n');
        }
        return text.append("Change it as follows: ").append(feedback)
                .append("\n\nKeep its name and parameter types. The whole program, as it is now:\n```java\n")
                .append(base().text()).append("\n```\n").toString();
    }

    @Override
    public HostCompilation compile(MethodRequest method, String source, String examples) {
        return compile(method, source, examples, List.of());
    }

    /** A program takes libraries: their jars go on its javac class path and below its class loader. */
    @Override
    public boolean takesLibraries() {
        return true;
    }

    @Override
    public HostCompilation compile(MethodRequest method, String source, String examples, List<Path> libraries) {
        return methods.compile(method, source, examples, libraries);
    }

    @Override
    public ClassLoader trialLoader(Map<String, byte[]> classes) {
        return trialLoader(classes, List.of());
    }

    @Override
    public ClassLoader trialLoader(Map<String, byte[]> classes, List<Path> libraries) {
        return methods.trialLoader(classes, libraries);
    }

    /** {@code static int countVowels(java.lang.String text)}: the method as asked for. */
    static String declaration(MethodRequest method) {
        StringBuilder text = new StringBuilder("static ").append(method.anyReturn() ? "Object" : method.returns())
                .append(' ').append(method.name()).append('(');
        for (int i = 0; i < method.parameters().size(); i++) {
            MethodRequest.Parameter parameter = method.parameters().get(i);
            text.append(i == 0 ? "" : ", ").append(parameter.source()).append(' ').append(parameter.name());
        }
        return text.append(')').toString();
    }

    Path store() {
        return store;
    }
}
