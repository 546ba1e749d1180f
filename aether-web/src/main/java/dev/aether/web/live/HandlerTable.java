package dev.aether.web.live;

import dev.aether.reactive.Reactive;
import dev.aether.web.html.EventHandler;
import java.util.HashMap;
import java.util.Map;

/**
 * The element ids of one live page and the event handlers registered on them while it renders.
 * Ids are never reused, so parts rendered later never collide with the page's; a handler goes
 * away with the owner (region, row) that rendered it. Session context only.
 *
 * <pre>{@code
 * String id = handlers.nextId();                    // "1"
 * handlers.add(id, "click", event -> count.update(n -> n + 1));
 * handlers.find("1", "click", 0).handle(event);
 * }</pre>
 */
final class HandlerTable {
    private final Map<String, EventHandler> handlers = new HashMap<>();
    private int ids;

    String nextId() {
        return Integer.toString(++ids);
    }

    /**
     * Registers the handler of {@code event} on element {@code elementId}, until the current owner
     * is disposed. Several handlers of one event on one element (keydown with two key filters) are
     * numbered in the order of the element's {@code data-ae-on} tokens, as the runtime numbers them.
     */
    void add(String elementId, String event, EventHandler handler) {
        int n = 0;
        while (handlers.containsKey(key(elementId, event, n))) {
            n++;
        }
        String key = key(elementId, event, n);
        handlers.put(key, handler);
        Reactive.onCleanup(() -> handlers.remove(key, handler));
    }

    /** The {@code n}th handler of {@code event} on element {@code elementId}, or null. */
    EventHandler find(String elementId, String event, int n) {
        return handlers.get(key(elementId, event, n));
    }

    int size() {
        return handlers.size();
    }

    void clear() {
        handlers.clear();
    }

    private static String key(String elementId, String event, int n) {
        return n == 0 ? elementId + " " + event : elementId + " " + event + " " + n;
    }
}
