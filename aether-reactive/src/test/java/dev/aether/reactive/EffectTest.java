package dev.aether.reactive;

import static dev.aether.reactive.Reactive.*;
import static org.assertj.core.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EffectTest extends ReactiveSpec {

    @Test
    void runsAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        effect(runs::incrementAndGet);
        assertThat(runs).hasValue(1);
    }

    @Test
    void reRunsWhenSomethingItReadChanges() {
        Signal<Integer> a = signal(1);
        Signal<Integer> b = signal(10);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(a.get() + b.get()));
        a.set(2);
        b.set(20);
        assertThat(seen).containsExactly(11, 12, 22);
    }

    @Test
    void doesNotReRunForSignalsItDidNotRead() {
        Signal<Integer> read = signal(1);
        Signal<Integer> notRead = signal(1);
        AtomicInteger runs = new AtomicInteger();
        effect(() -> {
            read.get();
            runs.incrementAndGet();
        });
        notRead.set(2);
        assertThat(runs).hasValue(1);
    }

    @Test
    void readingTheSameSignalTwiceReRunsOncePerChange() {
        Signal<Integer> s = signal(1);
        AtomicInteger runs = new AtomicInteger();
        effect(() -> {
            s.get();
            s.get();
            runs.incrementAndGet();
        });
        s.set(2);
        assertThat(runs).hasValue(2);
    }

    @Test
    void cleanupRunsBeforeEachReRun() {
        Signal<Integer> s = signal(1);
        List<String> log = new ArrayList<>();
        effect(() -> {
            int v = s.get();
            log.add("run " + v);
            onCleanup(() -> log.add("cleanup " + v));
        });
        s.set(2);
        s.set(3);
        assertThat(log).containsExactly("run 1", "cleanup 1", "run 2", "cleanup 2", "run 3");
    }

    @Test
    void cleanupRunsOnDispose() {
        List<String> log = new ArrayList<>();
        Effect e = effect(() -> onCleanup(() -> log.add("cleanup")));
        assertThat(log).isEmpty();
        e.dispose();
        assertThat(log).containsExactly("cleanup");
    }

    @Test
    void cleanupsRunInReverseOrderOfRegistration() {
        List<String> log = new ArrayList<>();
        Effect e = effect(() -> {
            onCleanup(() -> log.add("first"));
            onCleanup(() -> log.add("second"));
            onCleanup(() -> log.add("third"));
        });
        e.dispose();
        assertThat(log).containsExactly("third", "second", "first");
    }

    @Test
    void nestedEffectsAreDisposedBeforeTheParentReRuns() {
        Signal<Integer> s = signal(1);
        List<String> log = new ArrayList<>();
        effect(() -> {
            int v = s.get();
            log.add("parent " + v);
            onCleanup(() -> log.add("parent cleanup " + v));
            effect(() -> {
                log.add("child " + v);
                onCleanup(() -> log.add("child cleanup " + v));
            });
        });
        s.set(2);
        assertThat(log).containsExactly(
                "parent 1", "child 1",
                "child cleanup 1", "parent cleanup 1",
                "parent 2", "child 2");
    }

    @Test
    void replacedNestedEffectDoesNotRunForTheChangeThatReplacedIt() {
        Signal<Integer> s = signal(1);
        List<String> log = new ArrayList<>();
        effect(() -> {
            int v = s.get();
            effect(() -> log.add("child of " + v + " sees " + s.get()));
        });
        s.set(2);
        assertThat(log).containsExactly("child of 1 sees 1", "child of 2 sees 2");
    }

    @Test
    void nestedEffectThatSubscribedBeforeItsParentIsStillReplacedNotReRun() {
        Signal<Integer> s = signal(1);
        List<String> log = new ArrayList<>();
        effect(() -> {
            effect(() -> log.add("child sees " + s.get()));
            log.add("parent sees " + s.get());
        });
        s.set(2);
        assertThat(log).containsExactly("child sees 1", "parent sees 1", "child sees 2", "parent sees 2");
    }

    @Test
    void nestedEffectReRunsOnItsOwnWithoutItsParent() {
        Signal<Integer> outer = signal(1);
        Signal<Integer> inner = signal(1);
        List<String> log = new ArrayList<>();
        effect(() -> {
            log.add("parent " + outer.get());
            effect(() -> log.add("child " + inner.get()));
        });
        inner.set(2);
        assertThat(log).containsExactly("parent 1", "child 1", "child 2");
    }

    @Test
    void exceptionGoesToTheNearestOnErrorHandlerAndTheEffectStaysAlive() {
        Signal<Integer> s = signal(0);
        List<Throwable> errors = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        createRoot(dispose -> {
            onError(errors::add);
            effect(() -> {
                int v = s.get();
                if (v == 0) {
                    throw new IllegalArgumentException("zero");
                }
                seen.add(v);
            });
            return dispose;
        });
        assertThat(errors).singleElement().isInstanceOf(IllegalArgumentException.class);
        s.set(1);
        assertThat(seen).as("the effect re-runs on the next change").containsExactly(1);
    }

    @Test
    void throwingEffectDoesNotStopOtherEffects() {
        Signal<Integer> s = signal(0);
        List<Integer> seen = new ArrayList<>();
        createRoot(dispose -> {
            onError(e -> { });
            effect(() -> {
                if (s.get() > 0) {
                    throw new IllegalStateException();
                }
            });
            effect(() -> seen.add(s.get()));
            return dispose;
        });
        s.set(1);
        assertThat(seen).containsExactly(0, 1);
    }

    @Test
    void selfTriggeringEffectIsBoundedAndReportsAnEffectLoopException() {
        runOnOwnThread(Duration.ofSeconds(10), () -> {
            Signal<Integer> n = signal(0);
            Signal<Boolean> go = signal(false);
            List<Throwable> errors = new ArrayList<>();
            createRoot(dispose -> {
                onError(errors::add);
                effect(() -> {
                    if (go.get()) {
                        n.set(n.get() + 1);
                    }
                }).named("counter");
                return dispose;
            });
            go.set(true);
            assertThat(errors).singleElement().isInstanceOf(EffectLoopException.class)
                    .extracting(Throwable::getMessage).asString().contains("counter");
            assertThat(n.peek()).isBetween(2, 1_000);
        });
    }

    @Test
    void anUpdateMayTakeAsManyRoundsAsTheLimitAndNoMore() {
        int rounds = ReactiveContext.MAX_FLUSH_ROUNDS;
        // Counting up to `limit` takes limit + 1 rounds: the last one sees the limit and stops.
        assertThat(errorsCountingUpTo(rounds - 1)).isEmpty();
        assertThat(errorsCountingUpTo(rounds)).singleElement().isInstanceOf(EffectLoopException.class);
    }

    private static List<Throwable> errorsCountingUpTo(int limit) {
        Signal<Integer> n = signal(0);
        Signal<Boolean> go = signal(false);
        List<Throwable> errors = new ArrayList<>();
        createRoot(dispose -> {
            onError(errors::add);
            effect(() -> {
                int v = n.get();
                if (go.get() && v < limit) {
                    n.set(v + 1);
                }
            });
            return dispose;
        });
        go.set(true);
        assertThat(n.peek()).isLessThanOrEqualTo(limit);
        if (errors.isEmpty()) {
            assertThat(n.peek()).isEqualTo(limit);
        }
        return errors;
    }

    @Test
    void manyEffectsQueuedByOneWriteAllRunOnce() {
        Signal<Integer> s = signal(0);
        List<Integer> runs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int id = i;
            effect(() -> {
                if (s.get() > 0) {
                    runs.add(id);
                }
            });
        }

        s.set(1);

        assertThat(runs).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void effectLoopWithoutAHandlerGoesToTheUncaughtErrorHandler() {
        runOnOwnThread(Duration.ofSeconds(10), () -> {
            List<Throwable> uncaught = new ArrayList<>();
            ReactiveContext.current().setUncaughtErrorHandler(uncaught::add);
            Signal<Integer> a = signal(0);
            Signal<Integer> b = signal(0);
            effect(() -> b.set(a.get() + 1));
            effect(() -> a.set(b.get() + 1));
            assertThat(uncaught).isNotEmpty().allSatisfy(e -> assertThat(e).isInstanceOf(EffectLoopException.class));
        });
    }

    @Test
    void effectStaysAliveAfterAnEffectLoop() {
        runOnOwnThread(Duration.ofSeconds(10), () -> {
            ReactiveContext.current().setUncaughtErrorHandler(e -> { });
            Signal<Integer> n = signal(0);
            Signal<Boolean> looping = signal(true);
            AtomicInteger runs = new AtomicInteger();
            effect(() -> {
                runs.incrementAndGet();
                if (looping.get()) {
                    n.set(n.get() + 1);
                }
            });
            int afterLoop = runs.get();
            looping.set(false);
            assertThat(runs).hasValue(afterLoop + 1);
        });
    }

    @Test
    void writeDuringAnEffectRunDoesNotReEnterTheRunningEffect() {
        Signal<Integer> n = signal(0);
        List<String> log = new ArrayList<>();
        effect(() -> {
            int v = n.get();
            log.add("start " + v);
            if (v < 1) {
                n.set(v + 1);
            }
            log.add("end " + v);
        });
        assertThat(n.peek()).isEqualTo(1);
        assertThat(log).as("runs of one effect never nest").containsExactly("start 0", "end 0", "start 1", "end 1");
    }

    @Test
    void effectWritingAnotherSignalPropagatesToItsObservers() {
        Signal<Integer> a = signal(1);
        Signal<Integer> doubled = signal(0);
        List<Integer> seen = new ArrayList<>();
        effect(() -> doubled.set(a.get() * 2));
        effect(() -> seen.add(doubled.get()));
        a.set(5);
        assertThat(seen).containsExactly(2, 10);
    }

    @Test
    void effectCreatedInsideAComputedIsRejectedWithAClearMessage() {
        AtomicInteger effectRuns = new AtomicInteger();
        Computed<Integer> impure = Computed.<Integer>of(() -> {
            effect(effectRuns::incrementAndGet);
            return 1;
        }).named("impure");
        assertThatThrownBy(impure::get)
                .isInstanceOf(ReactiveException.class)
                .hasMessageContaining("impure")
                .hasMessageContaining("effect")
                .hasMessageContaining("pure");
        assertThat(effectRuns).hasValue(0);
    }

    @Test
    void disposeStopsReRuns() {
        Signal<Integer> s = signal(1);
        List<Integer> seen = new ArrayList<>();
        Effect e = effect(() -> seen.add(s.get()));
        e.dispose();
        s.set(2);
        assertThat(seen).containsExactly(1);
        assertThat(e.disposed()).isTrue();
    }

    @Test
    void disposeIsIdempotent() {
        AtomicInteger cleanups = new AtomicInteger();
        Effect e = effect(() -> onCleanup(cleanups::incrementAndGet));
        e.dispose();
        e.dispose();
        assertThat(cleanups).hasValue(1);
    }

    @Test
    void disposingAQueuedEffectDuringAFlushPreventsItsRun() {
        Signal<Integer> s = signal(1);
        List<String> log = new ArrayList<>();
        AtomicReference<Effect> second = new AtomicReference<>();
        effect(() -> {
            if (s.get() > 1 && second.get() != null) {
                second.get().dispose();
            }
        });
        second.set(effect(() -> log.add("second " + s.get())));
        s.set(2);
        assertThat(log).containsExactly("second 1");
    }

    @Test
    void disposingTheParentDisposesNestedEffects() {
        Signal<Integer> s = signal(1);
        List<Integer> seen = new ArrayList<>();
        Effect parent = effect(() -> effect(() -> seen.add(s.get())));
        parent.dispose();
        s.set(2);
        assertThat(seen).containsExactly(1);
    }

    @Test
    void watchCallsBackWithNewAndOldValuesButNotForTheInitialOne() {
        Signal<Integer> s = signal(1);
        Signal<String> untracked = signal("u");
        List<String> log = new ArrayList<>();
        watch(s::get, (now, before) -> log.add(before + "->" + now + untracked.get()));
        assertThat(log).isEmpty();
        s.set(2);
        untracked.set("v");
        s.set(3);
        assertThat(log).containsExactly("1->2u", "2->3v");
    }
}
