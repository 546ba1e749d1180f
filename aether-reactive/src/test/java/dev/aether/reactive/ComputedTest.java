package dev.aether.reactive;

import static dev.aether.reactive.Reactive.*;
import static org.assertj.core.api.Assertions.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ComputedTest extends ReactiveSpec {

    @Test
    void isLazyNothingRunsUntilRead() {
        Signal<Integer> s = signal(1);
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> c = computed(counted(runs, () -> s.get() * 2));
        s.set(2);
        assertThat(runs).hasValue(0);
        assertThat(c.get()).isEqualTo(4);
        assertThat(runs).hasValue(1);
    }

    @Test
    void isMemoisedWhenUnobserved() {
        Signal<Integer> s = signal(1);
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> c = computed(counted(runs, () -> s.get() * 2));
        c.get();
        c.get();
        c.peek();
        assertThat(runs).hasValue(1);
    }

    @Test
    void isMemoisedWhenObserved() {
        Signal<Integer> s = signal(1);
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> c = computed(counted(runs, () -> s.get() * 2));
        effect(() -> c.get());
        effect(() -> c.get());
        assertThat(c.get()).isEqualTo(2);
        assertThat(c.get()).isEqualTo(2);
        assertThat(runs).hasValue(1);
        s.set(2);
        assertThat(c.get()).isEqualTo(4);
        assertThat(runs).hasValue(2);
    }

    @Test
    void recomputesLazilyAfterADependencyChanged() {
        Signal<Integer> s = signal(1);
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> c = computed(counted(runs, () -> s.get() * 2));
        c.get();
        s.set(2);
        s.set(3);
        assertThat(runs).as("no recomputation before the next read").hasValue(1);
        assertThat(c.get()).isEqualTo(6);
        assertThat(runs).hasValue(2);
    }

    @Test
    void doesNotRecomputeWhenAnUnrelatedSignalChanged() {
        Signal<Integer> s = signal(1);
        Signal<Integer> unrelated = signal(1);
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> c = computed(counted(runs, () -> s.get() * 2));
        effect(() -> unrelated.get());
        c.get();
        unrelated.set(2);
        assertThat(c.get()).isEqualTo(2);
        assertThat(runs).hasValue(1);
    }

    @Test
    void chainOfComputedsSeesTheLatestSourceValue() {
        Signal<Integer> s = signal(1);
        Computed<Integer> a = computed(() -> s.get() + 1);
        Computed<Integer> b = computed(() -> a.get() * 10);
        Computed<String> c = computed(() -> "v" + b.get());
        assertThat(c.get()).isEqualTo("v20");
        s.set(5);
        assertThat(c.get()).isEqualTo("v60");
    }

    @Test
    void equalResultStopsPropagationToDependents() {
        Signal<Integer> s = signal(2);
        Computed<Boolean> even = computed(() -> s.get() % 2 == 0);
        AtomicInteger downstreamRuns = new AtomicInteger();
        AtomicInteger effectRuns = new AtomicInteger();
        Computed<String> label = computed(counted(downstreamRuns, () -> even.get() ? "even" : "odd"));
        effect(() -> {
            label.get();
            effectRuns.incrementAndGet();
        });
        s.set(4);
        s.set(6);
        assertThat(downstreamRuns).hasValue(1);
        assertThat(effectRuns).hasValue(1);
        s.set(7);
        assertThat(label.get()).isEqualTo("odd");
        assertThat(effectRuns).hasValue(2);
    }

    @Test
    void customEqualityStopsPropagation() {
        Signal<List<Integer>> s = signal(List.of(1, 2));
        Computed<List<Integer>> sameSize = computed(() -> List.copyOf(s.get()), (a, b) -> a.size() == b.size());
        List<List<Integer>> seen = new ArrayList<>();
        effect(() -> seen.add(sameSize.get()));
        s.set(List.of(3, 4));
        assertThat(seen).as("an equal (same size) result does not re-run dependents").containsExactly(List.of(1, 2));
        assertThat(sameSize.get()).as("and the old value is kept").isEqualTo(List.of(1, 2));
        s.set(List.of(5));
        assertThat(seen).containsExactly(List.of(1, 2), List.of(5));
    }

    @Test
    void customEqualityStopsPropagationWhenUnobserved() {
        Signal<Integer> s = signal(1);
        Computed<Integer> rounded = computed(() -> s.get(), (a, b) -> a / 10 == b / 10);
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> downstream = computed(counted(runs, () -> rounded.get()));
        downstream.get();
        s.set(5);
        assertThat(downstream.get()).isEqualTo(1);
        assertThat(runs).hasValue(1);
        s.set(15);
        assertThat(downstream.get()).isEqualTo(15);
        assertThat(runs).hasValue(2);
    }

    @Test
    void errorIsCachedAndRethrownOnEveryReadWithoutReRunning() {
        Signal<Integer> s = signal(0);
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> c = computed(counted(runs, () -> {
            if (s.get() == 0) {
                throw new ArithmeticException("zero");
            }
            return 10 / s.get();
        }));
        Throwable first = catchThrowable(c::get);
        Throwable second = catchThrowable(c::get);
        Throwable third = catchThrowable(c::peek);
        assertThat(first).isInstanceOf(ArithmeticException.class).hasMessage("zero");
        assertThat(second).isSameAs(first);
        assertThat(third).isSameAs(first);
        assertThat(runs).hasValue(1);
    }

    @Test
    void cachedErrorSurvivesUnrelatedWrites() {
        Signal<Integer> s = signal(0);
        Signal<Integer> unrelated = signal(0);
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> c = computed(counted(runs, () -> nonZero(s)));
        catchThrowable(c::get);
        unrelated.set(1);
        assertThatThrownBy(c::get).hasMessage("no");
        assertThat(runs).hasValue(1);
    }

    @Test
    void cachedErrorIsRethrownToObservers() {
        Signal<Integer> s = signal(0);
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> c = computed(counted(runs, () -> nonZero(s)));
        List<Throwable> errors = new ArrayList<>();
        createRoot(dispose -> {
            onError(errors::add);
            effect(() -> c.get());
            effect(() -> c.get());
            return dispose;
        });
        assertThatThrownBy(c::get).hasMessage("no");
        assertThat(errors).hasSize(2).allSatisfy(e -> assertThat(e).hasMessage("no"));
        assertThat(runs).hasValue(1);
    }

    @Test
    void recoversAfterTheDependencyChanges() {
        Signal<Integer> s = signal(0);
        Computed<Integer> c = computed(() -> 10 / s.get());
        assertThatThrownBy(c::get).isInstanceOf(ArithmeticException.class);
        s.set(2);
        assertThat(c.get()).isEqualTo(5);
        s.set(0);
        assertThatThrownBy(c::get).isInstanceOf(ArithmeticException.class);
        s.set(5);
        assertThat(c.get()).isEqualTo(2);
    }

    @Test
    void observedComputedRecoversAfterTheDependencyChanges() {
        Signal<Integer> s = signal(0);
        Computed<Integer> c = computed(() -> 10 / s.get());
        List<Object> seen = new ArrayList<>();
        createRoot(dispose -> {
            onError(e -> seen.add(e.getClass().getSimpleName()));
            effect(() -> seen.add(c.get()));
            return dispose;
        });
        s.set(2);
        assertThat(seen).containsExactly("ArithmeticException", 5);
    }

    @Test
    void checkedExceptionIsWrappedInAReactiveExceptionNamingTheComputed() {
        Computed<Integer> c = Computed.<Integer>of(() -> {
            throw sneakyThrow(new IOException("disk"));
        }).named("loader");
        assertThatThrownBy(c::get)
                .isInstanceOf(ReactiveException.class)
                .hasMessageContaining("loader")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void cycleIsDetectedAndTheMessageNamesTheNodes() {
        @SuppressWarnings("unchecked")
        Computed<Integer>[] n = new Computed[2];
        n[0] = computed(() -> n[1].get() + 1).named("a");
        n[1] = computed(() -> n[0].get() + 1).named("b");
        CycleDetectedException e = catchThrowableOfType(CycleDetectedException.class, () -> n[0].get());
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("a -> b -> a");
        assertThat(e.path()).containsExactly("a", "b", "a");
    }

    @Test
    void cycleIsNamedFromWhereItWasEntered() {
        @SuppressWarnings("unchecked")
        Computed<Integer>[] n = new Computed[3];
        n[0] = computed(() -> n[1].get() + 1).named("a");
        n[1] = computed(() -> n[2].get() + 1).named("b");
        n[2] = computed(() -> n[0].get() + 1).named("c");
        assertThatThrownBy(() -> n[1].get())
                .isInstanceOf(CycleDetectedException.class)
                .hasMessageContaining("b -> c -> a -> b");
    }

    @Test
    void selfCycleIsDetected() {
        @SuppressWarnings("unchecked")
        Computed<Integer>[] self = new Computed[1];
        self[0] = computed(() -> self[0].get() + 1).named("self");
        assertThatThrownBy(() -> self[0].get())
                .isInstanceOf(CycleDetectedException.class)
                .hasMessageContaining("self -> self");
    }

    @Test
    void computedsOfABrokenCycleRecoverOnceTheCycleIsGone() {
        Signal<Boolean> cyclic = signal(true);
        @SuppressWarnings("unchecked")
        Computed<Integer>[] n = new Computed[2];
        n[0] = computed(() -> cyclic.get() ? n[1].get() : 0).named("a");
        n[1] = computed(() -> n[0].get() + 1).named("b");
        assertThatThrownBy(() -> n[0].get()).isInstanceOf(CycleDetectedException.class);
        cyclic.set(false);
        assertThat(n[0].get()).isEqualTo(0);
        assertThat(n[1].get()).as("b read a, and a changed").isEqualTo(1);
    }

    @Test
    void cycleReachedFromAnEffectIsReportedToItsHandler() {
        @SuppressWarnings("unchecked")
        Computed<Integer>[] n = new Computed[2];
        n[0] = computed(() -> n[1].get() + 1).named("x");
        n[1] = computed(() -> n[0].get() + 1).named("y");
        List<Throwable> errors = new ArrayList<>();
        createRoot(dispose -> {
            onError(errors::add);
            effect(() -> n[0].get());
            return dispose;
        });
        assertThat(errors).singleElement().isInstanceOf(CycleDetectedException.class)
                .extracting(Throwable::getMessage).asString().contains("x -> y -> x");
    }

    @Test
    void disposeKeepsTheLastValueAndStopsRecomputing() {
        Signal<Integer> s = signal(1);
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> c = computed(counted(runs, () -> s.get() * 2));
        assertThat(c.get()).isEqualTo(2);
        c.dispose();
        s.set(5);
        assertThat(c.get()).isEqualTo(2);
        assertThat(c.peek()).isEqualTo(2);
        assertThat(runs).hasValue(1);
    }

    @Test
    void disposedComputedNoLongerNotifiesItsObservers() {
        Signal<Integer> s = signal(1);
        Computed<Integer> c = computed(() -> s.get() * 2);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(c.get()));
        c.dispose();
        s.set(5);
        assertThat(seen).containsExactly(2);
    }

    @Test
    void peekDoesNotSubscribe() {
        Signal<Integer> s = signal(1);
        Computed<Integer> c = computed(() -> s.get() * 2);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(c.peek()));
        s.set(5);
        assertThat(seen).containsExactly(2);
        assertThat(c.peek()).isEqualTo(10);
    }

    @Test
    void staysCorrectAfterItsLastObserverIsDisposed() {
        Signal<Integer> s = signal(1);
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> c = computed(counted(runs, () -> s.get() * 2));
        Effect e = effect(() -> c.get());
        e.dispose();
        s.set(5);
        assertThat(c.get()).isEqualTo(10);
        assertThat(c.get()).isEqualTo(10);
        assertThat(runs).hasValue(2);
    }

    @Test
    void reObservedComputedSeesChangesMadeWhileUnobserved() {
        Signal<Integer> s = signal(1);
        Computed<Integer> c = computed(() -> s.get() * 2);
        Effect first = effect(() -> c.get());
        first.dispose();
        s.set(2);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(c.get()));
        s.set(3);
        assertThat(seen).containsExactly(4, 6);
    }

    /** The value of {@code s}, or an IllegalStateException "no" while it is 0. */
    private static int nonZero(Signal<Integer> s) {
        if (s.get() == 0) {
            throw new IllegalStateException("no");
        }
        return s.get();
    }

    @Test
    void namedReturnsTheSameComputedAndShowsInToString() {
        Computed<Integer> c = computed(() -> 1);
        assertThat(c.named("total")).isSameAs(c);
        assertThat(c.toString()).contains("total");
    }
}
