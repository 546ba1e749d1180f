package dev.aether.web.html;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.web.safety.Escape;
import dev.aether.web.safety.UrlPolicy;
import dev.aether.web.ssr.Ssr;
import org.junit.jupiter.api.Test;

class EscapingTest {
    @Test
    void textEscapesMarkupCharacters() {
        assertThat(Ssr.render(p(text("<a href='x'>&\"</a>"))))
                .isEqualTo("<p>&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;</p>");
    }

    @Test
    void attributeValuesAreAlwaysQuotedAndEscaped() {
        assertThat(Ssr.render(div(attr("title", "a\" onmouseover='x'")))).isEqualTo("<div title=\"a&quot; onmouseover=&#39;x&#39;\"></div>");
    }

    @Test
    void nulCharacterBecomesReplacementCharacter() {
        assertThat(Escape.html("a\0b")).isEqualTo("a\uFFFDb");
    }

    @Test
    void safeUrlsAreKept() {
        assertThat(Ssr.render(a(href("/orders?id=1&x=2"), text("o")))).isEqualTo("<a href=\"/orders?id=1&amp;x=2\">o</a>");
        assertThat(UrlPolicy.sanitize("href", "https://example.com/a")).isEqualTo("https://example.com/a");
        assertThat(UrlPolicy.sanitize("href", "mailto:ada@example.com")).isEqualTo("mailto:ada@example.com");
        assertThat(UrlPolicy.sanitize("href", "#top")).isEqualTo("#top");
    }

    @Test
    void scriptUrlsAreBlockedWhateverTheirSpelling() {
        for (String url : new String[] {"javascript:alert(1)", "JAVASCRIPT:alert(1)", " \u0001javascript:alert(1)",
                "java\tscript:alert(1)", "java\nscript:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>"}) {
            assertThat(UrlPolicy.sanitize("href", url)).as(url).isEqualTo(UrlPolicy.BLOCKED);
        }
    }

    @Test
    void dataImagesAreAllowedInSrcOnlyAndNeverSvg() {
        String png = "data:image/png;base64,iVBORw0KGgo=";
        assertThat(UrlPolicy.sanitize("src", png)).isEqualTo(png);
        assertThat(UrlPolicy.sanitize("href", png)).isEqualTo(UrlPolicy.BLOCKED);
        assertThat(UrlPolicy.sanitize("src", "data:image/svg+xml;base64,PHN2Zz4=")).isEqualTo(UrlPolicy.BLOCKED);
    }

    @Test
    void srcsetIsBlockedWhenAnyCandidateIsUnsafe() {
        assertThat(UrlPolicy.sanitize("srcset", "/a.png 1x, /b.png 2x")).isEqualTo("/a.png 1x, /b.png 2x");
        assertThat(UrlPolicy.sanitize("srcset", "/a.png 1x, javascript:alert(1) 2x")).isEqualTo(UrlPolicy.BLOCKED);
    }

    @Test
    void unsafeStyleValuesAreDropped() {
        assertThat(Ssr.render(div(style("color", "red;background:url(x)"), style("width", "expression(alert(1))"), style("top", "1px"))))
                .isEqualTo("<div style=\"top:1px\"></div>");
    }

    @Test
    void markerKeysArePercentEncoded() {
        assertThat(Escape.markerKey("a b-->c")).isEqualTo("a%20b%2D%2D%3Ec");
    }

    @Test
    void scriptStringsCannotCloseTheScript() {
        assertThat(Escape.scriptString("</script><!--\u2028x"))
                .isEqualTo("\"\\u003c\\u002fscript\\u003e\\u003c!--\\u2028x\"");
    }
}
