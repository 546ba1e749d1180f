package dev.aether.web.live;

import dev.aether.web.protocol.LiveProtocol;
import java.util.Arrays;
import java.util.List;

/**
 * One change to a live page, as the runtime applies it. On the wire each patch is a JSON array
 * whose first element names the operation (see docs/ui.md, "The live protocol").
 */
sealed interface Patch {
    /** The JSON array this patch is sent as. */
    List<Object> wire();

    /** Dynamic text {@code id} (between its markers, or a textarea's value) becomes {@code text}. */
    record Text(String id, String text) implements Patch {
        public List<Object> wire() {
            return List.of(LiveProtocol.Op.TEXT, id, text);
        }
    }

    /** Attribute {@code name} of element {@code id} becomes {@code value}; null removes it. */
    record Attr(String id, String name, String value) implements Patch {
        public List<Object> wire() {
            return Arrays.asList(LiveProtocol.Op.ATTRIBUTE, id, name, value);
        }
    }

    /** Class {@code name} of element {@code id} is added or removed. */
    record ClassToggle(String id, String name, boolean on) implements Patch {
        public List<Object> wire() {
            return List.of(LiveProtocol.Op.CLASS, id, name, on ? 1 : 0);
        }
    }

    /** Style {@code property} of element {@code id} becomes {@code value}; null removes it. */
    record Style(String id, String property, String value) implements Patch {
        public List<Object> wire() {
            return Arrays.asList(LiveProtocol.Op.STYLE, id, property, value);
        }
    }

    /** The content of region {@code region} (kind and id, {@code s12}) is replaced by {@code html}. */
    record Replace(String region, String html) implements Patch {
        public List<Object> wire() {
            return List.of(LiveProtocol.Op.REGION, region, html);
        }
    }

    /**
     * Rows of keyed list {@code id} change, in order: {@code ["-", key]} removes a row,
     * {@code ["+", key, afterKey, html]} inserts one, {@code ["m", key, afterKey]} moves one,
     * {@code ["u", key, html]} renders one again; {@code afterKey} null means first. Keys are as in
     * the row markers.
     */
    record ListChange(String id, List<List<Object>> ops) implements Patch {
        public List<Object> wire() {
            return List.of(LiveProtocol.Op.LIST, id, ops);
        }
    }

    /** The client's event {@code event} was refused or failed; the runtime logs {@code message}. */
    record Rejected(long event, String message) implements Patch {
        public List<Object> wire() {
            return List.of(LiveProtocol.Op.ERROR, event, message);
        }
    }
}
