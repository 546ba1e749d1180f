package dev.aether.reactive;

import static dev.aether.reactive.Reactive.*;
import static org.assertj.core.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OwnershipTest extends ReactiveSpec {

    @Test
    void disposeRunsChildrenInReverseCreationOrderThenCleanupsInReverseRegistrationOrder() {
        List<String> log = new ArrayList<>();
        Disposable root = createRoot(dispose -> {
            onCleanup(() -> log.add("cleanup 1"));
            effect(() -> onCleanup(() -> log.add("effect 1")));
            onCleanup(() -> log.add("cleanup 2"));
            effect(() -> onCleanup(() -> log.add("effect 2")));
            effect(() -> onCleanup(() -> log.add("effect 3")));
            return dispose;
        });
        assertThat(log).isEmpty();
        root.dispose();
        assertThat(log).containsExactly("effect 3", "effect 2", "effect 1", "cleanup 2", "cleanup 1");
    }

    @Test
    void grandchildrenAreDisposedBeforeTheirParentsCleanups() {
        List<String> log = new ArrayList<>();
        Disposable root = createRoot(dispose -> {
            onCleanup(() -> log.add("root cleanup"));
            effect(() -> {
                onCleanup(() -> log.add("parent cleanup"));
                effect(() -> onCleanup(() -> log.add("child A")));
                effect(() -> {
                    onCleanup(() -> log.add("child B"));
                    effect(() -> onCleanup(() -> log.add("grandchild B1")));
                });
            });
            return dispose;
        });
        root.dispose();
        assertThat(log).containsExactly("grandchild B1", "child B", "child A", "parent cleanup", "root cleanup");
    }

    @Test
    void createRootReturnsWhatTheFunctionReturns() {
        String result = createRoot(dispose -> "value");
        assertThat(result).isEqualTo("value");
    }

    @Test
    void rootIsNotDisposedAutomatically() {
        Signal<Integer> s = signal(0);
        List<Integer> seen = new ArrayList<>();
        AtomicInteger cleanups = new AtomicInteger();
        createRoot(dispose -> {
            onCleanup(cleanups::incrementAndGet);
            effect(() -> seen.add(s.get()));
            return dispose;
        });
        s.set(1);
        s.set(2);
        assertThat(seen).containsExactly(0, 1, 2);
        assertThat(cleanups).hasValue(0);
    }

    @Test
    void rootCreatedInsideAnEffectSurvivesTheEffectsReRunsAndDisposal() {
        Signal<Integer> trigger = signal(0);
        Signal<Integer> s = signal(0);
        List<Integer> seenInRoot = new ArrayList<>();
        List<Disposable> roots = new ArrayList<>();
        Effect outer = effect(() -> {
            int t = trigger.get();
            if (t == 0) {
                roots.add(createRoot(dispose -> {
                    effect(() -> seenInRoot.add(s.get()));
                    return dispose;
                }));
            }
        });
        trigger.set(1);
        outer.dispose();
        s.set(5);
        assertThat(seenInRoot).containsExactly(0, 5);
        roots.get(0).dispose();
        s.set(6);
        assertThat(seenInRoot).containsExactly(0, 5);
    }

    @Test
    void createRootRunsItsFunctionUntracked() {
        Signal<Integer> trigger = signal(0);
        Signal<Integer> readInRoot = signal(0);
        AtomicInteger outerRuns = new AtomicInteger();
        effect(() -> {
            trigger.get();
            outerRuns.incrementAndGet();
            createRoot(dispose -> readInRoot.get());
        });
        readInRoot.set(1);
        assertThat(outerRuns).hasValue(1);
    }

    @Test
    void disposingARootStopsItsEffects() {
        Signal<Integer> s = signal(0);
        List<Integer> seen = new ArrayList<>();
        Disposable root = createRoot(dispose -> {
            effect(() -> seen.add(s.get()));
            effect(() -> effect(() -> seen.add(100 + s.get())));
            return dispose;
        });
        root.dispose();
        s.set(1);
        assertThat(seen).containsExactly(0, 100);
    }

    @Test
    void rootDisposeIsIdempotent() {
        AtomicInteger cleanups = new AtomicInteger();
        Disposable root = createRoot(dispose -> {
            onCleanup(cleanups::incrementAndGet);
            effect(() -> onCleanup(cleanups::incrementAndGet));
            return dispose;
        });
        root.dispose();
        root.dispose();
        assertThat(cleanups).hasValue(2);
    }

    @Test
    void effectDisposedByHandIsNotDisposedAgainWithItsRoot() {
        List<String> log = new ArrayList<>();
        List<Effect> effects = new ArrayList<>();
        Disposable root = createRoot(dispose -> {
            effects.add(effect(() -> onCleanup(() -> log.add("e1"))));
            effects.add(effect(() -> onCleanup(() -> log.add("e2"))));
            effects.add(effect(() -> onCleanup(() -> log.add("e3"))));
            return dispose;
        });
        effects.get(1).dispose();
        assertThat(log).containsExactly("e2");
        root.dispose();
        assertThat(log).containsExactly("e2", "e3", "e1");
    }

    @Test
    void onCleanupOutsideAnOwnerThrowsAHelpfulIllegalStateException() {
        assertThatThrownBy(() -> onCleanup(() -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("onCleanup")
                .hasMessageContaining("createRoot");
    }

    @Test
    void onErrorOutsideAnOwnerThrowsAHelpfulIllegalStateException() {
        assertThatThrownBy(() -> onError(e -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("onError")
                .hasMessageContaining("createRoot");
    }

    @Test
    void onCleanupInsideAComputedHasNoOwner() {
        Computed<Integer> c = computed(() -> {
            onCleanup(() -> { });
            return 1;
        });
        assertThatThrownBy(c::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("onCleanup");
    }

    @Test
    void hasOwnerTellsWhetherCodeRunsInsideAnEffectOrRoot() {
        List<Boolean> seen = new ArrayList<>();
        seen.add(hasOwner());
        createRoot(dispose -> seen.add(hasOwner()));
        effect(() -> seen.add(hasOwner()));
        seen.add(computed(Reactive::hasOwner).get());
        assertThat(seen).containsExactly(false, true, true, false);
    }
}
