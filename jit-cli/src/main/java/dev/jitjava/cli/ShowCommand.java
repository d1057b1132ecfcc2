package dev.jitjava.cli;

import dev.jitjava.spi.StoreBrowser;
import dev.jitjava.spi.StoredMethod;
import dev.jitjava.spi.Transcript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;

// No standard -V/--version here: --version picks the transcript's version (jit --version tells jit's own).
@Command(name = "show",
        description = "Print a stored method's current source (highlighted on a terminal), or with --transcript the "
                + "conversation that wrote a version.")
final class ShowCommand extends StoredMethodCommand {
    private static final Pattern KEYWORDS = Pattern.compile("\\b(public|private|protected|static|final|class|record|"
            + "interface|enum|return|if|else|for|while|do|switch|case|default|new|try|catch|finally|throw|throws|"
            + "import|package|void|int|long|double|float|boolean|char|byte|short|var|this|null|true|false)\\b");

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--plain", description = "No colours, even on a terminal.")
    boolean plain;

    @Option(names = "--transcript", description = "Print the conversation that wrote the version: the requests as "
            + "sent, the answers, tool calls, the problems fed back, times, tokens and cost.")
    boolean transcript;

    @Option(names = "--version", paramLabel = "N", description = "With --transcript: the version (default: the current one).")
    Integer version;

    ShowCommand(Main.Context context) {
        super(context);
    }

    @Override
    int run(StoreBrowser methods, StoredMethod found) throws Exception {
        if (transcript) {
            int wanted = version != null ? version : found.versions().size();
            if (wanted < 1 || wanted > found.versions().size()) {
                throw new ExitException(ExitCodes.USAGE, found.label() + " has no version " + wanted,
                        "its versions are 1 to " + found.versions().size() + " (jit history " + method + ")");
            }
            Transcript kept = methods.transcript(found, wanted).orElseThrow(() -> new ExitException(ExitCodes.FAILURE,
                    "no transcript of version " + wanted + " of " + found.label() + " in " + methods.root(),
                    "versions written by hand, or before jit-java kept transcripts, have none"));
            context.out().print(kept.text());
            return ExitCodes.OK;
        }
        if (version != null) {
            throw new ExitException(ExitCodes.USAGE, "--version goes with --transcript", "jit show --transcript "
                    + method + " --version " + version);
        }
        String source = Files.readString(found.sourceFile(), StandardCharsets.UTF_8);
        context.out().print(context.terminal() && !plain ? highlight(source) : source);
        return ExitCodes.OK;
    }

    static String highlight(String source) {
        return KEYWORDS.matcher(source).replaceAll("\u001B[1;34m$1\u001B[0m");
    }
}
