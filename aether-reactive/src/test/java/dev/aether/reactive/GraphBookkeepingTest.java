package dev.aether.reactive;

import static dev.aether.reactive.Reactive.computed;
import static dev.aether.reactive.Reactive.effect;
import static dev.aether.reactive.Reactive.signal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The graph's own bookkeeping: how many edges it keeps, and that garbage does not pile up. */
class GraphBookkeepingTest {
    private static int subscribers(Node node) {
        int n = 0;
        for (Edge e = node.subs; e != null; e = e.nextSub) {
            n++;
        }
        return n;
    }

    private static int dependencies(Node node) {
        int n = 0;
        for (Link l = node.deps; l != null; l = l.nextDep) {
            n++;
        }
        return n;
    }

    @Test
    void readingTheSameSourcesInterleavedKeepsOneLinkEach() {
        Signal<Integer> a = signal(1);
        Signal<Integer> b = signal(2);
        Computed<Integer> c = computed(() -> a.get() + b.get() + a.get() + b.get() + a.get());
        assertThat(c.get()).isEqualTo(7);
        assertThat(dependencies(c)).isEqualTo(2);
        assertThat(subscribers(a)).isEqualTo(1);
        a.set(2);
        assertThat(c.get()).isEqualTo(10);
        assertThat(dependencies(c)).isEqualTo(2);
    }

    @Test
    void alternatingBranchesKeepTheLinkCountBounded() {
        Signal<Integer> head = signal(0);
        Computed<Integer> dbl = computed(() -> head.get() * 2);
        Computed<Integer> neg = computed(() -> -head.get());
        Computed<Integer> current = computed(() -> {
            int sum = 0;
            for (int i = 0; i < 20; i++) {
                sum += head.get() % 2 == 1 ? dbl.get() : neg.get();
            }
            return sum;
        });
        effect(current::get);
        for (int i = 1; i < 50; i++) {
            head.set(i);
            assertThat(current.get()).isEqualTo(i % 2 == 1 ? i * 2 * 20 : -i * 20);
            assertThat(dependencies(current)).isEqualTo(2);
        }
    }

    @Test
    void computedsCreatedAndDroppedDoNotPileUpOnASourceThatIsNeverWritten() throws Exception {
        Signal<Integer> config = signal(7);
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 1_000; i++) {
                computed(() -> config.get() + 1).get(); // read once, then dropped
            }
            System.gc();
            Thread.sleep(5);
        }
        assertThat(subscribers(config)).as("stand-ins of collected computeds are swept as new ones arrive").isLessThan(5_000);
    }

    @Test
    void computedObservedThenReleasedIsListedWeakly() {
        Signal<Integer> s = signal(1);
        Computed<Integer> c = computed(() -> s.get() + 1);
        Effect e = effect(c::get);
        assertThat(s.subs).isInstanceOf(Link.class);
        e.dispose();
        assertThat(s.subs).isInstanceOf(WeakEdge.class);
        s.set(5);
        assertThat(c.get()).as("still notified while weak").isEqualTo(6);
    }

    @Test
    void computedFirstReadByAnEffectIsListedStronglyWithoutAStandIn() {
        Signal<Integer> s = signal(1);
        Computed<Integer> inner = computed(() -> s.get() * 2);
        Computed<Integer> outer = computed(() -> inner.get() + 1);
        effect(outer::get);
        assertThat(s.subs).isInstanceOf(Link.class);
        assertThat(inner.subs).isInstanceOf(Link.class);
        assertThat(s.subs.nextSub).as("exactly one listing, no leftover stand-in").isNull();
        s.set(2);
        assertThat(outer.get()).isEqualTo(5);
    }

    @Test
    void weakComputedBecomesStrongWhenAnEffectReadsIt() {
        Signal<Integer> s = signal(1);
        Computed<Integer> c = computed(() -> s.get() + 1);
        c.get();
        assertThat(s.subs).isInstanceOf(WeakEdge.class);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(c.get()));
        assertThat(s.subs).isInstanceOf(Link.class);
        s.set(2);
        assertThat(seen).containsExactly(2, 3);
    }
}
