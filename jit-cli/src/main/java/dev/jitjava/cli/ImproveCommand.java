package dev.jitjava.cli;

import dev.jitjava.cli.host.Program;
import dev.jitjava.cli.host.ProgramException;
import dev.jitjava.spi.StoreBrowser;
import dev.jitjava.spi.StoredMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

@Command(name = "improve", mixinStandardHelpOptions = true,
        description = "Have the model write a new version of a stored method of a jit run program from feedback; "
                + "the old version stays in its history.")
final class ImproveCommand extends StoredMethodCommand {
    @Parameters(index = "1", paramLabel = "FEEDBACK", description = "What to change, in words.")
    String feedback;

    @Option(names = "--file", paramLabel = "FILE", description = "The program (default: the class's file next to the store).")
    Path file;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "3",
            description = "Model requests, repairs included (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    ImproveCommand(Main.Context context) {
        super(context);
    }

    @Override
    int run(StoreBrowser methods, StoredMethod found) throws Exception {
        if (!found.ownerKind().equals("file")) {
            throw new ExitException(ExitCodes.USAGE, found.label() + " is not a jit run program's method",
                    found.ownerKind().equals("shell") ? "improve it in jit shell with /improve NAME FEEDBACK"
                            : "improve it in code with jit.improve(Type.class, \"method\", \"feedback\")");
        }
        Path program = file != null ? context.workingDirectory().resolve(file)
                : methods.root().getParent().resolve(found.ownerLabel() + ".java");
        if (!Files.isRegularFile(program)) {
            throw new ExitException(ExitCodes.USAGE, "no program " + program + " for " + found.label(),
                    "name it with --file");
        }
        BufferedReader answers = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
        try {
            Program.read(program, Files.readString(program, StandardCharsets.UTF_8), methods.root())
                    .improve(Engines.open(context, methods.root(), maxAttempts, new TerminalReviewer(prompt -> {
                        context.err().print(prompt);
                        return answers.readLine();
                    }, context.err())), found.signature(), feedback);
        } catch (ProgramException e) {
            throw new ExitException(ExitCodes.FAILURE, e.getMessage(), e.hint());
        }
        context.err().println("jit: improved " + found.label());
        return ExitCodes.OK;
    }
}
