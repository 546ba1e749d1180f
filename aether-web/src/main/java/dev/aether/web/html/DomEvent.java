package dev.aether.web.html;

import java.util.Map;
import java.util.Objects;

/**
 * A browser event as the live runtime delivers it: its type and the few values a handler needs.
 *
 * <ul>
 *   <li>{@code input}, {@code change} and other events on a form control: {@code value}, and
 *       {@code checked} ({@code "true"} / {@code "false"}) for checkboxes and radio buttons;
 *   <li>keyboard events: {@code key} (and {@code value} when the target is a control);
 *   <li>{@code submit}: every field of the form, by name (the last value of a repeated name).
 * </ul>
 *
 * <pre>{@code
 * input(type("text"), on("input", e -> name.set(e.value())));
 * form(on("submit", e -> save(e.field("email"))), input(name("email")), button(text("Save")));
 * }</pre>
 */
public record DomEvent(String type, Map<String, String> data) {
    public DomEvent {
        Objects.requireNonNull(type, "type");
        data = Map.copyOf(data);
    }

    /** The control's value, or {@code ""}. */
    public String value() {
        return data.getOrDefault("value", "");
    }

    /** Whether the checkbox or radio button is checked. */
    public boolean checked() {
        return "true".equals(data.get("checked"));
    }

    /** The key of a keyboard event, or {@code ""}. */
    public String key() {
        return data.getOrDefault("key", "");
    }

    /** A field of the submitted form, or {@code ""}. */
    public String field(String name) {
        return data.getOrDefault(name, "");
    }
}
