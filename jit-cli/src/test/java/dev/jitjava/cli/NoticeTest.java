package dev.jitjava.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NOTICE at the repository root is the one license-maven-plugin writes from jit-cli's dependencies
 * (generate-resources, before the tests): a dependency added, removed or upgraded without the NOTICE
 * following fails here, and the message says what to copy.
 */
class NoticeTest {
    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final Path GENERATED = MODULE.resolve("target/generated-sources/license/META-INF/NOTICE.txt");

    @Test
    void rootNotice_isTheOneGeneratedFromTheBundledDependencies() throws IOException {
        assertThat(GENERATED).as("license-maven-plugin's output; run mvn -B verify from the root").exists();

        assertThat(Files.readString(MODULE.resolve("../NOTICE")))
                .as("NOTICE differs from what jit.jar bundles: copy jit-cli/target/generated-sources/license/"
                        + "META-INF/NOTICE.txt to NOTICE")
                .isEqualTo(Files.readString(GENERATED));
    }

    @Test
    void generatedNotice_namesALicenseForEveryLibrary_andLeavesJitJavaOut() throws IOException {
        String notice = Files.readString(GENERATED);

        assertThat(notice).contains("Apache-2.0 (https://www.apache.org/licenses/LICENSE-2.0):\n")
                .contains("(info.picocli:picocli:").contains("(org.ow2.asm:asm:").contains("(org.jline:jline:")
                .doesNotContain("Unknown license").doesNotContain("(dev.jitjava:");
    }
}
