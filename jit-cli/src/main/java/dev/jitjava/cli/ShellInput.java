package dev.jitjava.cli;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where {@code jit shell} reads its lines: on the user's terminal, JLine (line editing, and a history
 * kept in {@code ~/.jit/shell_history}); from a pipe or a test, plain lines with no prompt.
 */
interface ShellInput extends AutoCloseable {
    /** The next line, or null at the end of the input. */
    String readLine(String prompt) throws IOException;

    @Override
    void close() throws IOException;

    /**
     * @param interrupted what Ctrl-C does while no line is being read (a snippet or the model at work); while
     *                    a line is read, Ctrl-C drops it and the prompt comes again, as in jshell
     */
    static ShellInput of(Main.Context context, Runnable interrupted) throws IOException {
        if (context.terminal() && context.in() == System.in) {
            return new Edited(context.home().resolve(".jit").resolve("shell_history"), interrupted);
        }
        return new Plain(new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)),
                context.terminal() ? context.err() : null);
    }

    /** Lines as they come; the prompt is shown only when someone is there to see it. */
    record Plain(BufferedReader in, PrintStream prompts) implements ShellInput {
        @Override
        public String readLine(String prompt) throws IOException {
            if (prompts != null) {
                prompts.print(prompt);
                prompts.flush();
            }
            return in.readLine();
        }

        @Override
        public void close() {
            // the input belongs to the caller
        }
    }

    /** JLine on the system terminal. */
    final class Edited implements ShellInput {
        private final Terminal terminal;
        private final LineReader reader;

        Edited(Path history, Runnable interrupted) throws IOException {
            terminal = TerminalBuilder.builder().system(true).build();
            if (terminal.getWidth() <= 0) {
                // a pseudo-terminal nobody sized (script, CI): JLine would cut the prompt to nothing
                terminal.setSize(new Size(80, 24));
            }
            // outside readLine, Ctrl-C stops what runs (a snippet, the model) and the prompt comes back
            terminal.handle(Terminal.Signal.INT, signal -> interrupted.run());
            DefaultParser parser = new DefaultParser();
            // Java is not a shell language: quotes, backslashes and '!' are the snippet's own
            parser.setEofOnUnclosedQuote(false);
            parser.setEscapeChars(new char[0]);
            reader = LineReaderBuilder.builder().terminal(terminal).appName("jit").parser(parser)
                    .variable(LineReader.HISTORY_FILE, history)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
        }

        @Override
        public String readLine(String prompt) {
            try {
                return reader.readLine(prompt);
            } catch (UserInterruptException e) {
                return "";
            } catch (EndOfFileException e) {
                return null;
            }
        }

        @Override
        public void close() throws IOException {
            reader.getHistory().save();
            terminal.close();
        }
    }
}
