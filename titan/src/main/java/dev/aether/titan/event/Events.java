package dev.aether.titan.event;

import java.util.Objects;

/**
 * What the Netron endpoints need to serve events: the bus, who may subscribe to what, and the
 * per-connection limits.
 *
 * <pre>{@code
 * Events events = new Events(new InProcessEventBus(), new EventCatalog(Map.of(), false), EventLimits.defaults());
 * WebSocketEndpoint.wrap(server, next, dispatcher, settings, WebSocketOptions.defaults(), events);
 * }</pre>
 */
public record Events(EventBus bus, EventCatalog catalog, EventLimits limits) {
    public Events {
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(limits, "limits");
    }

    /** A fresh in-process bus, every event open, default limits. */
    public static Events inProcess() {
        return new Events(new InProcessEventBus(), new EventCatalog(java.util.Map.of(), false), EventLimits.defaults());
    }
}
