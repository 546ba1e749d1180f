package dev.aether.netron.client.event;

import dev.aether.netron.protocol.error.NetronException;

/**
 * Hears a refusal that no caller is waiting for: a subscription made while reconnecting, or one
 * subscribed again after a reconnect, that the server refused (a role lost meanwhile: 403). The
 * event's handlers are removed and their handles report {@link SubscriptionState#REFUSED}.
 *
 * <pre>{@code
 * SubscriptionRefusals refusals = (event, cause) -> log.warn("no longer subscribed to {}: {}", event, cause.getMessage());
 * }</pre>
 */
@FunctionalInterface
public interface SubscriptionRefusals {
    void refused(String event, NetronException cause);
}
