package dev.jitjava.cli;

import dev.jitjava.spi.StoreBrowser;
import dev.jitjava.spi.StoredMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print a stored method's current source (highlighted on a terminal).")
final class ShowCommand extends StoredMethodCommand {
    private static final Pattern KEYWORDS = Pattern.compile("\\b(public|private|protected|static|final|class|record|"
            + "interface|enum|return|if|else|for|while|do|switch|case|default|new|try|catch|finally|throw|throws|"
            + "import|package|void|int|long|double|float|boolean|char|byte|short|var|this|null|true|false)\\b");

    @Option(names = "--plain", description = "No colours, even on a terminal.")
    boolean plain;

    ShowCommand(Main.Context context) {
        super(context);
    }

    @Override
    int run(StoreBrowser methods, StoredMethod found) throws Exception {
        String source = Files.readString(found.sourceFile(), StandardCharsets.UTF_8);
        context.out().print(context.terminal() && !plain ? highlight(source) : source);
        return ExitCodes.OK;
    }

    static String highlight(String source) {
        return KEYWORDS.matcher(source).replaceAll("\u001B[1;34m$1\u001B[0m");
    }
}
