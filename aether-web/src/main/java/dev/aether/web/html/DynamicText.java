package dev.aether.web.html;

import java.util.Objects;
import java.util.function.Supplier;

/** Text computed by a lambda; {@code null} renders as empty. Escaped like {@link Text}. */
public record DynamicText(Supplier<?> value) implements Node {
    public DynamicText {
        Objects.requireNonNull(value, "value");
    }
}
