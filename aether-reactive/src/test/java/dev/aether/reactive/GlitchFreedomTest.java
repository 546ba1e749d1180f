package dev.aether.reactive;

import static dev.aether.reactive.Reactive.*;
import static org.assertj.core.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GlitchFreedomTest extends ReactiveSpec {

    @Test
    void diamondRunsTheBottomExactlyOncePerWrite() {
        Signal<Integer> a = signal(1);
        Computed<Integer> b = computed(() -> a.get() + 1);
        Computed<Integer> c = computed(() -> a.get() * 10);
        AtomicInteger dRuns = new AtomicInteger();
        AtomicInteger effectRuns = new AtomicInteger();
        Computed<Integer> d = computed(() -> {
            dRuns.incrementAndGet();
            return b.get() + c.get();
        });
        effect(() -> {
            d.get();
            effectRuns.incrementAndGet();
        });
        for (int i = 2; i <= 5; i++) {
            a.set(i);
        }
        assertThat(dRuns).hasValue(5);
        assertThat(effectRuns).hasValue(5);
        assertThat(d.get()).isEqualTo(6 + 50);
    }

    @Test
    void diamondBottomNeverSeesAMixOfOldAndNewValues() {
        Signal<Integer> a = signal(1);
        Computed<Integer> b = computed(() -> a.get() + 1);
        Computed<Integer> c = computed(() -> a.get() * 10);
        List<String> inconsistent = new ArrayList<>();
        Computed<String> d = computed(() -> {
            int bv = b.get();
            int cv = c.get();
            if (cv != (bv - 1) * 10) {
                inconsistent.add(bv + "/" + cv);
            }
            return bv + "/" + cv;
        });
        List<String> seen = new ArrayList<>();
        effect(() -> seen.add(d.get()));
        a.set(2);
        a.set(3);
        assertThat(inconsistent).isEmpty();
        assertThat(seen).containsExactly("2/10", "3/20", "4/30");
    }

    @Test
    void effectReadingBothSidesOfADiamondRunsOncePerWriteWithConsistentValues() {
        Signal<Integer> a = signal(1);
        Computed<Integer> b = computed(() -> a.get() * 2);
        Computed<Integer> c = computed(() -> a.get() * 3);
        List<String> seen = new ArrayList<>();
        effect(() -> seen.add(a.get() + ":" + b.get() + ":" + c.get()));
        a.set(2);
        assertThat(seen).containsExactly("1:2:3", "2:4:6");
    }

    @Test
    void deepDiamondRunsTheBottomOncePerWrite() {
        Signal<Integer> a = signal(1);
        Computed<Integer> left1 = computed(() -> a.get() + 1);
        Computed<Integer> left2 = computed(() -> left1.get() + 1);
        Computed<Integer> left3 = computed(() -> left2.get() + 1);
        Computed<Integer> right1 = computed(() -> a.get() * 2);
        AtomicInteger bottomRuns = new AtomicInteger();
        List<String> seen = new ArrayList<>();
        Computed<String> bottom = computed(() -> {
            bottomRuns.incrementAndGet();
            return left3.get() + "|" + right1.get();
        });
        effect(() -> seen.add(bottom.get()));
        a.set(10);
        assertThat(seen).containsExactly("4|2", "13|20");
        assertThat(bottomRuns).hasValue(2);
    }

    @Test
    void wideFanInComputesOncePerWrite() {
        Signal<Integer> a = signal(1);
        List<Computed<Integer>> middle = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int k = i;
            middle.add(computed(() -> a.get() + k));
        }
        AtomicInteger sumRuns = new AtomicInteger();
        Computed<Integer> sum = computed(() -> {
            sumRuns.incrementAndGet();
            return middle.stream().mapToInt(Computed::get).sum();
        });
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(sum.get()));
        a.set(2);
        assertThat(seen).containsExactly(20 + 190, 40 + 190);
        assertThat(sumRuns).hasValue(2);
    }

    @Test
    void triangleComputedReadingTheSourceAndAComputedOfItIsConsistent() {
        Signal<Integer> a = signal(1);
        Computed<Integer> b = computed(() -> a.get() * 2);
        AtomicInteger cRuns = new AtomicInteger();
        List<String> seen = new ArrayList<>();
        Computed<String> c = computed(() -> {
            cRuns.incrementAndGet();
            return a.get() + "+" + b.get();
        });
        effect(() -> seen.add(c.get()));
        a.set(2);
        a.set(3);
        assertThat(seen).containsExactly("1+2", "2+4", "3+6");
        assertThat(cRuns).hasValue(3);
    }

    @Test
    void triangleReadInTheOtherOrderIsConsistentToo() {
        Signal<Integer> a = signal(1);
        Computed<Integer> b = computed(() -> a.get() * 2);
        List<String> seen = new ArrayList<>();
        Computed<String> c = computed(() -> b.get() + "/" + a.get());
        effect(() -> seen.add(c.get()));
        a.set(2);
        assertThat(seen).containsExactly("2/1", "4/2");
    }

    @Test
    void unobservedDiamondIsConsistentOnRead() {
        Signal<Integer> a = signal(1);
        Computed<Integer> b = computed(() -> a.get() + 1);
        Computed<Integer> c = computed(() -> a.get() - 1);
        AtomicInteger dRuns = new AtomicInteger();
        Computed<Integer> d = computed(() -> {
            dRuns.incrementAndGet();
            return b.get() * c.get();
        });
        assertThat(d.get()).isEqualTo(0);
        a.set(5);
        assertThat(d.get()).isEqualTo(24);
        assertThat(dRuns).hasValue(2);
    }

    @Test
    void diamondWithAnEqualityCutSkipsTheBottom() {
        Signal<Integer> a = signal(2);
        Computed<Boolean> evenLeft = computed(() -> a.get() % 2 == 0);
        Computed<Boolean> evenRight = computed(() -> a.get() % 2 == 0);
        AtomicInteger bottomRuns = new AtomicInteger();
        Computed<Boolean> both = computed(() -> {
            bottomRuns.incrementAndGet();
            return evenLeft.get() && evenRight.get();
        });
        effect(() -> both.get());
        a.set(4);
        assertThat(bottomRuns).hasValue(1);
        a.set(5);
        assertThat(bottomRuns).hasValue(2);
    }

    @Test
    void twoSourcesWrittenInABatchGiveOneConsistentRun() {
        Signal<String> first = signal("Ada");
        Signal<String> last = signal("Lovelace");
        Computed<String> full = computed(() -> first.get() + " " + last.get());
        Computed<Integer> length = computed(() -> full.get().length());
        List<String> seen = new ArrayList<>();
        effect(() -> seen.add(full.get() + "=" + length.get()));
        batch(() -> {
            first.set("Grace");
            last.set("Hopper");
        });
        assertThat(seen).containsExactly("Ada Lovelace=12", "Grace Hopper=12");
    }

    @Test
    void effectsEndOnTheSettledValueWhenAnotherEffectWritesDuringTheFlush() {
        Signal<Integer> a = signal(1);
        Signal<Integer> mirror = signal(1);
        Computed<Integer> sum = computed(() -> a.get() + mirror.get());
        List<Integer> seen = new ArrayList<>();
        effect(() -> mirror.set(a.get()));
        effect(() -> seen.add(sum.get()));
        a.set(5);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(10);
        assertThat(seen).first().isEqualTo(2);
        assertThat(sum.get()).isEqualTo(10);
    }
}
