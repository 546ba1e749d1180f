package dev.aether.web.html;

import dev.aether.web.safety.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.function.Supplier;

/** An attribute-like part of an element: attribute, class, style declaration or event. */
public sealed interface Attribute extends Part {
    /** Whether its value is a lambda (the element then gets a {@code data-ae} id). */
    default boolean dynamic() {
        return false;
    }

    /**
     * {@code name="value"}. {@code value} is a String, Boolean (boolean attribute) or a
     * Supplier of either; null or {@code false} omits the attribute.
     */
    record Attr(String name, Object value) implements Attribute {
        public Attr {
            name = Names.attributeName(name);
        }

        @Override
        public boolean dynamic() {
            return value instanceof Supplier<?>;
        }
    }

    /** One or more static class names. */
    record ClassName(String names) implements Attribute {
        public ClassName {
            Objects.requireNonNull(names, "names");
        }
    }

    /** A class present while {@code when} yields true. */
    record ClassIf(String name, Supplier<Boolean> when) implements Attribute {
        public ClassIf {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(when, "when");
        }

        @Override
        public boolean dynamic() {
            return true;
        }
    }

    /** One style declaration; {@code value} is a String or a Supplier; null omits it. */
    record Style(String property, Object value) implements Attribute {
        public Style {
            property = Names.styleProperty(property);
        }

        @Override
        public boolean dynamic() {
            return value instanceof Supplier<?>;
        }
    }

    /**
     * A DOM event handled in Java by the live runtime. The modifiers run in the browser, before
     * anything is sent:
     *
     * <pre>{@code
     * on("submit", this::save).preventDefault()
     * on("input", e -> query.set(e.value())).debounce(300)
     * on("keydown", e -> add()).key("Enter")
     * on("click", this::select).stopPropagation()
     * on("scroll", this::track).throttle(100)
     * }</pre>
     *
     * <p>SSR writes them into {@code data-ae-on} as {@code event.modifier…} tokens
     * ({@code submit.prevent}, {@code input.debounce-300}, {@code keydown.key-Enter}).
     */
    record On(String event, EventHandler handler, List<String> modifiers) implements Attribute {
        private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]{1,20}");

        public On {
            event = Names.eventName(event);
            Objects.requireNonNull(handler, "handler");
            modifiers = List.copyOf(modifiers);
        }

        public On(String event, EventHandler handler) {
            this(event, handler, List.of());
        }

        /** Calls {@code preventDefault()} in the browser (a live form's submit does so anyway). */
        public On preventDefault() {
            return with("prevent");
        }

        /** Stops the event there: no handler of an enclosing element sees it. */
        public On stopPropagation() {
            return with("stop");
        }

        /** Sends the event only after {@code millis} without another one (the latest wins). */
        public On debounce(int millis) {
            return with("debounce-" + positive(millis));
        }

        /** Sends at most one event per {@code millis} (the first at once, the latest at the end). */
        public On throttle(int millis) {
            return with("throttle-" + positive(millis));
        }

        /** Only for keyboard events whose {@code key} is {@code key} ({@code "Enter"}, {@code "Escape"}, {@code "a"}). */
        public On key(String key) {
            if (key == null || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("key must be a KeyboardEvent.key name of letters and digits, got " + key);
            }
            return with("key-" + key);
        }

        /** The {@code data-ae-on} token: the event and its modifiers, joined by dots. */
        public String token() {
            return modifiers.isEmpty() ? event : event + "." + String.join(".", modifiers);
        }

        @Override
        public boolean dynamic() {
            return true;
        }

        private On with(String modifier) {
            List<String> all = new ArrayList<>(modifiers);
            all.add(modifier);
            return new On(event, handler, all);
        }

        private static int positive(int millis) {
            if (millis <= 0 || millis > 60_000) {
                throw new IllegalArgumentException("milliseconds must be 1..60000, got " + millis);
            }
            return millis;
        }
    }
}
