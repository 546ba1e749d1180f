package dev.aether.state;

import static dev.aether.state.Owners.await;
import static dev.aether.state.Owners.owned;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Event subscriptions as signals, against a real Titan over WebSocket. */
class SubscriptionTest {
    private final RealTitan server = new RealTitan();
    private final AetherState state = AetherState.create(server.webSocketClient());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theHandlerRunsOnTheOwnersContextWithEachEvent() {
        List<String> names = new CopyOnWriteArrayList<>();
        Thread test = Thread.currentThread();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        var created = owned(() -> state.subscription("user.created", User.class, user -> {
            names.add(user.name());
            threads.add(Thread.currentThread());
        }));
        await(() -> created.value().active().get());

        server.users.create("Linus");

        await(() -> created.value().count().get() == 1L);
        assertThat(created.value().latest().get()).isEqualTo(new User(3, "Linus"));
        assertThat(names).containsExactly("Linus");
        assertThat(threads).containsOnly(test);
        created.owner().dispose();
    }

    @Test
    void ownersOfOneEventShareOneWireSubscriptionReleasedWithTheLast() {
        var first = owned(() -> state.subscription("user.created", User.class, user -> { }));
        var second = owned(() -> state.subscription("user.created", User.class, user -> { }));
        await(() -> first.value().active().get() && second.value().active().get());

        assertThat(server.events.listenerCount()).isEqualTo(1);
        first.owner().dispose();
        assertThat(server.events.listenerCount()).isEqualTo(1);
        second.owner().dispose();

        await(() -> server.events.listenerCount() == 0);
    }

    @Test
    void aHandlerThatThrowsDoesNotStopItsFeedNorTheOthers() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(OpenSubscription.class.getName());
        List<java.util.logging.LogRecord> warnings = new CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                warnings.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        log.setUseParentHandlers(false);
        try {
            handlerFailures();
        } finally {
            log.removeHandler(capture);
            log.setUseParentHandlers(true);
        }
        assertThat(warnings).hasSize(2).allSatisfy(w -> assertThat(w.getThrown()).hasMessage("handler bug"));
    }

    private void handlerFailures() {
        List<String> heard = new CopyOnWriteArrayList<>();
        var failing = owned(() -> state.subscription("user.created", User.class, user -> {
            throw new IllegalStateException("handler bug");
        }));
        var healthy = owned(() -> state.subscription("user.created", User.class, user -> heard.add(user.name())));
        await(() -> failing.value().active().get() && healthy.value().active().get());

        server.users.create("Linus");
        server.users.create("Ken");

        await(() -> heard.size() == 2 && failing.value().count().get() == 2L);
        failing.owner().dispose();
        healthy.owner().dispose();
    }
}
