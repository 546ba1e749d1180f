package dev.aether.examples.showcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReactiveTourTest {
    private String runTour() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ReactiveTour(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tourShowsEachEffectRunOncePerUpdateAndNothingAfterDispose() {
        String out = runTour();
        assertThat(out.lines().filter(l -> l.contains("[effect] total")))
                .containsExactly("  [effect] total = 20", "  [effect] total = 30", "  [effect] total = 80");
        assertThat(out.lines().filter(l -> l.contains("[effect] expensive")))
                .containsExactly("  [effect] expensive = false", "  [effect] expensive = true");
        assertThat(out).contains("price.set(1) after dispose printed nothing; total is now 4");
    }

    @Test
    void equalWriteInTheTourRunsNothing() {
        String out = runTour();
        String afterEqualWrite = out.substring(out.indexOf("again: equal value"), out.indexOf("> batch"));
        assertThat(afterEqualWrite).doesNotContain("[effect]").doesNotContain("[cleanup]");
    }
}
