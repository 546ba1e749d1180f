package dev.aether.netron.client.event;

/**
 * A transport that delivers a server's events. Handlers run one at a time, in the order the
 * events arrived, never on the socket's thread.
 *
 * <pre>{@code
 * if (client.transport() instanceof EventSource events) {
 *     EventSubscription s = events.subscribe("user.created", args -> ...);
 * }
 * }</pre>
 */
public interface EventSource {
    /**
     * Adds {@code handler} to {@code event}; the first handler of an event subscribes on the
     * wire and this waits for the server's answer, so a refusal (401/403/429) is thrown here.
     */
    EventSubscription subscribe(String event, EventHandler handler);
}
