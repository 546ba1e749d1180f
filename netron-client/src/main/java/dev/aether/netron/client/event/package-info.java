/**
 * Server events on the client: {@link dev.aether.netron.client.event.EventSubscription} handles,
 * reference counted per event by {@link dev.aether.netron.client.event.Subscriptions}, delivered by
 * any transport that is an {@link dev.aether.netron.client.event.EventSource}.
 *
 * <pre>{@code
 * try (EventSubscription s = client.subscribe("user.created", User.class, user -> show(user))) { ... }
 * }</pre>
 */
package dev.aether.netron.client.event;
