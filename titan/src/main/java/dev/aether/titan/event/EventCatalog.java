package dev.aether.titan.event;

import dev.aether.netron.protocol.error.RpcException;
import dev.aether.titan.Principal;
import java.util.Map;
import java.util.Objects;

/**
 * The events the application declared, with who may subscribe to each; an event not declared is
 * {@link EventAccess#open()}. Also checks that a name a peer sends is a usable event name.
 *
 * <pre>{@code
 * EventCatalog catalog = new EventCatalog(Map.of("user.created", EventAccess.roles("admin")), false);
 * catalog.checkSubscribe(peerPrincipal, "user.created");   // throws 401/403 when it may not
 * }</pre>
 */
public final class EventCatalog {
    /** Longest event name a peer may subscribe to, as the longest member name of netron-wire.md §1. */
    public static final int MAX_NAME_LENGTH = 255;

    private final Map<String, EventAccess> declared;
    private final boolean defaultDeny;

    public EventCatalog(Map<String, EventAccess> declared, boolean defaultDeny) {
        this.declared = Map.copyOf(declared);
        this.defaultDeny = defaultDeny;
    }

    /** Throws 400 for an unusable name, 401/403 when {@code principal} may not subscribe to {@code event}. */
    public void checkSubscribe(Principal principal, String event) {
        checkName(event);
        declared.getOrDefault(event, EventAccess.open()).check(principal, defaultDeny);
    }

    /** Throws 400 unless {@code event} is a non-empty name of at most {@value #MAX_NAME_LENGTH} characters. */
    public static void checkName(String event) {
        Objects.requireNonNull(event, "event");
        if (event.isEmpty() || event.length() > MAX_NAME_LENGTH) {
            throw RpcException.invalidRequest("An event name must have 1 to " + MAX_NAME_LENGTH + " characters");
        }
    }
}
