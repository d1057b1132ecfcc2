package dev.jitjava;

import dev.jitjava.test.ScriptedChatModel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One of the processes of {@link StoreRaceTest}: waits for a line on stdin, then calls a missing
 * method; its model logs each request to a file shared by both processes and answers slowly.
 */
public final class StoreRaceChild {
    public static void main(String[] args) throws IOException {
        Path store = Path.of(args[0]);
        Path log = Path.of(args[1]);
        ScriptedChatModel model = ScriptedChatModel.replying(request -> {
            try {
                Files.writeString(log, ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                Thread.sleep(1000);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answers.COUNT_VOWELS;
        });
        StoreRaceTest.Numbers numbers = Jit.builder().store(store).model(model).build()
                .implement(StoreRaceTest.Numbers.class);
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        System.out.println("result " + numbers.countVowels("education"));
    }
}
