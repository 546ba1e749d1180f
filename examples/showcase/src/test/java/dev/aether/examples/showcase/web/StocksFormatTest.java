package dev.aether.examples.showcase.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.examples.showcase.web.StocksPage.Quote;
import org.junit.jupiter.api.Test;

/** Prices and changes are shown with two decimals, and a change with its sign. */
class StocksFormatTest {
    @Test
    void aPriceHasTwoDecimals() {
        assertThat(new Quote("ASML", "ASML Holding N.V.", 951.3, 4.1).priceText()).isEqualTo("951.30");
    }

    @Test
    void aRiseHasAPlusAndAFallAMinusSign() {
        assertThat(new Quote("A", "a", 1, 4.1).changeText()).isEqualTo("+4.10");
        assertThat(new Quote("A", "a", 1, -0.84).changeText()).isEqualTo("\u22120.84");
    }

    @Test
    void noChangeHasNoSign() {
        assertThat(new Quote("A", "a", 1, 0).changeText()).isEqualTo("0.00");
        assertThat(new Quote("A", "a", 1, -0.001).changeText()).isEqualTo("0.00");
    }
}
