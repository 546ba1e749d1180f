package dev.aether.benchmarks.reactive.shape;

import dev.aether.benchmarks.reactive.framework.ReactiveFramework;
import dev.aether.benchmarks.reactive.framework.ReadCell;
import dev.aether.benchmarks.reactive.framework.WriteCell;

import java.util.ArrayList;
import java.util.List;

/**
 * kairo "diamond": one signal, five computeds reading it, one computed summing them, one effect.
 * Measures glitch-freedom at a join: the sum and the effect must run once per write, not once
 * per branch.
 * One op: 1 + 500 batched writes; the sum reads (i + 1) × 5 and the effect runs 500 times.
 */
public final class Diamond implements Shape {
    private static final int WIDTH = 5;

    private final ReactiveFramework fw;
    private final WriteCell<Integer> head;
    private final ReadCell<Integer> sum;
    private int effectRuns;

    public Diamond(ReactiveFramework fw) {
        this.fw = fw;
        head = fw.signal(0);
        List<ReadCell<Integer>> branches = new ArrayList<>();
        for (int i = 0; i < WIDTH; i++) {
            branches.add(fw.computed(() -> head.read() + 1));
        }
        sum = fw.computed(() -> {
            int total = 0;
            for (ReadCell<Integer> branch : branches) {
                total += branch.read();
            }
            return total;
        });
        fw.effect(() -> {
            sum.read();
            effectRuns++;
        });
    }

    @Override
    public long run() {
        fw.batch(() -> head.write(1));
        Check.equal(sum.read(), 2 * WIDTH, "diamond: sum after write(1)");
        effectRuns = 0;
        for (int i = 0; i < 500; i++) {
            int value = i;
            fw.batch(() -> head.write(value));
            Check.equal(sum.read(), (i + 1) * WIDTH, "diamond: sum");
        }
        Check.equal(effectRuns, 500, "diamond: effect runs");
        return effectRuns;
    }
}
