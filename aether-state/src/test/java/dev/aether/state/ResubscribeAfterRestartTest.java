package dev.aether.state;

import static dev.aether.state.Owners.await;
import static dev.aether.state.Owners.owned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.ws.ReconnectPolicy;
import dev.aether.netron.client.ws.ReconnectingTransport;
import dev.aether.titan.Titan;
import dev.aether.titan.event.InProcessEventBus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A subscription outlives a server restart: the client subscribes again on the new connection. */
class ResubscribeAfterRestartTest {
    private static Titan titan(int port, InProcessEventBus events) {
        return Titan.builder().port(port).service(new UserService(events)).eventBus(events).build().start();
    }

    @Test
    void aSubscriptionHearsEventsAgainAfterTheServerRestarts() {
        InProcessEventBus before = new InProcessEventBus();
        Titan first = titan(0, before);
        int port = first.port();
        Titan second = null;
        try (NetronClient client = NetronClient.over(ReconnectingTransport.builder(first.webSocketUri())
                .reconnect(new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(200), 0)).connect())) {
            AetherState state = AetherState.create(client);
            var created = owned(() -> state.subscription("user.created", User.class, user -> { }));
            await(() -> created.value().active().get());
            before.emit("user.created", new User(1, "Ada"));
            await(() -> created.value().count().get() == 1L);

            first.stop();
            InProcessEventBus after = new InProcessEventBus();
            second = titan(port, after);
            long[] lastEmit = {0};
            await(() -> {
                if (System.nanoTime() - lastEmit[0] > 50_000_000L) {   // lost until the new connection subscribed: say it again
                    lastEmit[0] = System.nanoTime();
                    after.emit("user.created", new User(2, "Grace"));
                }
                return created.value().count().get() >= 2L;
            });

            assertThat(created.value().latest().get()).isEqualTo(new User(2, "Grace"));
            created.owner().dispose();
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
        }
    }
}
