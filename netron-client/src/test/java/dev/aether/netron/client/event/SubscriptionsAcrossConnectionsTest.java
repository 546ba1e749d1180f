package dev.aether.netron.client.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.TransportLostException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handles' view of a reconnect, with the wire under the test's control so that answers can
 * be made to arrive in the orders a real network allows but rarely shows (the real-server cases
 * are in titan's ReconnectTest).
 */
class SubscriptionsAcrossConnectionsTest {
    /** The wire the test answers by hand: no connection until {@link #connected} is set. */
    private final class HandWire implements Subscriptions.Wire {
        boolean connected;
        final List<String> sent = new CopyOnWriteArrayList<>();
        final Map<String, CompletableFuture<Object>> answers = new ConcurrentHashMap<>();

        @Override
        public Optional<CompletableFuture<?>> subscribe(String event) {
            if (!connected) {
                return Optional.empty();
            }
            return Optional.of(send(event));
        }

        CompletableFuture<Object> send(String event) {
            sent.add("subscribe " + event);
            CompletableFuture<Object> answer = new CompletableFuture<>();
            answers.put(event, answer);
            return answer;
        }

        @Override
        public void unsubscribe(String event) {
            sent.add("unsubscribe " + event);
        }
    }

    private final HandWire wire = new HandWire();
    private final List<String> refused = new ArrayList<>();
    private final Subscriptions subscriptions = new Subscriptions(wire, Duration.ofSeconds(5),
            (event, cause) -> refused.add(event + " " + cause.code()));

    @AfterEach
    void closeDelivery() {
        subscriptions.close();
    }

    @Test
    void aHandlerClosedWhileItsResubscribeIsUnderWayLeavesNoWireSubscriptionBehind() {
        EventSubscription handle = subscriptions.add("user.created", args -> { });   // made while disconnected: pending
        wire.connected = true;
        subscriptions.resubscribe(wire::send);

        handle.close();                                         // its unsubscribe goes out before the server answered
        wire.answers.get("user.created").complete(null);        // then the server confirms the subscribe

        assertThat(wire.sent).containsExactly("subscribe user.created", "unsubscribe user.created", "unsubscribe user.created");
        assertThat(subscriptions.handlerCount()).isZero();
    }

    @Test
    void aConnectionLostDuringTheResubscribeIsNotARefusal() {
        EventSubscription handle = subscriptions.add("user.created", args -> { });
        wire.connected = true;
        subscriptions.resubscribe(wire::send);

        wire.answers.get("user.created").completeExceptionally(new TransportLostException("Connection lost (1006)"));

        assertThat(handle.state()).isEqualTo(SubscriptionState.PENDING);
        assertThat(refused).isEmpty();
        assertThat(subscriptions.events()).containsExactly("user.created");
    }

    @Test
    void aRefusedResubscribeRemovesTheHandlersAndIsReported() {
        wire.connected = true;
        CompletableFuture<EventSubscription> adding = CompletableFuture.supplyAsync(() -> subscriptions.add("audit.entry", args -> { }));
        while (!wire.answers.containsKey("audit.entry")) {
            Thread.onSpinWait();
        }
        wire.answers.get("audit.entry").complete(null);
        EventSubscription handle = adding.join();
        assertThat(handle.state()).isEqualTo(SubscriptionState.ACTIVE);

        subscriptions.disconnected();
        assertThat(handle.state()).isEqualTo(SubscriptionState.PENDING);
        subscriptions.resubscribe(wire::send);
        wire.answers.get("audit.entry").completeExceptionally(new NetronException(403, "Forbidden"));

        assertThat(handle.state()).isEqualTo(SubscriptionState.REFUSED);
        assertThat(refused).containsExactly("audit.entry 403");
        assertThat(subscriptions.handlerCount()).isZero();
    }
}
