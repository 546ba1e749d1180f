package dev.aether.web.html;

import java.util.Objects;

/** Static text; always escaped when rendered. */
public record Text(String value) implements Node {
    public Text {
        Objects.requireNonNull(value, "value");
    }
}
