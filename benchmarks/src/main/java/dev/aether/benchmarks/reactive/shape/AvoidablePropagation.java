package dev.aether.benchmarks.reactive.shape;

import dev.aether.benchmarks.reactive.framework.ReactiveFramework;
import dev.aether.benchmarks.reactive.framework.ReadCell;
import dev.aether.benchmarks.reactive.framework.WriteCell;

/**
 * kairo "avoidable propagation": a chain head → c1 → c2 → c3 → c4 → c5 → effect where c2 always
 * yields 0, and c3 and the effect are expensive. A framework that stops propagation at equal
 * values never re-runs c3 or the effect; one that does not pays for them on every write.
 * One op: 1 + 1000 batched writes, each followed by a read of c5 (= 6), and zero effect re-runs.
 */
public final class AvoidablePropagation implements Shape {
    private final ReactiveFramework fw;
    private final WriteCell<Integer> head;
    private final ReadCell<Integer> computed5;
    private int effectRuns;

    public AvoidablePropagation(ReactiveFramework fw) {
        this.fw = fw;
        head = fw.signal(0);
        ReadCell<Integer> computed1 = fw.computed(head::read);
        ReadCell<Integer> computed2 = fw.computed(() -> {
            computed1.read();
            return 0;
        });
        ReadCell<Integer> computed3 = fw.computed(() -> {
            Busy.work();
            return computed2.read() + 1;
        });
        ReadCell<Integer> computed4 = fw.computed(() -> computed3.read() + 2);
        computed5 = fw.computed(() -> computed4.read() + 3);
        fw.effect(() -> {
            computed5.read();
            effectRuns++;
            Busy.work();
        });
    }

    @Override
    public long run() {
        effectRuns = 0;
        head.write(1);
        Check.equal(computed5.read(), 6, "avoidable: computed5 after write(1)");
        for (int i = 0; i < 1000; i++) {
            int value = i;
            fw.batch(() -> {
                head.write(value);
                Check.equal(computed5.read(), 6, "avoidable: computed5 inside batch");
            });
        }
        Check.equal(effectRuns, 0, "avoidable: effect re-runs");
        return computed5.read();
    }
}
