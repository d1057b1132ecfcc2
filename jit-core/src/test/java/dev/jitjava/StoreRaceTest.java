package dev.jitjava;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two real JVMs need the same missing method at once: one model request between them. */
class StoreRaceTest {
    @TempDir
    Path dir;

    interface Numbers {
        int countVowels(String text);
    }

    @Test
    void twoProcesses_oneMissingMethod_oneModelRequestInTotal() throws Exception {
        Path store = dir.resolve("store");
        Path log = dir.resolve("requests.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                        StoreRaceChild.class.getName(), store.toString(), log.toString())
                        .redirectError(dir.resolve("child" + i + ".err").toFile())
                        .start();
                processes.add(process);
                outputs.add(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
            }
            for (BufferedReader output : outputs) {
                assertThat(output.readLine()).isEqualTo("ready");
            }
            for (Process process : processes) {
                OutputStream in = process.getOutputStream();
                in.write('\n');
                in.flush();
            }
            for (int i = 0; i < 2; i++) {
                assertThat(outputs.get(i).readLine()).as(stderr(i)).isEqualTo("result 5");
                assertThat(processes.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(processes.get(i).exitValue()).isZero();
            }
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
        assertThat(Files.readAllLines(log)).hasSize(1);
    }

    private String stderr(int child) {
        try {
            return Files.readString(dir.resolve("child" + child + ".err"));
        } catch (IOException e) {
            return "(no stderr)";
        }
    }
}
