package dev.aether.benchmarks.reactive.shape;

import dev.aether.benchmarks.reactive.framework.ReactiveFramework;
import dev.aether.benchmarks.reactive.framework.ReadCell;
import dev.aether.benchmarks.reactive.framework.WriteCell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * kairo "mux": 100 signals gathered into one computed list, split back into 100 computeds, each
 * + 1 and observed by an effect. Measures many-to-one-to-many: every write recomputes the list
 * and all 100 splits, but only the split whose value changed should reach its effect.
 * One op: 20 single writes (two of them equal, so no-ops), 18 effect runs.
 */
public final class Mux implements Shape {
    private static final int SIZE = 100;

    private final List<WriteCell<Integer>> heads = new ArrayList<>();
    private final List<ReadCell<Integer>> splitted = new ArrayList<>();
    private int effectRuns;

    public Mux(ReactiveFramework fw) {
        for (int i = 0; i < SIZE; i++) {
            heads.add(fw.signal(0));
        }
        // A new list per evaluation, like the JS Object.fromEntries(...).
        ReadCell<List<Integer>> mux = fw.computed(() -> {
            Integer[] values = new Integer[SIZE];
            for (int i = 0; i < SIZE; i++) {
                values[i] = heads.get(i).read();
            }
            return Arrays.asList(values);
        });
        for (int i = 0; i < SIZE; i++) {
            int index = i;
            ReadCell<Integer> split = fw.computed(() -> mux.read().get(index));
            splitted.add(fw.computed(() -> split.read() + 1));
        }
        for (ReadCell<Integer> x : splitted) {
            fw.effect(() -> {
                x.read();
                effectRuns++;
            });
        }
    }

    @Override
    public long run() {
        effectRuns = 0;
        for (int i = 0; i < 10; i++) {
            heads.get(i).write(i);
            Check.equal(splitted.get(i).read(), i + 1, "mux: first pass");
        }
        for (int i = 0; i < 10; i++) {
            heads.get(i).write(i * 2);
            Check.equal(splitted.get(i).read(), i * 2 + 1, "mux: second pass");
        }
        // heads[0] is written 0 over 0 twice: equal writes change nothing.
        Check.equal(effectRuns, 18, "mux: effect runs");
        return effectRuns;
    }
}
