package dev.aether.titan.stream;

/** A small record, the item of the test streams. */
public record Tick(long seq, String symbol) {
}
