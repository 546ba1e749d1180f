package dev.aether.web.html;

import java.util.Map;

/** A browser event as the live runtime will deliver it: its type and the values the handler asked for. */
public record DomEvent(String type, Map<String, String> data) {
    public DomEvent {
        data = Map.copyOf(data);
    }
}
