package dev.jitjava;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class's {@code main} run in a fresh JVM on the tests' class path, for what only a new process shows:
 * the classes it loads, its environment. jit-java's variables and the providers' keys and URLs of the
 * machine running the tests are left out, so that only the test's own environment counts.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * @return what the child wrote to stdout and stderr, once it exited 0 within a minute (else the
     * test fails, showing that output)
     */
    static String run(Path directory, Map<String, String> environment, List<String> jvmOptions, Class<?> main,
                      String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("JIT_") || name.endsWith("_API_KEY")
                || name.endsWith("_BASE_URL"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            return output;
        } finally {
            process.destroyForcibly();
        }
    }
}
