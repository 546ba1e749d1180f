package dev.aether.netron.client.call;

/**
 * Which calls go first when a client's cap on concurrent requests makes calls wait (the
 * reference's {@code hints.priority}: high, normal, low). Among calls of one priority, the
 * earlier goes first.
 *
 * <pre>{@code
 * Users urgent = client.withOptions(o -> o.priority(Priority.HIGH)).service(Users.class);
 * }</pre>
 */
public enum Priority {
    HIGH,
    NORMAL,
    LOW
}
