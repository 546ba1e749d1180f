package dev.aether.reactive;

import static dev.aether.reactive.Reactive.*;
import static org.assertj.core.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchAndUntrackTest extends ReactiveSpec {

    @Test
    void threeWritesInABatchRunAnEffectOnceWithTheFinalValues() {
        Signal<Integer> a = signal(1);
        Signal<Integer> b = signal(10);
        Signal<Integer> c = signal(100);
        List<String> seen = new ArrayList<>();
        effect(() -> seen.add(a.get() + "," + b.get() + "," + c.get()));
        batch(() -> {
            a.set(2);
            b.set(20);
            c.set(200);
        });
        assertThat(seen).containsExactly("1,10,100", "2,20,200");
    }

    @Test
    void repeatedWritesToOneSignalInABatchRunTheEffectOnce() {
        Signal<Integer> s = signal(0);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(s.get()));
        batch(() -> {
            s.set(1);
            s.set(2);
            s.set(3);
        });
        assertThat(seen).containsExactly(0, 3);
    }

    @Test
    void effectsRunBeforeBatchReturns() {
        Signal<Integer> s = signal(0);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(s.get()));
        batch(() -> {
            s.set(1);
            assertThat(seen).as("held back inside the batch").containsExactly(0);
        });
        assertThat(seen).containsExactly(0, 1);
    }

    @Test
    void nestedBatchesFlushOnceAtTheOutermost() {
        Signal<Integer> a = signal(0);
        Signal<Integer> b = signal(0);
        List<String> seen = new ArrayList<>();
        effect(() -> seen.add(a.get() + "/" + b.get()));
        batch(() -> {
            a.set(1);
            batch(() -> {
                b.set(1);
                batch(() -> a.set(2));
            });
            assertThat(seen).as("inner batches do not flush").containsExactly("0/0");
            b.set(2);
        });
        assertThat(seen).containsExactly("0/0", "2/2");
    }

    @Test
    void computedsReadInsideABatchSeeTheNewValues() {
        Signal<Integer> s = signal(1);
        Computed<Integer> observed = computed(() -> s.get() * 2);
        Computed<Integer> unobserved = computed(() -> s.get() * 3);
        effect(() -> observed.get());
        unobserved.get();
        List<Integer> insideBatch = new ArrayList<>();
        batch(() -> {
            s.set(5);
            insideBatch.add(s.get());
            insideBatch.add(observed.get());
            insideBatch.add(unobserved.get());
        });
        assertThat(insideBatch).containsExactly(5, 10, 15);
    }

    @Test
    void effectDoesNotRunWhenABatchEndsWithAnEqualComputedValue() {
        Signal<Integer> s = signal(2);
        Computed<Boolean> even = computed(() -> s.get() % 2 == 0);
        AtomicInteger runs = new AtomicInteger();
        effect(() -> {
            even.get();
            runs.incrementAndGet();
        });
        batch(() -> {
            s.set(3);
            s.set(4);
        });
        assertThat(runs).hasValue(1);
    }

    @Test
    void batchThatThrowsStillRunsTheEffectsOfTheWritesItMade() {
        Signal<Integer> s = signal(0);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(s.get()));
        assertThatThrownBy(() -> batch(() -> {
            s.set(1);
            throw new IllegalStateException("midway");
        })).hasMessage("midway");
        assertThat(s.peek()).isEqualTo(1);
        assertThat(seen).as("the effect must not be left behind the signal").containsExactly(0, 1);
    }

    @Test
    void untrackedReadsDoNotSubscribe() {
        Signal<Integer> tracked = signal(1);
        Signal<Integer> untracked = signal(1);
        List<String> seen = new ArrayList<>();
        effect(() -> seen.add(tracked.get() + ":" + untrack(untracked::get)));
        untracked.set(2);
        assertThat(seen).containsExactly("1:1");
        tracked.set(2);
        assertThat(seen).containsExactly("1:1", "2:2");
    }

    @Test
    void readsAfterUntrackReturnsAreTrackedAgain() {
        Signal<Integer> a = signal(1);
        Signal<Integer> b = signal(1);
        AtomicInteger runs = new AtomicInteger();
        effect(() -> {
            untrack(a::get);
            b.get();
            runs.incrementAndGet();
        });
        b.set(2);
        assertThat(runs).hasValue(2);
    }

    @Test
    void untrackInsideAComputedDoesNotMakeItDepend() {
        Signal<Integer> a = signal(1);
        Signal<Integer> b = signal(100);
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> c = computed(() -> {
            runs.incrementAndGet();
            return a.get() + untrack(b::get);
        });
        effect(() -> c.get());
        b.set(200);
        assertThat(c.get()).isEqualTo(101);
        assertThat(runs).hasValue(1);
        a.set(2);
        assertThat(c.get()).isEqualTo(202);
    }

    @Test
    void untrackReturnsTheValueAndWorksOutsideAnyComputation() {
        Signal<String> s = signal("v");
        assertThat(untrack(s::get)).isEqualTo("v");
    }
}
