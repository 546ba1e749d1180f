package dev.aether.benchmarks.reactive.shape;

import dev.aether.benchmarks.reactive.framework.ReactiveFramework;
import dev.aether.benchmarks.reactive.framework.ReadCell;
import dev.aether.benchmarks.reactive.framework.WriteCell;

import java.util.ArrayList;
import java.util.List;

/**
 * kairo "triangle": a chain of 10 nodes, every one of which is also read by one summing
 * computed. Measures joins of different depths: the sum must wait for the whole chain.
 * One op: 1 + 100 batched writes, the sum read inside each batch; the effect runs 100 times.
 */
public final class Triangle implements Shape {
    private static final int WIDTH = 10;
    /** 1 + 2 + ... + WIDTH: the sum when the head is 1. */
    private static final int CONSTANT = WIDTH * (WIDTH + 1) / 2;

    private final ReactiveFramework fw;
    private final WriteCell<Integer> head;
    private final ReadCell<Integer> sum;
    private int effectRuns;

    public Triangle(ReactiveFramework fw) {
        this.fw = fw;
        head = fw.signal(0);
        ReadCell<Integer> current = head;
        List<ReadCell<Integer>> list = new ArrayList<>();
        for (int i = 0; i < WIDTH; i++) {
            ReadCell<Integer> previous = current;
            list.add(current);
            current = fw.computed(() -> previous.read() + 1);
        }
        sum = fw.computed(() -> {
            int total = 0;
            for (ReadCell<Integer> x : list) {
                total += x.read();
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
        fw.batch(() -> {
            head.write(1);
            Check.equal(sum.read(), CONSTANT, "triangle: after write(1)");
        });
        effectRuns = 0;
        for (int i = 0; i < 100; i++) {
            int value = i;
            fw.batch(() -> {
                head.write(value);
                Check.equal(sum.read(), CONSTANT - WIDTH + value * WIDTH, "triangle: sum");
            });
        }
        Check.equal(effectRuns, 100, "triangle: effect runs");
        return effectRuns;
    }
}
