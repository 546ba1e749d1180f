package dev.aether.titan.event;

/**
 * Per-connection bounds of event delivery over WebSocket.
 *
 * <pre>{@code
 * Titan.builder().eventLimits(new EventLimits(100, 512));
 * }</pre>
 *
 * @param maxSubscriptionsPerPeer distinct events one connection may subscribe to (1,000 as the
 *                                reference; one more answers 429)
 * @param maxQueuedEventsPerPeer  event packets handed to the socket and not written yet, per
 *                                connection (1,024); a subscriber that falls further behind is
 *                                dropped: its subscriptions end and the connection closes with
 *                                4029 (too slow reading events)
 */
public record EventLimits(int maxSubscriptionsPerPeer, int maxQueuedEventsPerPeer) {
    public static final int DEFAULT_MAX_SUBSCRIPTIONS = 1_000;
    public static final int DEFAULT_MAX_QUEUED_EVENTS = 1_024;

    public EventLimits {
        if (maxSubscriptionsPerPeer < 1 || maxQueuedEventsPerPeer < 1) {
            throw new IllegalArgumentException("event limits must be at least 1, got " + maxSubscriptionsPerPeer + ", "
                    + maxQueuedEventsPerPeer);
        }
    }

    public static EventLimits defaults() {
        return new EventLimits(DEFAULT_MAX_SUBSCRIPTIONS, DEFAULT_MAX_QUEUED_EVENTS);
    }
}
