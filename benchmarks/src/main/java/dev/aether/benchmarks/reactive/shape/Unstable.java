package dev.aether.benchmarks.reactive.shape;

import dev.aether.benchmarks.reactive.framework.ReactiveFramework;
import dev.aether.benchmarks.reactive.framework.ReadCell;
import dev.aether.benchmarks.reactive.framework.WriteCell;

/**
 * kairo "unstable": a computed whose dependencies switch on every write (the parity of the head
 * picks {@code double} or {@code inverse}), read 20 times interleaved with the head. Measures
 * the cost of dependency churn, the worst case for dependency tracking.
 * One op: 1 + 100 batched writes; the computed reads 40·i (odd i) or −20·i (even i), and the
 * effect runs 100 times.
 */
public final class Unstable implements Shape {
    private final ReactiveFramework fw;
    private final WriteCell<Integer> head;
    private final ReadCell<Integer> current;
    private int effectRuns;

    public Unstable(ReactiveFramework fw) {
        this.fw = fw;
        head = fw.signal(0);
        ReadCell<Integer> doubled = fw.computed(() -> head.read() * 2);
        ReadCell<Integer> inverse = fw.computed(() -> -head.read());
        current = fw.computed(() -> {
            int result = 0;
            for (int i = 0; i < 20; i++) {
                result += head.read() % 2 != 0 ? doubled.read() : inverse.read();
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
        Check.equal(current.read(), 40, "unstable: after write(1)");
        effectRuns = 0;
        for (int i = 0; i < 100; i++) {
            int value = i;
            fw.batch(() -> head.write(value));
            // The JS original leaves this check commented out (its ternary binds wrongly).
            Check.equal(current.read(), i % 2 != 0 ? 40 * i : -20 * i, "unstable: current");
        }
        Check.equal(effectRuns, 100, "unstable: effect runs");
        return effectRuns;
    }
}
