package dev.aether.benchmarks.reactive.shape;

import dev.aether.benchmarks.reactive.framework.ReactiveFramework;
import dev.aether.benchmarks.reactive.framework.ReadCell;
import dev.aether.benchmarks.reactive.framework.WriteCell;

/**
 * kairo "repeated observers": one computed reads the same signal 30 times in a row. Measures
 * how cheaply repeated reads of one dependency are de-duplicated.
 * One op: 1 + 100 batched writes; the computed reads i × 30, the effect runs 100 times.
 */
public final class RepeatedObservers implements Shape {
    private static final int SIZE = 30;

    private final ReactiveFramework fw;
    private final WriteCell<Integer> head;
    private final ReadCell<Integer> current;
    private int effectRuns;

    public RepeatedObservers(ReactiveFramework fw) {
        this.fw = fw;
        head = fw.signal(0);
        current = fw.computed(() -> {
            int result = 0;
            for (int i = 0; i < SIZE; i++) {
                result += head.read();
            }
            return result;
        });
        fw.effect(() -> {
            current.read();
            effectRuns++;
        });
    }

    @Override
    public long run() {
        fw.batch(() -> head.write(1));
        Check.equal(current.read(), SIZE, "repeated: after write(1)");
        effectRuns = 0;
        for (int i = 0; i < 100; i++) {
            int value = i;
            fw.batch(() -> head.write(value));
            Check.equal(current.read(), i * SIZE, "repeated: current");
        }
        Check.equal(effectRuns, 100, "repeated: effect runs");
        return effectRuns;
    }
}
