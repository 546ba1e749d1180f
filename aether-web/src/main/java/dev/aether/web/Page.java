package dev.aether.web;

import dev.aether.web.html.Node;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** A whole HTML document: language, title, meta tags ({@code name → content}) and the body. */
public record Page(String lang, String title, Map<String, String> meta, Supplier<? extends Node> body) {
    public Page {
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(title, "title");
        meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        Objects.requireNonNull(body, "body");
    }

    public static Page of(String title, Supplier<? extends Node> body) {
        return new Page("en", title, Map.of(), body);
    }

    public Page withMeta(String name, String content) {
        Map<String, String> m = new java.util.LinkedHashMap<>(meta);
        m.put(name, content);
        return new Page(lang, title, m, body);
    }
}
