package dev.aether.web.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The checker used by the XSS tests catches what an unescaped renderer would let through. */
class InertTest {
    @Test
    void catchesInjectedScriptTag() {
        assertThatThrownBy(() -> Inert.assertInert("<div><script>alert(1)</script></div>")).isInstanceOf(AssertionError.class);
    }

    @Test
    void catchesAttributeBreakout() {
        assertThatThrownBy(() -> Inert.assertInert("<div title=\"\" onmouseover=\"alert(1)\"></div>")).isInstanceOf(AssertionError.class);
    }

    @Test
    void catchesScriptUrlHiddenByEntitiesAndWhitespace() {
        assertThatThrownBy(() -> Inert.assertInert("<a href=\" &#x6A;ava&#x09;script&colon;alert(1)\">x</a>")).isInstanceOf(AssertionError.class);
    }

    @Test
    void catchesInjectedComment() {
        assertThatThrownBy(() -> Inert.assertInert("<p><!--x--></p>")).isInstanceOf(AssertionError.class);
    }

    @Test
    void acceptsEscapedMarkupAndMarkers() {
        assertThatCode(() -> Inert.assertInert("<p>&lt;script&gt;<!--ae:t1-->x<!--/ae:t1--></p>")).doesNotThrowAnyException();
    }
}
