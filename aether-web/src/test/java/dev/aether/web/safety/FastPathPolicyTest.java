package dev.aether.web.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shortcuts in {@link UrlPolicy} and {@link Names} decide nothing the full checks would decide otherwise. */
class FastPathPolicyTest {
    private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "action", "formaction", "srcset", "data", "poster");

    @Test
    void plainlySafeUrlsTakeTheShortcut() {
        for (String url : List.of("/x", "/", "//host/a", "#top", "?q=1", ".", "./a", "../a", "http://x", "https://x/?a=1",
                "mailto:ada@example.com", "tel:+1", "/javascript:alert(1)", "#javascript:alert(1)")) {
            assertThat(UrlPolicy.isPlainlySafe(url)).as(url).isTrue();
            assertThat(UrlPolicy.isSafeByScheme("href", url)).as(url).isTrue();
        }
    }

    @Test
    void everythingElseTakesTheFullCheck() {
        // safe, but not by the first characters: upper case, leading blanks, no "//"
        for (String url : List.of("HTTP://x", "Https://x", "MAILTO:a@b", " /x", "\t#top", "http:x", "https:/x", "x.html", "a/b")) {
            assertThat(UrlPolicy.isPlainlySafe(url)).as(url).isFalse();
            assertThat(UrlPolicy.isSafe("href", url)).as(url).isTrue();
        }
        for (String url : List.of("", "javascript:alert(1)", "JavaScript:alert(1)", "JAVASCRIPT:x", " javascript:x",
                "\u0001javascript:x", "\u0000javascript:x", "java\tscript:x", "java\nscript:x", "java\rscript:x",
                "jav\u0000ascript:x", "vbscript:x", "data:text/html,x", "htt\tp://x", "h\nttps://x", "http\t://x",
                "https\n://x", "mailto\t:x", "tel\r:x", "httpx://x", "http+javascript:x", "javascript&#58;x")) {
            assertThat(UrlPolicy.isPlainlySafe(url)).as(url).isFalse();
        }
        assertThat(UrlPolicy.sanitize("href", "javascript:alert(1)")).isEqualTo(UrlPolicy.BLOCKED);
        assertThat(UrlPolicy.sanitize("href", " JavaScript:alert(1)")).isEqualTo(UrlPolicy.BLOCKED);
        assertThat(UrlPolicy.sanitize("href", "java\tscript:alert(1)")).isEqualTo(UrlPolicy.BLOCKED);
        assertThat(UrlPolicy.sanitize("href", "HTTP://x")).isEqualTo("HTTP://x");
        assertThat(UrlPolicy.sanitize("href", "/x")).isEqualTo("/x");
    }

    @Test
    void theShortcutNeverSaysSafeWhereTheFullCheckSaysUnsafe() {
        String[] starts = {"", "/", "#", "?", ".", "h", "http", "http:", "http:/", "http://", "https://", "mailto:", "tel:",
                "HTTP://", "javascript:", " ", "\t", "\n", "\u0000", "\u0001", "java", "data:", "vbscript:"};
        String[] middles = {"", "\t", "\n", "\r", " ", "\u0000", ":", "//", "javascript:", "JAVASCRIPT:", "&#58;", "\u00A0"};
        String[] ends = {"", "x", "alert(1)", "/a?b#c", "image/png;base64,AAAA", "evil.example"};
        Random random = new Random(11);
        for (int i = 0; i < 20000; i++) {
            String url = starts[random.nextInt(starts.length)] + middles[random.nextInt(middles.length)]
                    + starts[random.nextInt(starts.length)] + ends[random.nextInt(ends.length)];
            String attribute = URL_ATTRIBUTES.get(random.nextInt(URL_ATTRIBUTES.size()));
            if (UrlPolicy.isPlainlySafe(url)) {
                assertThat(UrlPolicy.isSafeByScheme(attribute, url)).as("%s=%s", attribute, url).isTrue();
            }
            assertThat(UrlPolicy.isSafe(attribute, url)).as("%s=%s", attribute, url)
                    .isEqualTo(UrlPolicy.isSafeByScheme(attribute, url));
        }
    }

    @Test
    void attributeNameLoopAcceptsExactlyWhatThePatternAccepts() {
        Pattern pattern = Pattern.compile("[a-z_][a-z0-9_.:-]*");
        String alphabet = "az_09.:-AZ \t\"'=<>/\u0130\u212A\u00E9\u0000`";
        Random random = new Random(3);
        for (int i = 0; i < 50000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(5); n > 0; n--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String name = sb.toString();
            assertThat(Names.isWellFormedAttributeName(name)).as(name).isEqualTo(pattern.matcher(name).matches());
        }
    }

    @Test
    void attributeAndTagNamesAreCheckedAsBefore() {
        assertThat(Names.attributeName("Data-X")).isEqualTo("data-x");
        assertThat(Names.attributeName("xlink:href")).isEqualTo("xlink:href");
        assertThat(Names.attributeName("\u212Aey")).isEqualTo("key"); // lower-cased first (Kelvin sign), then checked
        for (String bad : List.of("", "1a", "a b", "a\"", "a=b", "a>", "onclick", "ONCLICK", "style", "Class", "srcdoc",
                "data-ae", "data-ae-on")) {
            assertThatThrownBy(() -> Names.attributeName(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Names.tagName("div")).isEqualTo("div");
        assertThat(Names.tagName("DIV")).isEqualTo("div");
        assertThat(Names.tagName("my-widget")).isEqualTo("my-widget");
        for (String bad : List.of("script", "SCRIPT", "style", "iframe", "title", "svg", "div ", "")) {
            assertThatThrownBy(() -> Names.tagName(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void voidAndRawTextElementsAreTheSameSetsAsBefore() {
        List<String> voids = List.of("br", "col", "hr", "img", "input", "source", "track", "wbr");
        for (String tag : Names.TAGS) {
            assertThat(Names.isVoid(tag)).as(tag).isEqualTo(voids.contains(tag));
            assertThat(Names.isRawText(tag)).as(tag).isEqualTo(tag.equals("textarea"));
        }
        assertThat(Names.isRawText("title")).isTrue();
        assertThat(Names.isVoid("BR")).isFalse(); // names arrive lower-cased
    }
}
