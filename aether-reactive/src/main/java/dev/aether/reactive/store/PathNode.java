package dev.aether.reactive.store;

import dev.aether.reactive.Trigger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The triggers for one path of a store, and the paths below it that someone has read.
 *
 * <p>The tree mirrors only what was read, not the state: it is created lazily by reads, so a
 * write has to visit just the watched part of the changed subtree to find whom to notify.
 */
final class PathNode {
    private final Object segment;
    private final String name;
    private final Map<Object, PathNode> children = new HashMap<>(4);
    private Trigger value;
    private Trigger size;
    private Trigger keys;

    PathNode(Object segment, String name) {
        this.segment = segment;
        this.name = name;
    }

    /** The child for {@code path.segment(depth)}, this node being at {@code depth}. */
    PathNode child(Path path, int depth) {
        Object segment = path.segment(depth);
        PathNode child = children.get(segment);
        if (child == null) {
            child = new PathNode(segment, path.prefix(depth + 1));
            children.put(segment, child);
        }
        return child;
    }

    Trigger value() {
        if (value == null) {
            value = new Trigger().named("store:" + name);
        }
        return value;
    }

    Trigger size() {
        if (size == null) {
            size = new Trigger().named("store:" + name + ".size");
        }
        return size;
    }

    Trigger keys() {
        if (keys == null) {
            keys = new Trigger().named("store:" + name + ".keys");
        }
        return keys;
    }

    /**
     * Collects the triggers to fire now that this path's value went from {@code before} to
     * {@code after}. Nodes on the written path are known to have changed, so they skip the
     * equality test that stops the descent everywhere else (a deep {@code equals} per ancestor
     * would make every write cost the size of the state).
     *
     * @param written the path that was written
     * @param depth   this node's depth
     * @param onPath  whether this node is the written path or one of its ancestors
     */
    void collectChanges(Object before, Object after, Path written, int depth, boolean onPath, List<Trigger> out) {
        if (before == after || (!onPath && Objects.equals(before, after))) {
            return;
        }
        if (value != null) {
            out.add(value);
        }
        if (size != null && Containers.sizeOf(before) != Containers.sizeOf(after)) {
            out.add(size);
        }
        if (keys != null && !Objects.equals(Containers.keysOf(before), Containers.keysOf(after))) {
            out.add(keys);
        }
        boolean childOnPath = onPath && depth < written.length();
        Object next = childOnPath ? written.segment(depth) : null;
        for (PathNode child : children.values()) {
            child.collectChanges(Containers.child(before, child.segment), Containers.child(after, child.segment),
                    written, depth + 1, childOnPath && Objects.equals(child.segment, next), out);
        }
    }
}
