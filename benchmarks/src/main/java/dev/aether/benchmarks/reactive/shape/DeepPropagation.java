package dev.aether.benchmarks.reactive.shape;

import dev.aether.benchmarks.reactive.framework.ReactiveFramework;
import dev.aether.benchmarks.reactive.framework.ReadCell;
import dev.aether.benchmarks.reactive.framework.WriteCell;

/**
 * kairo "deep propagation": a chain of 50 computeds with an effect at the end. Measures depth:
 * each write travels through 50 nodes.
 * One op: 1 + 50 batched writes; the end reads 50 + i and the effect runs 50 times.
 */
public final class DeepPropagation implements Shape {
    private static final int LENGTH = 50;

    private final ReactiveFramework fw;
    private final WriteCell<Integer> head;
    private final ReadCell<Integer> end;
    private int effectRuns;

    public DeepPropagation(ReactiveFramework fw) {
        this.fw = fw;
        head = fw.signal(0);
        ReadCell<Integer> current = head;
        for (int i = 0; i < LENGTH; i++) {
            ReadCell<Integer> previous = current;
            current = fw.computed(() -> previous.read() + 1);
        }
        end = current;
        fw.effect(() -> {
            end.read();
            effectRuns++;
        });
    }

    @Override
    public long run() {
        fw.batch(() -> head.write(1));
        effectRuns = 0;
        for (int i = 0; i < 50; i++) {
            int value = i;
            fw.batch(() -> head.write(value));
            Check.equal(end.read(), LENGTH + i, "deep: end");
        }
        Check.equal(effectRuns, 50, "deep: effect runs");
        return effectRuns;
    }
}
