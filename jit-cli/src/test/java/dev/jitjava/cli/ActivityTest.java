package dev.jitjava.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void withoutATerminalOneLineIsWrittenWhenTheWorkStarts() {
        try (Activity.Shown shown = Activity.on(err, false).show("writing isOdd(int) with stub")) {
            assertThat(text()).isEqualTo("jit: writing isOdd(int) with stub...\n");
        }
        assertThat(text()).isEqualTo("jit: writing isOdd(int) with stub...\n");
    }

    @Test
    void onATerminalTheSpinnerIsRedrawnInPlaceAndErasedAtTheEnd() throws InterruptedException {
        try (Activity.Shown shown = Activity.on(err, true).show("writing isOdd(int) with stub")) {
            Thread.sleep(350);
        }
        String shown = text();
        assertThat(shown).doesNotContain("\n");
        assertThat(shown.split("\r", -1)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(shown).contains("\r| writing isOdd(int) with stub 0.", "\r/ writing isOdd(int) with stub 0.");
        assertThat(shown).endsWith("\r\033[K");
    }

    @Test
    void nothingIsDrawnAfterTheActivityEnds() throws InterruptedException {
        Activity.on(err, true).show("writing isOdd(int) with stub").close();
        int length = bytes.size();
        Thread.sleep(250);
        assertThat(bytes.size()).isEqualTo(length);
    }

    @Test
    void aFrameShowsTheWheelWhatIsHappeningAndTheElapsedTimeInTenthsOfASecond() {
        assertThat(Activity.frame(0, "writing f()", Duration.ofMillis(3_270))).isEqualTo("| writing f() 3.2s\033[K");
        assertThat(Activity.frame(5, "writing f()", Duration.ofMillis(61_050))).isEqualTo("/ writing f() 61.0s\033[K");
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
