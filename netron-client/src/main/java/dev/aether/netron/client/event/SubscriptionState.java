package dev.aether.netron.client.event;

/**
 * Where an {@link EventSubscription}'s wire subscription stands.
 *
 * <pre>{@code
 * if (subscription.state() == SubscriptionState.REFUSED) banner.show("No longer allowed to follow " + subscription.event());
 * }</pre>
 */
public enum SubscriptionState {
    /** Waiting for the server: made while reconnecting, or being subscribed again after a reconnect. */
    PENDING,
    /** The server accepted it on the current connection: events arrive. */
    ACTIVE,
    /** The server refused it (401/403/429), on the first subscribe or on a re-subscribe after a reconnect; the handler was removed. */
    REFUSED,
    /** Closed by the application. */
    CLOSED
}
