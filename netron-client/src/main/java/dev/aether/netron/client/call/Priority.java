package dev.aether.netron.client.call;

/**
 * How urgent a call is, as the reference's {@code priority(level)}: when a client caps how many
 * requests it has in flight, higher-priority calls are sent first. Without a cap it changes
 * nothing.
 *
 * <pre>{@code
 * client.fluent(Users.class).priority(Priority.HIGH).call(u -> u.current());
 * }</pre>
 */
public enum Priority {
    HIGH,
    NORMAL,
    LOW
}
