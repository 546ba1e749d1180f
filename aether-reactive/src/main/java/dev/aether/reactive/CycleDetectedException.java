package dev.aether.reactive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A computed read itself, directly or through others. The message lists the cycle by node
 * name, e.g. {@code a -> b -> a}; give nodes names with {@code named(...)} to make it readable.
 *
 * <pre>{@code
 * Computed<Integer> a = computed(() -> b().get() + 1).named("a");
 * a.get(); // CycleDetectedException: cycle detected between computeds: a -> b -> a
 * }</pre>
 */
public final class CycleDetectedException extends ReactiveException {
    private final transient Node start;
    private final List<String> path = new ArrayList<>();
    private boolean closed;

    CycleDetectedException(Node start) {
        super("cycle detected");
        this.start = start;
        path.add(start.describe());
    }

    /** Called by each computed the exception passes through until the cycle closes. */
    void passedThrough(Node node) {
        if (closed) {
            return;
        }
        path.add(0, node.describe());
        closed = node == start;
    }

    /** The names of the nodes on the cycle, first and last being the same. */
    public List<String> path() {
        return Collections.unmodifiableList(path);
    }

    @Override
    public String getMessage() {
        return "cycle detected between computeds: " + String.join(" -> ", path)
                + " (a computed may not read itself, directly or through other computeds)";
    }
}
