package dev.aether.benchmarks.reactive.framework;

import java.util.Arrays;

/**
 * Records which JavaFX observables a computed or effect read during one run, so the adapter
 * can bind to exactly those. One instance per framework; single-threaded.
 *
 * <p>Reads go to one shared stack; a run's reads are the slice above where it began. When a
 * run read the same dependencies in the same order as last time (the common case), the old
 * array is kept, so steady-state recomputation allocates nothing and rebinds nothing.
 */
final class DependencyTracker {
    static final Tracked[] NONE = new Tracked[0];

    private Tracked[] stack = new Tracked[256];
    private int top;
    private int frameStart;
    /** Stamp of the current frame; 0 when nothing is tracking. */
    private int frame;
    private int lastFrame;

    /** Opens a frame; pass the returned token to {@link #end}. */
    long begin() {
        long saved = ((long) frame << 32) | (frameStart & 0xFFFFFFFFL);
        frameStart = top;
        int next = ++lastFrame;
        if (next == 0) {
            next = lastFrame = 1;
        }
        frame = next;
        return saved;
    }

    void record(Tracked node) {
        int f = frame;
        if (f == 0 || node.seenIn() == f) {
            return;
        }
        node.seenIn(f);
        if (top == stack.length) {
            stack = Arrays.copyOf(stack, top * 2);
        }
        stack[top++] = node;
    }

    /**
     * Closes the frame and returns what it read: {@code previous} itself when unchanged, else a
     * new array.
     */
    Tracked[] end(long saved, Tracked[] previous) {
        int start = frameStart;
        int n = top - start;
        Tracked[] result = previous;
        if (!sameAs(previous, start, n)) {
            result = n == 0 ? NONE : distinct(Arrays.copyOfRange(stack, start, top));
        }
        Arrays.fill(stack, start, top, null);
        top = start;
        frame = (int) (saved >>> 32);
        frameStart = (int) saved;
        return result;
    }

    private boolean sameAs(Tracked[] previous, int start, int n) {
        if (previous.length != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (previous[i] != stack[start + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A node read in an outer frame, then in a nested one, then again in the outer one carries
     * the nested stamp and is recorded twice; binding twice would double every invalidation.
     */
    private static Tracked[] distinct(Tracked[] read) {
        int n = 0;
        outer:
        for (Tracked t : read) {
            for (int j = 0; j < n; j++) {
                if (read[j] == t) {
                    continue outer;
                }
            }
            read[n++] = t;
        }
        return n == read.length ? read : Arrays.copyOf(read, n);
    }
}
