package dev.aether.reactive;

import static dev.aether.reactive.Reactive.*;
import static org.assertj.core.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DynamicDependencyTest extends ReactiveSpec {

    @Test
    void effectStopsListeningToASignalItNoLongerReads() {
        Signal<Boolean> useA = signal(true);
        Signal<String> a = signal("a");
        Signal<String> b = signal("b");
        List<String> seen = new ArrayList<>();
        effect(() -> seen.add(useA.get() ? a.get() : b.get()));
        useA.set(false);
        a.set("a2");
        assertThat(seen).as("a is no longer read, so writing it does nothing").containsExactly("a", "b");
        b.set("b2");
        assertThat(seen).containsExactly("a", "b", "b2");
    }

    @Test
    void effectResubscribesWhenTheBranchFlipsBack() {
        Signal<Boolean> useA = signal(true);
        Signal<String> a = signal("a");
        Signal<String> b = signal("b");
        List<String> seen = new ArrayList<>();
        effect(() -> seen.add(useA.get() ? a.get() : b.get()));
        useA.set(false);
        useA.set(true);
        a.set("a2");
        b.set("b2");
        assertThat(seen).containsExactly("a", "b", "a", "a2");
    }

    @Test
    void computedStopsDependingOnASignalItNoLongerReads() {
        Signal<Boolean> useA = signal(true);
        Signal<Integer> a = signal(1);
        Signal<Integer> b = signal(2);
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> c = computed(counted(runs, () -> useA.get() ? a.get() : b.get()));
        AtomicInteger effectRuns = new AtomicInteger();
        effect(() -> {
            c.get();
            effectRuns.incrementAndGet();
        });
        useA.set(false);
        int runsAfterSwitch = runs.get();
        a.set(10);
        assertThat(runs).hasValue(runsAfterSwitch);
        assertThat(effectRuns).hasValue(2);
        useA.set(true);
        a.set(11);
        assertThat(c.get()).isEqualTo(11);
        assertThat(effectRuns).hasValue(4);
    }

    @Test
    void unobservedComputedIgnoresSignalsItNoLongerReads() {
        Signal<Boolean> useA = signal(true);
        Signal<Integer> a = signal(1);
        Signal<Integer> b = signal(2);
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> c = computed(counted(runs, () -> useA.get() ? a.get() : b.get()));
        c.get();
        useA.set(false);
        assertThat(c.get()).isEqualTo(2);
        a.set(10);
        assertThat(c.get()).isEqualTo(2);
        assertThat(runs).hasValue(2);
    }

    @Test
    void changingTheOrderOfReadsKeepsAllDependencies() {
        Signal<Boolean> aFirst = signal(true);
        Signal<Integer> a = signal(1);
        Signal<Integer> b = signal(2);
        Signal<Integer> c = signal(3);
        List<String> seen = new ArrayList<>();
        effect(() -> {
            if (aFirst.get()) {
                seen.add(a.get() + "," + b.get() + "," + c.get());
            } else {
                int cv = c.get();
                int bv = b.get();
                int av = a.get();
                seen.add(av + "," + bv + "," + cv);
            }
        });
        aFirst.set(false);
        a.set(10);
        b.set(20);
        c.set(30);
        aFirst.set(true);
        a.set(100);
        assertThat(seen).containsExactly(
                "1,2,3", "1,2,3", "10,2,3", "10,20,3", "10,20,30", "10,20,30", "100,20,30");
    }

    @Test
    void dependencyReadTwiceInDifferentPositionsIsStillOneSubscription() {
        Signal<Integer> a = signal(1);
        Signal<Integer> b = signal(1);
        AtomicInteger runs = new AtomicInteger();
        Effect e = effect(() -> {
            a.get();
            b.get();
            a.get();
            runs.incrementAndGet();
        });
        a.set(2);
        assertThat(runs).hasValue(2);
        e.dispose();
        a.set(3);
        b.set(3);
        assertThat(runs).as("dispose removes every subscription, duplicates included").hasValue(2);
    }

    @Test
    void effectThatReadsNothingOnARunStopsReRunning() {
        Signal<Boolean> active = signal(true);
        Signal<Integer> value = signal(0);
        AtomicInteger runs = new AtomicInteger();
        Signal<Boolean> gate = signal(true);
        effect(() -> {
            runs.incrementAndGet();
            if (untrack(gate::get) && active.get()) {
                value.get();
            }
        });
        gate.set(false);
        active.set(false); // re-runs, reads nothing (gate closed, untracked)
        value.set(1);
        active.set(true);
        assertThat(runs).hasValue(2);
    }

    @Test
    void switchingBetweenComputedsUnsubscribesFromTheUnusedOne() {
        Signal<Integer> source = signal(1);
        AtomicInteger expensiveRuns = new AtomicInteger();
        Computed<Integer> expensive = computed(counted(expensiveRuns, () -> source.get() * 100));
        Computed<Integer> cheap = computed(() -> source.get());
        Signal<Boolean> useExpensive = signal(true);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(useExpensive.get() ? expensive.get() : cheap.get()));
        useExpensive.set(false);
        source.set(2);
        source.set(3);
        assertThat(expensiveRuns).as("nobody reads it any more").hasValue(1);
        assertThat(seen).containsExactly(100, 1, 2, 3);
    }
}
