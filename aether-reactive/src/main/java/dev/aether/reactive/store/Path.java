package dev.aether.reactive.store;

import java.util.Arrays;

/**
 * Where a value sits inside a store's state: record component names, list indices and map
 * keys, from the root down. Immutable; rendered like {@code users[3].name} in messages.
 */
final class Path {
    static final Path ROOT = new Path(new Object[0]);

    private final Object[] segments;

    private Path(Object[] segments) {
        this.segments = segments;
    }

    Path child(Object segment) {
        Object[] longer = Arrays.copyOf(segments, segments.length + 1);
        longer[segments.length] = segment;
        return new Path(longer);
    }

    Path parent() {
        if (segments.length == 0) {
            throw new IllegalStateException("the root has no parent");
        }
        return new Path(Arrays.copyOf(segments, segments.length - 1));
    }

    int length() {
        return segments.length;
    }

    Object segment(int depth) {
        return segments[depth];
    }

    Object last() {
        return segments[segments.length - 1];
    }

    /** The first {@code depth} segments, as text: the part of the path an error is about. */
    String prefix(int depth) {
        if (depth == 0) {
            return "(root)";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            Object segment = segments[i];
            if (segment instanceof String name && isIdentifier(name)) {
                if (i > 0) {
                    text.append('.');
                }
                text.append(name);
            } else if (segment instanceof String key) {
                text.append("[\"").append(key).append("\"]");
            } else {
                text.append('[').append(segment).append(']');
            }
        }
        return text.toString();
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            return false;
        }
        return name.chars().allMatch(Character::isJavaIdentifierPart);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Path path && Arrays.equals(segments, path.segments);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(segments);
    }

    @Override
    public String toString() {
        return prefix(segments.length);
    }
}
