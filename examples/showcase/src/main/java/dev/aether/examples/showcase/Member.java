package dev.aether.examples.showcase;

/**
 * One member of a team. A member shown before the server has stored it (an optimistic row) has a
 * negative id.
 *
 * <pre>{@code
 * new Member(3, "Grace").pending();   // false: stored
 * }</pre>
 */
public record Member(long id, String name) {
    /** Whether this row is only shown, not stored yet. */
    public boolean pending() {
        return id < 0;
    }
}
