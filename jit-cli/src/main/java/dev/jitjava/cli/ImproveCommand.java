package dev.jitjava.cli;

import dev.jitjava.internal.store.MethodStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
    int run(MethodStore methods, MethodStore.Listed found) throws Exception {
        if (!found.owner().startsWith("file/")) {
            throw new ExitException(ExitCodes.USAGE, Methods.label(found) + " belongs to an interface",
                    "improve it in code with jit.improve(Type.class, \"method\", \"feedback\")");
        }
        String className = found.owner().substring("file/".length());
        Path program = file != null ? context.workingDirectory().resolve(file)
                : methods.root().getParent().resolve(className + ".java");
        if (!Files.isRegularFile(program)) {
            throw new ExitException(ExitCodes.USAGE, "no program " + program + " for " + Methods.label(found),
                    "name it with --file");
        }
        new FileProgram(program.getFileName().toString(), Files.readString(program, StandardCharsets.UTF_8), methods,
                context.model(), maxAttempts, context.activity()).improve(found, feedback);
        context.err().println("jit: improved " + Methods.label(found));
        return ExitCodes.OK;
    }
}
