package dev.aether.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.web.testing.HtmlTokenizer.Comment;
import dev.aether.web.testing.HtmlTokenizer.StartTag;
import dev.aether.web.testing.HtmlTokenizer.Token;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Asserts that rendered HTML, read as a browser reads it, holds nothing executable. */
public final class Inert {
    private static final Set<String> DANGEROUS_TAGS = Set.of("script", "iframe", "object", "embed", "base", "meta",
            "link", "style", "svg", "math", "frame", "frameset", "applet", "xmp", "plaintext", "noscript");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "cite", "poster",
            "background", "longdesc", "manifest", "ping", "data", "codebase", "xlink:href", "srcset");
    private static final Pattern MARKER = Pattern.compile("/?ae:[a-z][0-9.]+( [A-Za-z0-9_.~%]+)?");
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.\\-]*):");
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");

    private Inert() {
    }

    public static List<Token> assertInert(String html) {
        List<Token> tokens = HtmlTokenizer.tokenize(html);
        for (Token t : tokens) {
            if (t instanceof StartTag tag) {
                assertThat(DANGEROUS_TAGS).as("tag <%s> in %s", tag.name(), html).doesNotContain(tag.name());
                for (Map.Entry<String, String> a : tag.attributes().entrySet()) {
                    String name = a.getKey();
                    assertThat(name).as("attribute %s in %s", name, html).doesNotStartWith("on").isNotEqualTo("srcdoc");
                    if (URL_ATTRIBUTES.contains(name)) {
                        assertThat(safeUrl(a.getValue())).as("URL %s=%s in %s", name, a.getValue(), html).isTrue();
                    }
                    if (name.equals("style")) {
                        String v = a.getValue().toLowerCase(Locale.ROOT).replaceAll("\\s", "");
                        assertThat(v).as("style in %s", html).doesNotContain("expression(", "url(", "javascript:");
                    }
                }
            }
            if (t instanceof Comment c) {
                assertThat(c.data()).as("comment in %s", html).matches(MARKER);
            }
        }
        return tokens;
    }

    static boolean safeUrl(String url) {
        String probe = url.replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "").replaceAll("[\\t\\n\\r]", "").toLowerCase(Locale.ROOT);
        var m = SCHEME.matcher(probe);
        if (!m.find()) {
            return true;
        }
        String scheme = m.group(1);
        return SAFE_SCHEMES.contains(scheme) || probe.equals("about:invalid#aether-blocked")
                || probe.matches("data:image/(png|gif|jpeg|webp);base64,[a-z0-9+/=]*");
    }
}
