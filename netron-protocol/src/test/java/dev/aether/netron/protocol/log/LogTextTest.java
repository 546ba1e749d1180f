package dev.aether.netron.protocol.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A peer's text in a log line stays on that line, visible and short. */
class LogTextTest {
    @Test
    void aNewlineInAPeersTextCannotStartAForgedLine() {
        String forged = "7\n12:00:00.000 ERROR dev.aether.Billing - payment service down";
        assertThat(LogText.of(forged).toString())
                .isEqualTo("7\\n12:00:00.000 ERROR dev.aether.Billing - payment service down")
                .doesNotContain("\n");
    }

    @Test
    void carriageReturnsTabsAndOtherLineBreaksAreEscapedToo() {
        assertThat(LogText.escape("a\rb\tc\u0085d\u2028e\u2029f\u001b[31mg")).isEqualTo("a\\rb\\tc\\u0085d\\u2028e\\u2029f\\u001b[31mg");
    }

    @Test
    void bidirectionalOverridesAreEscapedSoALineReadsAsItIs() {
        assertThat(LogText.escape("admin\u202egnp.exe")).isEqualTo("admin\\u202egnp.exe");
    }

    @Test
    void aBackslashIsDoubledSoAPeersOwnEscapeIsToldApart() {
        assertThat(LogText.escape("a\\nb")).isEqualTo("a\\\\nb");
    }

    @Test
    void longTextIsCutAndSaysHowMuchWasLeftOut() {
        String id = "x".repeat(60 * 1024);
        String logged = LogText.of(id).toString();
        assertThat(logged).startsWith("x".repeat(LogText.MAX_CHARS)).endsWith("…(" + (60 * 1024 - LogText.MAX_CHARS) + " more chars)");
        assertThat(logged.length()).isLessThan(LogText.MAX_CHARS + 30);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String text = "x".repeat(LogText.MAX_CHARS - 1) + "😀" + "tail";
        assertThat(LogText.escape(text)).startsWith("x".repeat(LogText.MAX_CHARS - 1) + "…(");
    }

    @Test
    void plainTextAndNullAreLoggedAsTheyAre() {
        assertThat(LogText.of("users@1.0.0").toString()).isEqualTo("users@1.0.0");
        assertThat(LogText.of(null).toString()).isEqualTo("null");
    }
}
