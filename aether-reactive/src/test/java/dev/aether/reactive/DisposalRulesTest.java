package dev.aether.reactive;

import static dev.aether.reactive.Reactive.*;
import static org.assertj.core.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The rules around disposal that the public test suites of preact signals, alien-signals, Solid
 * and the TC39 signal polyfill agree on.
 */
class DisposalRulesTest extends ReactiveSpec {

    // ---- a disposed effect does not run again -------------------------------------------------

    @Test
    void aCleanupThatDisposesItsOwnEffectCancelsThePendingReRun() {
        Signal<Integer> source = signal(0);
        List<Integer> seen = new ArrayList<>();
        AtomicReference<Effect> self = new AtomicReference<>();
        self.set(effect(() -> {
            seen.add(source.get());
            onCleanup(() -> self.get().dispose());
        }));

        source.set(1);

        assertThat(seen).containsExactly(0);
        assertThat(self.get().disposed()).isTrue();
        source.set(2);
        assertThat(seen).containsExactly(0);
    }

    // ---- nothing attaches to a dead owner ----------------------------------------------------

    @Test
    void anEffectCreatedAfterItsOwnerDisposedItselfIsBornDisposedAndNeverRuns() {
        Signal<Integer> source = signal(0);
        List<Integer> childSaw = new ArrayList<>();
        AtomicReference<Effect> child = new AtomicReference<>();
        // Effect.of hands out the effect only after its first run: create it, then run it.
        AtomicReference<Effect> running = new AtomicReference<>();
        Effect dying = Effect.create(() -> {
            running.get().dispose();
            child.set(effect(() -> childSaw.add(source.get())));
        });
        running.set(dying);

        dying.run();

        assertThat(dying.disposed()).isTrue();
        assertThat(child.get().disposed()).isTrue();
        assertThat(childSaw).isEmpty();
        source.set(1);
        assertThat(childSaw).isEmpty();
    }

    @Test
    void aCleanupRegisteredAfterItsOwnerDisposedItselfRunsAtOnce() {
        List<String> log = new ArrayList<>();
        AtomicReference<Effect> running = new AtomicReference<>();
        Effect dying = Effect.create(() -> {
            running.get().dispose();
            onCleanup(() -> log.add("late cleanup"));
            log.add("after onCleanup");
        });
        running.set(dying);

        dying.run();

        assertThat(log).containsExactly("late cleanup", "after onCleanup");
    }

    @Test
    void aCleanupRegisteredByACleanupDuringDisposalRunsToo() {
        List<String> log = new ArrayList<>();
        AtomicReference<Effect> running = new AtomicReference<>();
        Effect dying = Effect.create(() -> {
            onCleanup(() -> {
                log.add("cleanup");
                onCleanup(() -> log.add("registered while disposing"));
            });
            running.get().dispose(); // the body is still the current owner while its cleanups run
        });
        running.set(dying);

        dying.run();

        assertThat(log).containsExactly("cleanup", "registered while disposing");
    }

    // ---- cleanups run untracked --------------------------------------------------------------

    @Test
    void cleanupsRunByDisposeInsideAnotherEffectDoNotBecomeItsDependencies() {
        Signal<Integer> readByCleanup = signal(0);
        Signal<Integer> trigger = signal(0);
        Effect victim = effect(() -> onCleanup(() -> readByCleanup.get()));
        AtomicInteger disposerRuns = new AtomicInteger();
        effect(() -> {
            disposerRuns.incrementAndGet();
            if (trigger.get() == 1) {
                victim.dispose();
            }
        });

        trigger.set(1);
        assertThat(victim.disposed()).isTrue();
        assertThat(disposerRuns).hasValue(2);

        readByCleanup.set(1);

        assertThat(disposerRuns).as("runs of the effect that called dispose()").hasValue(2);
    }

    // ---- a cleanup's own writes ---------------------------------------------------------------

    @Test
    void aCleanupThatWritesItsEffectsOwnDependencyLetsTheEffectRunOnce() {
        Signal<Integer> source = signal(0);
        Signal<Integer> written = signal(0);
        List<String> runs = new ArrayList<>();
        effect(() -> {
            int s = source.get();
            int w = written.get();
            runs.add(s + "/" + w);
            onCleanup(() -> written.set(w + 1));
        });

        source.set(1);

        assertThat(runs).containsExactly("0/0", "1/1");
    }

    // ---- writes reverted in a batch -----------------------------------------------------------

    @Test
    void anEffectDoesNotReRunWhenABatchWritesItsSignalBackToTheValueItSaw() {
        Signal<Integer> source = signal(42);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(source.get()));

        batch(() -> {
            source.set(0);
            source.set(7);
            source.set(42);
        });

        assertThat(seen).containsExactly(42);
        source.set(1);
        assertThat(seen).containsExactly(42, 1);
    }

    @Test
    void aCleanupThatWritesASignalAndWritesItBackDoesNotReRunTheSignalsReaders() {
        Signal<Integer> source = signal(42);
        Signal<Integer> trigger = signal(0);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(source.get()));
        effect(() -> {
            trigger.get();
            onCleanup(() -> {
                source.set(0);
                source.set(42);
            });
        });

        trigger.set(1); // the cleanup runs while effects are being run, outside any batch

        assertThat(seen).containsExactly(42);
    }

    @Test
    void anEffectThatWritesASignalAndThenWritesItBackDoesNotReRunItsReaders() {
        Signal<Integer> source = signal(42);
        Signal<Integer> trigger = signal(0);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(source.get()));
        effect(() -> {
            if (trigger.get() > 0) {
                source.set(0);
                source.set(42);
            }
        });

        trigger.set(1);

        assertThat(seen).containsExactly(42);
    }

    @Test
    void anEffectThatReadAWriteLaterRevertedStillSeesTheBatchsFinalValue() {
        Signal<Integer> source = signal(42);
        List<Integer> seen = new ArrayList<>();

        batch(() -> {
            source.set(0);
            effect(() -> seen.add(source.get())); // runs now and sees 0
            source.set(42);                       // reverted...
            source.set(7);                        // ...and changed again: a version never given out before
        });

        assertThat(seen).containsExactly(0, 7);
        assertThat(source.get()).isEqualTo(7);
    }

    @Test
    void aComputedReadBetweenAWriteAndItsRevertRecomputes() {
        Signal<Integer> source = signal(42);
        Computed<Integer> doubled = computed(() -> source.get() * 2);

        batch(() -> {
            source.set(0);
            assertThat(doubled.get()).isZero();
            source.set(42);
            assertThat(doubled.get()).isEqualTo(84);
        });
    }

    @Test
    void aBatchThatWritesBackTheValueThePreviousBatchLeftDoesNotReRunTheEffect() {
        Signal<Integer> source = signal(42);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(source.get()));

        batch(() -> source.set(0));
        batch(() -> {
            source.set(1);
            source.set(0); // what the effect saw last, though not what the signal held first
        });
        batch(() -> source.set(42));

        assertThat(seen).containsExactly(42, 0, 42);
    }

    @Test
    void aSignalChangedInPlaceInsideABatchStillNotifiesWhenThenSetBackToAnEqualValue() {
        List<String> original = new ArrayList<>(List.of("a"));
        Signal<List<String>> source = signal(original);
        List<String> seen = new ArrayList<>();
        effect(() -> seen.add(String.join(",", source.get())));

        batch(() -> {
            source.set(List.of("b"));
            source.mutate(list -> { }); // notifies although nothing changed: the list may be anyone's
            source.set(List.of("a"));
        });

        assertThat(seen).containsExactly("a", "a");
    }
}
