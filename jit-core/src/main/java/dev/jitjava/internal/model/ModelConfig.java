package dev.jitjava.internal.model;

import dev.jitjava.JitException;
import dev.jitjava.Mode;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jit-java's model settings, from the environment and from {@code jit.properties} (the working
 * directory's, then {@code ~/.jit/}'s), the environment winning. The keys are the same everywhere:
 * {@code JIT_MODEL=provider:model}, the providers' usual {@code *_API_KEY} and {@code *_BASE_URL},
 * {@code JIT_TIMEOUT}, {@code JIT_MAX_RETRIES}, {@code JIT_TEMPERATURE}.
 */
public final class ModelConfig {
    /**
     * Asks a local Ollama, as {@link #probeOllama}. Not a method reference, and no lambdas or regular
     * expressions where {@code Jit.create()} reads its settings: a process that only runs methods
     * compiled in at build time would spin classes for them.
     */
    private static final Function<String, String> OLLAMA = new Function<>() {
        @Override
        public String apply(String baseUrl) {
            return probeOllama(baseUrl);
        }
    };

    /** Compiled when first needed. */
    private static final class Patterns {
        static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)?");
        static final Pattern OLLAMA_MODEL = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");
    }

    private final Map<String, String> values;
    private final Function<String, String> ollamaProbe;

    private ModelConfig(Map<String, String> values, Function<String, String> ollamaProbe) {
        this.values = values;
        this.ollamaProbe = ollamaProbe;
    }

    /** The process's own configuration. */
    public static ModelConfig fromEnvironment() {
        return load(System.getenv(), Path.of(""), Path.of(System.getProperty("user.home")), OLLAMA);
    }

    /**
     * @param ollamaProbe given a base URL, the first model a local Ollama lists ("" if it lists none), or
     *                    null if nothing answers there
     */
    public static ModelConfig load(Map<String, String> environment, Path workingDirectory, Path home,
                                   Function<String, String> ollamaProbe) {
        Map<String, String> values = new HashMap<>();
        read(home.resolve(".jit").resolve("jit.properties"), values);
        read(workingDirectory.resolve("jit.properties"), values);
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            if (variable.getValue() != null && !variable.getValue().isBlank()) {
                values.put(variable.getKey(), variable.getValue());
            }
        }
        return new ModelConfig(values, ollamaProbe);
    }

    /** A setting by name ({@code JIT_STORE}, ...), or {@code fallback} when it is not set. */
    public String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /**
     * The values of settings that hold secrets (a name ending in {@code KEY}, {@code TOKEN}, {@code SECRET}
     * or {@code PASSWORD}, such as {@code OPENAI_API_KEY}), to keep them out of everything jit-java writes.
     * Values shorter than 8 characters are left out: they cannot be real keys, and redacting them would
     * garble ordinary text.
     */
    public Set<String> secrets() {
        Set<String> secrets = new HashSet<>();
        values.forEach((name, value) -> {
            String upper = name.toUpperCase(Locale.ROOT);
            boolean secret = upper.endsWith("KEY") || upper.endsWith("TOKEN") || upper.endsWith("SECRET")
                    || upper.endsWith("PASSWORD");
            if (secret && value.strip().length() >= 8) {
                secrets.add(value.strip());
            }
        });
        return Set.copyOf(secrets);
    }

    /** The model {@code JIT_MODEL} names, else the first provider with a key, else a local Ollama that answers. */
    public ModelSettings settings() {
        String model = values.get("JIT_MODEL");
        if (model != null) {
            return settingsFor(model, "JIT_MODEL");
        }
        for (String provider : List.of("openai", "anthropic", "gemini")) {
            if (values.containsKey(Providers.keyVariable(provider))) {
                return settings(provider, Providers.defaultModel(provider));
            }
        }
        String ollamaUrl = values.getOrDefault("OLLAMA_BASE_URL", Providers.OLLAMA_DEFAULT_URL);
        String ollamaModel = ollamaProbe.apply(ollamaUrl);
        if (ollamaModel != null) {
            return settings("ollama", ollamaModel.isEmpty() ? Providers.defaultModel("ollama") : ollamaModel);
        }
        throw new JitException(noModelMessage(ollamaUrl));
    }

    /**
     * The settings for {@code provider:model}, e.g. from {@code @Model}; the provider prefix ends at
     * the first colon, so {@code ollama:qwen2.5-coder:7b} is model {@code qwen2.5-coder:7b}.
     *
     * @param source where the text came from, for messages
     */
    public ModelSettings settingsFor(String providerAndModel, String source) {
        int colon = providerAndModel.indexOf(':');
        String provider = (colon < 0 ? providerAndModel : providerAndModel.substring(0, colon)).strip()
                .toLowerCase(Locale.ROOT);
        String model = colon < 0 ? "" : providerAndModel.substring(colon + 1).strip();
        if (!Providers.NAMES.contains(provider)) {
            throw new JitException(source + " is \"" + providerAndModel + "\", and \"" + provider + "\" is not a provider "
                    + "jit-java knows: use one of " + String.join(", ", Providers.NAMES)
                    + ", as in openai:gpt-4.1-mini or ollama:qwen2.5-coder:7b");
        }
        String keyVariable = Providers.keyVariable(provider);
        boolean ownServer = values.containsKey(baseUrlVariable(provider));
        if (keyVariable != null && !values.containsKey(keyVariable) && !ownServer) {
            throw new JitException(source + " asks for " + provider + ", which needs an API key: set " + keyVariable
                    + " (in the environment or in jit.properties)");
        }
        return settings(provider, model.isEmpty() ? Providers.defaultModel(provider) : model);
    }

    private ModelSettings settings(String provider, String model) {
        String keyVariable = Providers.keyVariable(provider);
        String key = keyVariable == null ? null : values.getOrDefault(keyVariable, "none");
        return new ModelSettings(provider, model, key, values.get(baseUrlVariable(provider)), timeout(),
                maxRetries(), temperature());
    }

    private static String baseUrlVariable(String provider) {
        return provider.toUpperCase(Locale.ROOT) + "_BASE_URL";
    }

    public Duration timeout() {
        String text = values.get("JIT_TIMEOUT");
        if (text == null) {
            return Duration.ofSeconds(120);
        }
        Matcher m = Patterns.DURATION.matcher(text.strip());
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new JitException("JIT_TIMEOUT is \"" + text + "\": give seconds (120), or 500ms, 2m, or PT2M");
        }
    }

    private int maxRetries() {
        String text = values.get("JIT_MAX_RETRIES");
        try {
            int retries = text == null ? 3 : Integer.parseInt(text.strip());
            if (retries >= 0) {
                return retries;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new JitException("JIT_MAX_RETRIES is \"" + text + "\": give the number of retries after the first try (0 or more)");
    }

    private Double temperature() {
        String text = values.get("JIT_TEMPERATURE");
        try {
            return text == null ? null : Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new JitException("JIT_TEMPERATURE is \"" + text + "\": give a number such as 0.2");
        }
    }

    /**
     * The mode a {@code JIT_MODE} value names, in any case ({@link Mode#AUTO} when blank), or null when it
     * names none. Not {@code Enum.valueOf}: on JDK 18+ its reflection defines a class, which a start with
     * every interface compiled in must not.
     */
    public static Mode mode(String value) {
        String name = value.strip();
        if (name.isEmpty()) {
            return Mode.AUTO;
        }
        for (Mode mode : Mode.values()) {
            if (mode.name().equalsIgnoreCase(name)) {
                return mode;
            }
        }
        return null;
    }

    public static String noModelMessage(String ollamaUrl) {
        return """
                jit-java has no model to write methods with. Set one, in the environment or in jit.properties \
                (working directory, then ~/.jit/):
                  JIT_MODEL=openai:gpt-4.1-mini          and OPENAI_API_KEY (OPENAI_BASE_URL for any OpenAI-compatible server)
                  JIT_MODEL=anthropic:claude-sonnet-4-5  and ANTHROPIC_API_KEY
                  JIT_MODEL=gemini:gemini-2.5-flash      and GEMINI_API_KEY
                  JIT_MODEL=ollama:qwen2.5-coder:7b      with Ollama running (OLLAMA_BASE_URL; nothing answered at %s)
                For example: export JIT_MODEL=openai:gpt-4.1-mini OPENAI_API_KEY=sk-...""".formatted(ollamaUrl);
    }

    private static void read(Path file, Map<String, String> values) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new JitException("Cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
        }
        for (Map.Entry<Object, Object> property : properties.entrySet()) {
            values.put(property.getKey().toString(), property.getValue().toString().strip());
        }
    }

    /** Asks a local Ollama which models it has; null if it does not answer within a second. */
    public static String probeOllama(String baseUrl) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + "/api/tags"))
                    .timeout(Duration.ofSeconds(1)).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            Matcher m = Patterns.OLLAMA_MODEL.matcher(response.body());
            return m.find() ? m.group(1) : "";
        } catch (IOException | IllegalArgumentException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
