package dev.aether.benchmarks.reactive.shape;

import dev.aether.benchmarks.reactive.framework.ReactiveFramework;
import dev.aether.benchmarks.reactive.framework.ReadCell;
import dev.aether.benchmarks.reactive.framework.WriteCell;

/**
 * kairo "broad propagation": one signal read by 50 independent two-computed chains, each with an
 * effect. Measures fan-out: one write marks and re-runs 50 branches.
 * One op: 1 + 50 batched writes; 50 × 50 = 2500 effect runs after the first.
 */
public final class BroadPropagation implements Shape {
    private final ReactiveFramework fw;
    private final WriteCell<Integer> head;
    private ReadCell<Integer> last;
    private int effectRuns;

    public BroadPropagation(ReactiveFramework fw) {
        this.fw = fw;
        head = fw.signal(0);
        for (int i = 0; i < 50; i++) {
            int offset = i;
            ReadCell<Integer> current = fw.computed(() -> head.read() + offset);
            ReadCell<Integer> current2 = fw.computed(() -> current.read() + 1);
            fw.effect(() -> {
                current2.read();
                effectRuns++;
            });
            last = current2;
        }
    }

    @Override
    public long run() {
        fw.batch(() -> head.write(1));
        effectRuns = 0;
        for (int i = 0; i < 50; i++) {
            int value = i;
            fw.batch(() -> head.write(value));
            Check.equal(last.read(), i + 50, "broad: last");
        }
        Check.equal(effectRuns, 50 * 50, "broad: effect runs");
        return effectRuns;
    }
}
