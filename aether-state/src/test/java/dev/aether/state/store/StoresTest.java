package dev.aether.state.store;

import static dev.aether.reactive.Reactive.effect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.ReactiveContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stores: made lazily, one per scope, reset, composed, disposed with their scope, injectable. */
class StoresTest {
    record Counter(StoreState<Integer> count) {
        void increment() {
            count.update(n -> n + 1);
        }
    }

    private final AtomicReference<String> user = new AtomicReference<>("alice");
    private final Stores stores = Stores.create(user::get);
    private final AtomicInteger made = new AtomicInteger();
    private final List<String> disposed = new CopyOnWriteArrayList<>();

    private StoreDefinition<Counter> counter(String id, StoreScope scope) {
        return StoreDefinition.define(id, scope, setup -> {
            made.incrementAndGet();
            setup.onDispose(() -> disposed.add(id + ":" + setup.principal()));
            return new Counter(setup.state(0));
        });
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void aStoreIsMadeOnFirstUseAndOncePerApplication() {
        StoreDefinition<Counter> visits = counter("visits", StoreScope.APPLICATION);
        assertThat(made).hasValue(0);

        Counter first = stores.use(visits);
        user.set("bob");
        Counter second = stores.use(visits);

        assertThat(second).isSameAs(first);
        assertThat(made).hasValue(1);
    }

    @Test
    void aUserStoreIsOnePerPrincipal() {
        StoreDefinition<Counter> cart = counter("cart", StoreScope.USER);
        Counter alices = stores.use(cart);
        alices.increment();
        user.set("bob");

        Counter bobs = stores.use(cart);

        assertThat(bobs).isNotSameAs(alices);
        assertThat(bobs.count().peek()).isZero();
        assertThat(stores.use(cart, "alice").count().peek()).isEqualTo(1);
    }

    @Test
    void aSessionStoreIsOnePerContextAndGoesWithItsSession() {
        StoreDefinition<Counter> draft = counter("draft", StoreScope.SESSION);
        try (ReactiveContext tab1 = ReactiveContext.create("tab1"); ReactiveContext tab2 = ReactiveContext.create("tab2")) {
            Counter one = tab1.call(() -> stores.use(draft));
            Counter two = tab2.call(() -> stores.use(draft));

            assertThat(one).isNotSameAs(two);
            assertThat(tab1.call(() -> stores.use(draft))).isSameAs(one);
            stores.endSession(tab1);

            assertThat(disposed).containsExactly("draft:alice");
            assertThat(stores.size()).isEqualTo(1);
        }
    }

    @Test
    void resetPutsEveryStateBackToItsInitialValue() {
        StoreDefinition<Counter> visits = counter("visits", StoreScope.APPLICATION);
        Counter counter = stores.use(visits);
        counter.increment();
        counter.increment();

        stores.reset(visits);

        assertThat(counter.count().peek()).isZero();
    }

    @Test
    void aStoreUsesAnotherOfTheSameUser() {
        StoreDefinition<Counter> cart = counter("cart", StoreScope.USER);
        StoreDefinition<Counter> checkout = StoreDefinition.define("checkout", StoreScope.USER, setup -> setup.use(cart));

        assertThat(stores.use(checkout)).isSameAs(stores.use(cart));
    }

    @Test
    void aStoreThatUsesItselfIsReportedAsACycle() {
        AtomicReference<StoreDefinition<Object>> self = new AtomicReference<>();
        self.set(StoreDefinition.define("loop", StoreScope.APPLICATION, setup -> setup.use(self.get())));

        assertThatThrownBy(() -> stores.use(self.get())).isInstanceOf(IllegalStateException.class).hasMessageContaining("uses itself");
    }

    @Test
    void anApplicationStoreWrittenInOneSessionUpdatesAnotherSessionsEffect() {
        StoreDefinition<Counter> visits = counter("visits", StoreScope.APPLICATION);
        Counter counter = stores.use(visits);
        AtomicInteger seen = new AtomicInteger(-1);
        try (ReactiveContext reader = ReactiveContext.create("reader"); ReactiveContext writer = ReactiveContext.create("writer")) {
            reader.run(() -> Reactive.createRoot(dispose -> effect(() -> seen.set(counter.count().get()))));

            writer.run(counter::increment);

            reader.awaitCondition(() -> seen.get() == 1, Duration.ofSeconds(10));
        }
    }

    @Test
    void onInitRunsOnceTheSetupReturned() {
        List<String> events = new CopyOnWriteArrayList<>();
        StoreDefinition<String> store = StoreDefinition.define("init", StoreScope.APPLICATION, setup -> {
            setup.onInit(() -> events.add("init"));
            events.add("setup");
            return "ready";
        });

        stores.use(store);
        stores.use(store);

        assertThat(events).containsExactly("setup", "init");
    }

    @Test
    void guiceInjectsTheCurrentUsersInstance() {
        StoreDefinition<Counter> cart = counter("cart", StoreScope.USER);
        Injector injector = Guice.createInjector(StateModule.of(stores).store(Counter.class, cart));

        Counter alices = injector.getInstance(Counter.class);
        user.set("bob");
        Counter bobs = injector.getInstance(Counter.class);

        assertThat(alices).isSameAs(stores.use(cart, "alice"));
        assertThat(bobs).isSameAs(stores.use(cart, "bob")).isNotSameAs(alices);
        assertThat(injector.getInstance(Stores.class)).isSameAs(stores);
    }
}
