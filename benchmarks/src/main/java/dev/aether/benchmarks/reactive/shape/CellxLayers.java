package dev.aether.benchmarks.reactive.shape;

import dev.aether.benchmarks.reactive.framework.ReactiveFramework;
import dev.aether.benchmarks.reactive.framework.ReadCell;
import dev.aether.benchmarks.reactive.framework.WriteCell;

/**
 * The cellx benchmark with 1000 layers: four signals, then 1000 layers of four computeds, each
 * reading one or two nodes of the layer above (p1 = p2, p2 = p1 − p3, p3 = p2 + p4, p4 = p3),
 * every computed observed by an effect. Measures a deep and wide static graph under a batched
 * write of all four sources.
 *
 * <p>The JS benchmark builds a fresh graph, then times one batch (writing 4, 3, 2, 1) and the
 * read of the last layer. Here the graph is built once and each op flips the sources between
 * (1, 2, 3, 4) and (4, 3, 2, 1), so each op is exactly that timed update; the last layer must
 * read the JS benchmark's expected values and the effects must re-run exactly for the nodes
 * whose value changed (counted by plain arithmetic over the layers).
 */
public final class CellxLayers implements Shape {
    private static final int LAYERS = 1000;
    private static final int[] START_A = {1, 2, 3, 4};
    private static final int[] START_B = {4, 3, 2, 1};
    /** From the JS benchmark: the last layer for sources (1, 2, 3, 4) and (4, 3, 2, 1). */
    private static final int[] END_A = {-3, -6, -2, 2};
    private static final int[] END_B = {-2, -4, 2, 3};

    private final ReactiveFramework fw;
    private final WriteCell<Integer>[] start;
    private final ReadCell<Integer>[] end;
    private final int changedPerFlip = changedNodes();
    private boolean atB;
    private int effectRuns;

    @SuppressWarnings("unchecked")
    public CellxLayers(ReactiveFramework fw) {
        this.fw = fw;
        start = new WriteCell[4];
        for (int p = 0; p < 4; p++) {
            start[p] = fw.signal(START_A[p]);
        }
        ReadCell<Integer>[] layer = start;
        for (int i = LAYERS; i > 0; i--) {
            ReadCell<Integer>[] m = layer;
            ReadCell<Integer>[] s = new ReadCell[4];
            s[0] = fw.computed(() -> m[1].read());
            s[1] = fw.computed(() -> m[0].read() - m[2].read());
            s[2] = fw.computed(() -> m[1].read() + m[3].read());
            s[3] = fw.computed(() -> m[2].read());
            for (ReadCell<Integer> x : s) {
                fw.effect(() -> {
                    x.read();
                    effectRuns++;
                });
            }
            for (ReadCell<Integer> x : s) {
                x.read();
            }
            layer = s;
        }
        end = layer;
        checkEnd(END_A, "cellx: initial last layer");
    }

    @Override
    public long run() {
        int[] next = atB ? START_A : START_B;
        effectRuns = 0;
        fw.batch(() -> {
            for (int p = 0; p < 4; p++) {
                start[p].write(next[p]);
            }
        });
        atB = !atB;
        checkEnd(atB ? END_B : END_A, "cellx: last layer");
        Check.equal(effectRuns, changedPerFlip, "cellx: effect runs");
        return effectRuns;
    }

    private void checkEnd(int[] expected, String what) {
        for (int p = 0; p < 4; p++) {
            Check.equal(end[p].read(), expected[p], what + " prop" + (p + 1));
        }
    }

    /** How many of the 4000 computeds hold different values under the two source sets. */
    private static int changedNodes() {
        int[] a = START_A.clone();
        int[] b = START_B.clone();
        int changed = 0;
        for (int i = 0; i < LAYERS; i++) {
            a = nextLayer(a);
            b = nextLayer(b);
            for (int p = 0; p < 4; p++) {
                if (a[p] != b[p]) {
                    changed++;
                }
            }
        }
        return changed;
    }

    private static int[] nextLayer(int[] m) {
        return new int[]{m[1], m[0] - m[2], m[1] + m[3], m[2]};
    }
}
