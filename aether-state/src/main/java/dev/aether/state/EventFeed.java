package dev.aether.state;

import dev.aether.reactive.ReadSignal;

/**
 * One owner's subscription to a server event: made by {@link AetherState#subscription} inside
 * an owner, closed with it. Owners of one event share one wire subscription (the client counts
 * them); after a reconnect the client subscribes again by itself.
 *
 * <pre>{@code
 * EventFeed<User> joined = state.subscription("user.created", User.class, user -> toast(user.name() + " joined"));
 * text(() -> joined.count().get() + " joined since you came");
 * }</pre>
 *
 * @param <T> the type the event's first argument is converted to
 */
public interface EventFeed<T> {
    /** The latest event's value, or null before the first. */
    ReadSignal<T> latest();

    /** How many events arrived. */
    ReadSignal<Long> count();

    /** Whether the server accepted the subscription (false while it is being made, or after a refusal). */
    ReadSignal<Boolean> active();

    /** Stops listening; the last owner of an event unsubscribes on the wire. Done by the owner's disposal. */
    void close();
}
