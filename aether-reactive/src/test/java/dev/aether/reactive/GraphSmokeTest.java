package dev.aether.reactive;

import static dev.aether.reactive.Reactive.*;
import static org.assertj.core.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GraphSmokeTest {
    @Test
    void diamondRunsDownstreamOncePerWriteWithConsistentValues() {
        Signal<Integer> a = signal(1);
        Computed<Integer> b = computed(() -> a.get() + 1);
        Computed<Integer> c = computed(() -> a.get() * 10);
        List<String> seen = new ArrayList<>();
        AtomicInteger dRuns = new AtomicInteger();
        Computed<String> d = computed(() -> { dRuns.incrementAndGet(); return b.get() + "/" + c.get(); });
        effect(() -> seen.add(d.get()));
        a.set(2);
        a.set(3);
        assertThat(seen).containsExactly("2/10", "3/20", "4/30");
        assertThat(dRuns).hasValue(3);
    }

    @Test
    void cycleIsReportedWithNames() {
        Computed<Integer>[] holder = new Computed[2];
        holder[0] = computed(() -> holder[1].get() + 1).named("a");
        holder[1] = computed(() -> holder[0].get() + 1).named("b");
        assertThatThrownBy(() -> holder[0].get())
                .isInstanceOf(CycleDetectedException.class)
                .hasMessageContaining("a -> b -> a");
    }

    @Test
    void unobservedComputedIsMemoised() {
        Signal<Integer> s = signal(1);
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> c = computed(() -> { runs.incrementAndGet(); return s.get() * 2; });
        assertThat(runs).hasValue(0);
        assertThat(c.get()).isEqualTo(2);
        assertThat(c.get()).isEqualTo(2);
        assertThat(runs).hasValue(1);
        s.set(5);
        assertThat(c.get()).isEqualTo(10);
        assertThat(runs).hasValue(2);
    }
}
