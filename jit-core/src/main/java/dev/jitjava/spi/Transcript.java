package dev.jitjava.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The conversation that wrote one version of a stored method, as {@link StoreBrowser#transcript} reads
 * it from the store: the requests as sent, the answers as received, tool calls and their results, the
 * problems fed back, with times, tokens and costs.
 *
 * @param file    the {@code .jsonl} file, one JSON object a line
 * @param version the version it wrote
 * @param text    the whole conversation, readable
 * @param why     why the version looks as it does, one line each: what was fed back after each attempt,
 *                the tools the model called, and the outcome with its figures
 */
public record Transcript(Path file, int version, String text, List<String> why) {
    /**
     * Copies the lines.
     *
     * @param file    the {@code .jsonl} file
     * @param version the version it wrote
     * @param text    the whole conversation, readable
     * @param why     why the version looks as it does, one line each
     */
    public Transcript {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        why = List.copyOf(why);
    }
}
