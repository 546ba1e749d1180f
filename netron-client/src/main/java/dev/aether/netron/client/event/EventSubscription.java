package dev.aether.netron.client.event;

import java.util.concurrent.CompletableFuture;

/**
 * One handler's subscription to an event; closing it removes the handler (closing twice is
 * harmless). When the last handler of an event goes, the client unsubscribes on the wire.
 *
 * <pre>{@code
 * try (EventSubscription s = client.subscribe("user.created", User.class, user -> show(user))) {
 *     s.confirmed().join();   // made while reconnecting? wait until the server took it
 *     ...
 * }
 * }</pre>
 */
public interface EventSubscription extends AutoCloseable {
    /** The event this handler listens to. */
    String event();

    /** Where the wire subscription behind this handle stands now. */
    SubscriptionState state();

    /**
     * Completes when the server first accepted the wire subscription (at once for a subscribe made
     * while connected); fails with the server's error ({@code NetronException}, 401/403/429) if it
     * refused, for instance when a subscribe made while reconnecting is refused by the new connection.
     */
    CompletableFuture<Void> confirmed();

    @Override
    void close();
}
