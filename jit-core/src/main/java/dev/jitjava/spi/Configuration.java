package dev.jitjava.spi;

import dev.jitjava.Jit;
import dev.jitjava.JitException;
import dev.jitjava.Mode;
import dev.jitjava.internal.dependency.DependencyGrant;
import dev.jitjava.internal.model.ConfiguredModel;
import dev.jitjava.internal.model.ModelConfig;
import dev.jitjava.internal.model.ModelSettings;
import dev.jitjava.internal.observe.Prices;
import dev.langchain4j.model.chat.ChatModel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * jit-java's settings as {@link Jit#create()} reads them, from a given environment: the model
 * ({@code JIT_MODEL} and the providers' variables), {@code JIT_STORE}, {@code JIT_MODE},
 * {@code JIT_DEPENDENCIES}, {@code JIT_PRICES}, from the environment and {@code jit.properties} (the working
 * directory's, then {@code ~/.jit/}'s; the environment wins). For tools that configure a
 * {@code Jit} the way {@code Jit.create()} does, such as the {@code jit} command.
 */
public final class Configuration {
    private final ModelConfig config;
    private final Path workingDirectory;
    private final ConfiguredModel model;

    private Configuration(ModelConfig config, Path workingDirectory) {
        this.config = config;
        this.workingDirectory = workingDirectory;
        this.model = new ConfiguredModel(config, null);
    }

    /**
     * The configuration the environment, {@code jit.properties} and a local Ollama give.
     *
     * @param environment      the variables, as {@link System#getenv()} gives them
     * @param workingDirectory where {@code jit.properties} and a relative {@code JIT_STORE} are looked for
     * @param home             the user's home, with {@code .jit/jit.properties}
     * @param ollamaProbe      given a base URL, the first model a local Ollama lists ("" if it lists none), or
     *                         null if nothing answers there
     * @return the configuration
     */
    public static Configuration of(Map<String, String> environment, Path workingDirectory, Path home,
                                   Function<String, String> ollamaProbe) {
        return new Configuration(ModelConfig.load(environment, workingDirectory, home, ollamaProbe), workingDirectory);
    }

    /**
     * The process's own environment, the working directory and the user's home; a local Ollama really probed.
     *
     * @return the configuration
     */
    public static Configuration fromEnvironment() {
        return of(System.getenv(), Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")),
                ModelConfig::probeOllama);
    }

    /**
     * Asks a local Ollama for the first model it lists.
     *
     * @param baseUrl the server, such as {@code http://localhost:11434}
     * @return the model's name, "" when it lists none, or null when nothing answers
     */
    public static String probeOllama(String baseUrl) {
        return ModelConfig.probeOllama(baseUrl);
    }

    /**
     * A setting by name.
     *
     * @param name     {@code JIT_STORE}, ...
     * @param fallback what to answer when it is not set
     * @return the setting, or {@code fallback}
     */
    public String value(String name, String fallback) {
        return config.value(name, fallback);
    }

    /**
     * The store folder.
     *
     * @return {@code JIT_STORE} against the working directory, else {@code .jit} there
     */
    public Path store() {
        return workingDirectory.resolve(config.value("JIT_STORE", ".jit"));
    }

    /**
     * The mode.
     *
     * @return {@code JIT_MODE}, else {@link Mode#AUTO}
     * @throws JitException when it names no mode
     */
    public Mode mode() {
        String value = config.value("JIT_MODE", "auto");
        Mode mode = ModelConfig.mode(value);
        if (mode == null) {
            throw new JitException("JIT_MODE is \"" + value.strip() + "\"; it must be auto, review or locked");
        }
        return mode;
    }

    /**
     * The configured model, made on first use. Getting it throws a {@link JitException} that lists
     * what to set when no model is configured.
     *
     * @return what makes the model
     */
    public Supplier<ChatModel> model() {
        return model;
    }

    /**
     * The configured model as {@code jit doctor} shows it.
     *
     * @param label       {@code provider:model}
     * @param provider    {@code openai}, {@code anthropic}, {@code gemini} or {@code ollama}
     * @param baseUrl     the server, or null for the provider's own
     * @param timeout     per request
     * @param maxRetries  retries after the first try
     * @param keyVariable the variable that holds the key, or null where none is needed
     */
    public record ModelChoice(String label, String provider, String baseUrl, Duration timeout, int maxRetries,
                              String keyVariable) {
    }

    /**
     * Which model would be used, without building it.
     *
     * @return the model's settings, its key left out
     * @throws JitException listing what to set, when none is configured
     */
    public ModelChoice modelChoice() {
        ModelSettings settings = model.settings();
        return new ModelChoice(settings.label(), settings.provider(), settings.baseUrl(), settings.timeout(),
                settings.maxRetries(), settings.keyVariable());
    }

    /**
     * Whether the model may add libraries ({@code JIT_DEPENDENCIES}), and how to let it.
     *
     * @return one line
     */
    public String dependencies() {
        try {
            DependencyGrant grant = DependencyGrant.parse(config.value("JIT_DEPENDENCIES", ""));
            return grant.enabled()
                    ? "the model may add libraries from " + grant.describe() + " (JIT_DEPENDENCIES)"
                    : "off (JIT_DEPENDENCIES=allow, or a list of group ids, lets the model add libraries)";
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    /**
     * A builder seeded with this configuration: the store, the mode, the libraries the model may add,
     * the prices of models and the model (made only when a method must be written). Everything else
     * can still be set.
     *
     * @return a new builder
     */
    public Jit.Builder builder() {
        Jit.Builder builder = Jit.builder().store(store()).mode(mode()).model(model);
        DependencyGrant grant = DependencyGrant.parse(config.value("JIT_DEPENDENCIES", ""));
        if (grant.enabled()) {
            builder.dependencies(grant.groups().toArray(String[]::new));
        }
        Prices.parse(config.value("JIT_PRICES", ""), "JIT_PRICES").forEach(builder::price);
        return builder;
    }

    /**
     * A builder seeded with this configuration but writing with another model.
     *
     * @param chatModel makes the model (say, a scripted one in tests)
     * @return a new builder
     */
    public Jit.Builder builder(Supplier<? extends ChatModel> chatModel) {
        return builder().model(Objects.requireNonNull(chatModel, "chatModel"));
    }
}
