package dev.aether.web.html;

import java.util.Objects;

/**
 * Markup written out unescaped. Only {@link Html#dangerouslyUnescapedHtml(String)} makes one: the
 * caller vouches that {@code html} is trusted.
 */
public record RawHtml(String html) implements Node {
    public RawHtml {
        Objects.requireNonNull(html, "html");
    }
}
