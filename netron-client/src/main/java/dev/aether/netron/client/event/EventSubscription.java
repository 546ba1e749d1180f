package dev.aether.netron.client.event;

/**
 * One handler's subscription to an event; closing it removes the handler (closing twice is
 * harmless). When the last handler of an event goes, the client unsubscribes on the wire.
 *
 * <pre>{@code
 * try (EventSubscription s = client.subscribe("user.created", User.class, user -> show(user))) {
 *     ...
 * }
 * }</pre>
 */
public interface EventSubscription extends AutoCloseable {
    /** The event this handler listens to. */
    String event();

    @Override
    void close();
}
