package dev.aether.reactive;

import static dev.aether.reactive.Reactive.computed;
import static dev.aether.reactive.Reactive.createRoot;
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

    // ---- what dispose() leaves behind -----------------------------------------------------------

    private static List<Owner> childrenForwards(Owner owner) {
        List<Owner> out = new ArrayList<>();
        for (Owner c = owner.firstChild; c != null; c = c.nextSibling) {
            out.add(c);
        }
        return out;
    }

    private static List<Owner> childrenBackwards(Owner owner) {
        List<Owner> out = new ArrayList<>();
        for (Owner c = owner.lastChild; c != null; c = c.prevSibling) {
            out.add(0, c);
        }
        return out;
    }

    @Test
    void aDisposedEffectIsNoLongerASubscriberOfWhatItRead() {
        Signal<Integer> a = signal(1);
        Signal<Integer> b = signal(2);
        Effect e = effect(() -> a.get());
        Effect f = effect(() -> { a.get(); b.get(); });

        f.dispose();

        assertThat(subscribers(a)).isEqualTo(1);
        assertThat(a.subs.subscriber()).isSameAs(e);
        assertThat(subscribers(b)).isZero();
        assertThat(dependencies(f)).isZero();
        e.dispose();
        assertThat(a.subs).isNull();
        assertThat(a.subsTail).isNull();
    }

    @Test
    void aDisposedComputedIsNoLongerASubscriberOfWhatItRead() {
        Signal<Integer> a = signal(1);
        Computed<Integer> c = computed(() -> a.get() + 1);
        Effect e = effect(c::get);

        c.dispose();

        assertThat(subscribers(a)).isZero();
        assertThat(dependencies(c)).isZero();
        a.set(5);
        assertThat(c.get()).as("keeps its last value").isEqualTo(2);
        e.dispose();
    }

    @Test
    void anEffectDisposedByHandLeavesItsParentsListOfChildren() {
        Root root = createRoot(dispose -> (Root) dispose);
        List<Effect> kids = new ArrayList<>();
        runIn(root, () -> {
            for (int i = 0; i < 4; i++) {
                kids.add(effect(() -> { }));
            }
        });

        kids.get(1).dispose(); // a middle one
        assertThat(childrenForwards(root)).containsExactly(kids.get(0), kids.get(2), kids.get(3));
        assertThat(childrenBackwards(root)).containsExactly(kids.get(0), kids.get(2), kids.get(3));

        kids.get(0).dispose(); // the first
        assertThat(childrenForwards(root)).containsExactly(kids.get(2), kids.get(3));
        assertThat(childrenBackwards(root)).containsExactly(kids.get(2), kids.get(3));

        kids.get(3).dispose(); // the last
        assertThat(childrenForwards(root)).containsExactly(kids.get(2));
        assertThat(childrenBackwards(root)).containsExactly(kids.get(2));
        assertThat(kids.get(3).prevSibling).isNull();

        kids.get(2).dispose();
        assertThat(root.firstChild).isNull();
        assertThat(root.lastChild).isNull();
    }

    @Test
    void disposingAParentLeavesItWithNoChildren() {
        Signal<Integer> s = signal(0);
        Effect parent = effect(() -> {
            effect(s::get);
            effect(s::get);
        });

        parent.dispose();

        assertThat(parent.firstChild).isNull();
        assertThat(parent.lastChild).isNull();
        assertThat(s.subs).isNull();
    }

    private static void runIn(Owner owner, Runnable body) {
        ReactiveContext ctx = owner.context;
        Owner previous = ctx.owner;
        ctx.owner = owner;
        try {
            body.run();
        } finally {
            ctx.owner = previous;
        }
    }

    @Test
    void anEffectThatDisposedItselfSubscribesToNothingItReadsAfterwards() {
        Signal<Integer> before = signal(1);
        Signal<Integer> after = signal(2);
        Effect[] self = new Effect[1];
        self[0] = Effect.create(() -> {
            before.get();
            self[0].dispose();
            after.get();
        });

        self[0].run();

        assertThat(before.subs).isNull();
        assertThat(after.subs).isNull();
    }
}
