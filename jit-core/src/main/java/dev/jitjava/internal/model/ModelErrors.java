package dev.jitjava.internal.model;

import dev.jitjava.JitException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;

import java.net.http.HttpTimeoutException;

/**
 * Turns a failed model request into one readable {@link JitException}: what went wrong, with which
 * model, what to check, and for which method. HTTP internals stay in the cause; an API key never
 * appears in a message.
 */
public final class ModelErrors {
    private static final java.util.regex.Pattern SERVER_MESSAGE =
            java.util.regex.Pattern.compile("\"(?:message|error)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private ModelErrors() {
    }

    /**
     * @param settings the model's settings, or null for a model the user built
     * @param forMethod the message's ending, {@code for method Numbers.countVowels(String)}
     */
    public static JitException translate(RuntimeException failure, String label, ModelSettings settings, int attempt,
                                         int maxAttempts, String forMethod) {
        String key = settings == null ? null : settings.apiKey();
        HttpException http = find(failure, HttpException.class);
        String message;
        if (find(failure, TimeoutException.class) != null || find(failure, HttpTimeoutException.class) != null) {
            message = "Model " + label + " did not answer within "
                    + (settings == null ? "its timeout" : seconds(settings) + " (JIT_TIMEOUT)");
        } else if (http != null && (http.statusCode() == 401 || http.statusCode() == 403)) {
            String variable = settings == null || settings.keyVariable() == null ? null : settings.keyVariable();
            message = "Model " + label + " refused the API key (HTTP " + http.statusCode() + "): check "
                    + (variable == null ? "the key the model was built with" : variable);
        } else if (http != null && http.statusCode() == 404) {
            message = "Model " + label + " was not found (HTTP 404): check the model name"
                    + (settings == null ? "" : " \"" + settings.modelName() + "\" (JIT_MODEL)")
                    + (settings == null || settings.baseUrl() == null ? "" : " and the server " + settings.baseUrl());
        } else if (http != null) {
            message = "Model " + label + " failed with HTTP " + http.statusCode()
                    + (settings == null ? "" : ", with up to " + settings.maxRetries() + " retries (JIT_MAX_RETRIES)")
                    + ": " + shorten(serverMessage(http.getMessage()));
        } else if (find(failure, ModelConnectionException.class) != null) {
            message = "Model " + label + " could not be reached: "
                    + find(failure, ModelConnectionException.class).getMessage();
        } else {
            message = "Model " + label + " failed on attempt " + attempt + " of " + maxAttempts + ": "
                    + shorten(String.valueOf(failure.getMessage()));
        }
        return new JitException(scrub(message, key) + ", " + forMethod, failure);
    }

    private static String seconds(ModelSettings settings) {
        long millis = settings.timeout().toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String shorten(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }

    /**
     * What the server said, taken out of a JSON error body ({@code {"error": {"message": "..."}}}, as
     * OpenAI, Anthropic, Gemini and Ollama answer) when there is one, else the body as it is.
     */
    static String serverMessage(String body) {
        if (body == null) {
            return "";
        }
        java.util.regex.Matcher message = SERVER_MESSAGE.matcher(body);
        if (!body.stripLeading().startsWith("{") || !message.find()) {
            return body;
        }
        return message.group(1).replace("\\\"", "\"").replace("\\n", " ").replace("\\\\", "\\");
    }

    private static String scrub(String text, String key) {
        return key == null || key.length() < 4 ? text : text.replace(key, "***");
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
