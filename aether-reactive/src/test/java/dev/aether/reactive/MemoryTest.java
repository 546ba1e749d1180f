package dev.aether.reactive;

import static dev.aether.reactive.Reactive.*;
import static org.assertj.core.api.Assertions.*;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What the graph lets the garbage collector take. Nodes are created in helper methods so that no
 * local variable of the test keeps them reachable; the source signal stays strongly held.
 */
class MemoryTest extends ReactiveSpec {

    private final List<WeakReference<Object>> refs = new ArrayList<>();

    private <T> T weak(T node) {
        refs.add(new WeakReference<>(node));
        return node;
    }

    private void assertAllCollected(String what) {
        for (int i = 0; i < refs.size(); i++) {
            assertCollected(refs.get(i), what + " #" + i);
        }
    }

    // ---- roots --------------------------------------------------------------------------------

    @Test
    void disposingARootReleasesEveryNodeUnderIt() {
        Signal<Integer> source = signal(0);
        Disposable root = buildTree(source);
        source.set(1); // exercise the graph once
        root.dispose();
        assertAllCollected("node under the disposed root");
        assertThat(source.get()).isEqualTo(1);
        Reference.reachabilityFence(root);
    }

    private Disposable buildTree(Signal<Integer> source) {
        return createRoot(dispose -> {
            Computed<Integer> doubled = weak(computed(() -> source.get() * 2));
            weak(effect(() -> {
                doubled.get();
                Computed<Integer> inner = weak(computed(() -> source.get() + 1));
                weak(effect(() -> inner.get()));
            }));
            weak(effect(() -> source.get()));
            return dispose;
        });
    }

    // ---- computeds ----------------------------------------------------------------------------

    @Test
    void computedOnlyReadAtTopLevelCanBeCollectedWhileItsSourceLives() {
        Signal<Integer> source = signal(1);
        readAtTopLevel(source);
        source.set(2);
        assertAllCollected("unobserved computed");
        assertThat(source.get()).isEqualTo(2);
    }

    private void readAtTopLevel(Signal<Integer> source) {
        Computed<Integer> c = weak(computed(() -> source.get() * 2));
        Computed<Integer> d = weak(computed(() -> c.get() + 1));
        assertThat(d.get()).isEqualTo(3);
        source.set(5);
        assertThat(d.get()).isEqualTo(11);
    }

    @Test
    void computedNoLongerObservedCanBeCollectedWhileItsSourceLives() {
        Signal<Integer> source = signal(1);
        observeThenStop(source);
        source.set(3);
        assertAllCollected("computed whose observer was disposed");
    }

    private void observeThenStop(Signal<Integer> source) {
        Computed<Integer> a = weak(computed(() -> source.get() * 2));
        Computed<Integer> b = weak(computed(() -> a.get() + source.get()));
        Effect e = weak(effect(() -> b.get()));
        source.set(2);
        e.dispose();
    }

    @Test
    void computedDroppedByABranchSwitchCanBeCollected() {
        Signal<Integer> source = signal(1);
        Signal<Boolean> useComputed = signal(true);
        Effect e = observeBehindABranch(source, useComputed);
        useComputed.set(false);
        source.set(2);
        assertAllCollected("computed no longer read by a live effect");
        Reference.reachabilityFence(e);
    }

    private Effect observeBehindABranch(Signal<Integer> source, Signal<Boolean> useComputed) {
        Object[] holder = {weak(computed(() -> source.get() * 2))};
        return effect(() -> {
            if (useComputed.get()) {
                @SuppressWarnings("unchecked")
                Computed<Integer> c = (Computed<Integer>) holder[0];
                c.get();
            } else {
                holder[0] = null;
                source.get();
            }
        });
    }

    @Test
    void disposedEffectReleasesTheComputedsItRead() {
        Signal<Integer> source = signal(1);
        Effect e = effectCreatingComputeds(source);
        e.dispose();
        assertAllCollected("computed read by the disposed effect");
        Reference.reachabilityFence(e);
    }

    @Test
    void reRunningAnEffectReleasesTheComputedsOfItsPreviousRun() {
        Signal<Integer> source = signal(1);
        Effect e = effectCreatingComputeds(source);
        List<WeakReference<Object>> firstRun = List.copyOf(refs);
        source.set(2);
        for (WeakReference<Object> ref : firstRun) {
            assertCollected(ref, "computed of the previous run");
        }
        assertThat(e.disposed()).isFalse();
        Reference.reachabilityFence(e);
    }

    private Effect effectCreatingComputeds(Signal<Integer> source) {
        return effect(() -> {
            Computed<Integer> c = weak(computed(() -> source.get() * 2));
            Computed<Integer> d = weak(computed(() -> c.get() + 1));
            d.get();
        });
    }

    @Test
    void computedReadByALiveEffectIsKeptAlive() {
        Signal<Integer> source = signal(1);
        Effect e = effectCreatingComputeds(source);
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        assertThat(refs).allSatisfy(ref -> assertThat(ref.get()).as("still observed").isNotNull());
        Reference.reachabilityFence(e);
    }

    @Test
    void effectDisposedDuringItsOwnRunHoldsNoSubscriptions() {
        Signal<Integer> trigger = signal(0);
        Signal<Integer> readAfterDispose = signal(0);
        selfDisposingEffect(trigger, readAfterDispose);
        trigger.set(1);
        assertAllCollected("effect that disposed itself");
        assertThat(readAfterDispose.get()).isZero();
    }

    private void selfDisposingEffect(Signal<Integer> trigger, Signal<Integer> readAfterDispose) {
        Effect[] self = new Effect[1];
        self[0] = weak(effect(() -> {
            if (trigger.get() > 0) {
                self[0].dispose();
            }
            readAfterDispose.get();
        }));
    }

    // ---- subscriptions ------------------------------------------------------------------------

    @Test
    void disposedSubscriptionReleasesItsListener() {
        Signal<Integer> source = signal(1);
        subscribeAndDispose(source);
        source.set(2);
        assertAllCollected("listener of a disposed subscription");
    }

    private void subscribeAndDispose(Signal<Integer> source) {
        Consumer<Integer> listener = weak(new Consumer<Integer>() {
            @Override
            public void accept(Integer value) {
            }
        });
        Disposable subscription = source.subscribe(listener);
        source.set(5);
        subscription.dispose();
    }
}
