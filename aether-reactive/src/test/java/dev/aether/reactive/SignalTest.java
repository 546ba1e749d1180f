package dev.aether.reactive;

import static dev.aether.reactive.Reactive.*;
import static org.assertj.core.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SignalTest extends ReactiveSpec {

    @Test
    void holdsItsInitialValue() {
        Signal<String> s = signal("hello");
        assertThat(s.get()).isEqualTo("hello");
        assertThat(s.peek()).isEqualTo("hello");
    }

    @Test
    void holdsNull() {
        Signal<String> s = signal(null);
        assertThat(s.get()).isNull();
        s.set("x");
        s.set(null);
        assertThat(s.get()).isNull();
    }

    @Test
    void setReplacesTheValue() {
        Signal<Integer> s = signal(1);
        s.set(2);
        assertThat(s.get()).isEqualTo(2);
    }

    @Test
    void getInsideAnEffectIsATrackedRead() {
        Signal<Integer> s = signal(1);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(s.get()));
        s.set(2);
        assertThat(seen).containsExactly(1, 2);
    }

    @Test
    void peekInsideAnEffectIsAnUntrackedRead() {
        Signal<Integer> s = signal(1);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(s.peek()));
        s.set(2);
        assertThat(seen).containsExactly(1);
        assertThat(s.peek()).isEqualTo(2);
    }

    @Test
    void updateAppliesTheFunctionToTheCurrentValue() {
        Signal<Integer> s = signal(20);
        s.update(n -> n + 1);
        assertThat(s.get()).isEqualTo(21);
    }

    @Test
    void updateInsideAnEffectDoesNotSubscribeTheEffectToTheSignal() {
        Signal<Integer> trigger = signal(0);
        Signal<Integer> counter = signal(0);
        AtomicInteger runs = new AtomicInteger();
        effect(() -> {
            trigger.get();
            runs.incrementAndGet();
            counter.update(n -> n + 1);
        });
        counter.set(100);
        assertThat(runs).hasValue(1);
        trigger.set(1);
        assertThat(runs).hasValue(2);
        assertThat(counter.peek()).isEqualTo(101);
    }

    @Test
    void equalWriteIsANoOp() {
        Signal<String> s = signal("a");
        AtomicInteger runs = new AtomicInteger();
        effect(() -> {
            s.get();
            runs.incrementAndGet();
        });
        s.set(new String("a")); // equal, not identical
        assertThat(runs).hasValue(1);
        s.update(v -> v);
        assertThat(runs).hasValue(1);
    }

    @Test
    void equalWriteDoesNotInvalidateComputeds() {
        Signal<String> s = signal("a");
        AtomicInteger runs = new AtomicInteger();
        Computed<String> c = computed(() -> {
            runs.incrementAndGet();
            return s.get() + "!";
        });
        c.get();
        s.set("a");
        c.get();
        assertThat(runs).hasValue(1);
    }

    @Test
    void customEqualityDecidesWhatCountsAsAChange() {
        Signal<String> s = signal("abc", String::equalsIgnoreCase);
        List<String> seen = new ArrayList<>();
        effect(() -> seen.add(s.get()));
        s.set("ABC");
        assertThat(s.get()).as("an equal write keeps the old value").isEqualTo("abc");
        s.set("xyz");
        assertThat(seen).containsExactly("abc", "xyz");
    }

    @Test
    void neverEqualEqualityNotifiesOnEveryWrite() {
        Signal<Integer> s = signal(1, (a, b) -> false);
        AtomicInteger runs = new AtomicInteger();
        effect(() -> {
            s.get();
            runs.incrementAndGet();
        });
        s.set(1);
        s.set(1);
        assertThat(runs).hasValue(3);
    }

    @Test
    void mutateChangesTheValueInPlaceAndNotifies() {
        List<String> list = new ArrayList<>();
        Signal<List<String>> s = signal(list);
        List<Integer> sizes = new ArrayList<>();
        effect(() -> sizes.add(s.get().size()));
        s.mutate(l -> l.add("x"));
        assertThat(s.peek()).isSameAs(list).containsExactly("x");
        assertThat(sizes).containsExactly(0, 1);
    }

    @Test
    void mutateNotifiesWhateverTheEqualitySays() {
        Signal<List<String>> s = signal(new ArrayList<>(), (a, b) -> true);
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> size = computed(() -> s.get().size());
        effect(() -> {
            size.get();
            runs.incrementAndGet();
        });
        s.mutate(l -> l.add("x"));
        s.mutate(l -> l.add("y"));
        assertThat(runs).hasValue(3);
        assertThat(size.get()).isEqualTo(2);
    }

    @Test
    void subscribeCallsTheListenerWithNewValuesButNotTheInitialOne() {
        Signal<Integer> s = signal(1);
        List<Integer> seen = new ArrayList<>();
        s.subscribe(seen::add);
        assertThat(seen).isEmpty();
        s.set(2);
        s.set(3);
        assertThat(seen).containsExactly(2, 3);
    }

    @Test
    void subscribeIsNotCalledForEqualWrites() {
        Signal<Integer> s = signal(1);
        List<Integer> seen = new ArrayList<>();
        s.subscribe(seen::add);
        s.set(1);
        assertThat(seen).isEmpty();
    }

    @Test
    void subscribeIsCalledAfterMutate() {
        Signal<List<String>> s = signal(new ArrayList<>());
        List<List<String>> seen = new ArrayList<>();
        s.subscribe(l -> seen.add(List.copyOf(l)));
        s.mutate(l -> l.add("x"));
        assertThat(seen).as("mutate always notifies, so subscribers hear about it").containsExactly(List.of("x"));
    }

    @Test
    void disposingASubscriptionStopsTheListener() {
        Signal<Integer> s = signal(1);
        List<Integer> seen = new ArrayList<>();
        Disposable subscription = s.subscribe(seen::add);
        s.set(2);
        subscription.dispose();
        s.set(3);
        assertThat(seen).containsExactly(2);
    }

    @Test
    void subscribeListenerRunsUntracked() {
        Signal<Integer> s = signal(1);
        Signal<String> other = signal("a");
        List<String> seen = new ArrayList<>();
        s.subscribe(n -> seen.add(n + other.get()));
        s.set(2);
        other.set("b");
        assertThat(seen).containsExactly("2a");
    }

    @Test
    void namedSignalAppearsInErrorMessages() {
        Signal<Integer> s = signal(0).named("clickCount");
        Throwable thrown = thrownOnAnotherThread(() -> s.set(1));
        assertThat(thrown).isInstanceOf(WrongThreadException.class).hasMessageContaining("clickCount");
        assertThat(s.toString()).isEqualTo("clickCount");
    }

    @Test
    void namedReturnsTheSameSignal() {
        Signal<Integer> s = signal(0);
        assertThat(s.named("x")).isSameAs(s);
    }

    @Test
    void asReadOnlyReadsAndTracksTheSignalButCannotWriteIt() {
        Signal<Integer> s = signal(1);
        ReadSignal<Integer> readOnly = s.asReadOnly();
        assertThat(readOnly).isNotInstanceOf(Signal.class);
        List<Integer> tracked = new ArrayList<>();
        List<Integer> peeked = new ArrayList<>();
        effect(() -> tracked.add(readOnly.get()));
        effect(() -> peeked.add(readOnly.peek()));
        s.set(2);
        assertThat(readOnly.get()).isEqualTo(2);
        assertThat(tracked).containsExactly(1, 2);
        assertThat(peeked).containsExactly(1);
    }
}
