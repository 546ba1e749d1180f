package dev.aether.state;

/** What the test service answers. */
public record User(long id, String name) {
}
