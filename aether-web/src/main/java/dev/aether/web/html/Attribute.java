package dev.aether.web.html;

import java.util.Objects;
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

    /** A DOM event handled in Java by the live runtime. */
    record On(String event, EventHandler handler) implements Attribute {
        public On {
            event = Names.eventName(event);
            Objects.requireNonNull(handler, "handler");
        }

        @Override
        public boolean dynamic() {
            return true;
        }
    }
}
