package dev.aether.titan.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.PermissionException;
import dev.aether.netron.protocol.error.RateLimitException;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.titan.event.EventAccess;
import dev.aether.titan.event.EventLimits;
import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.CalculatorService;
import dev.aether.titan.fixtures.Tokens;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code subscribe}, {@code unsubscribe} and {@code emit} core tasks over a real WebSocket,
 * byte for byte as the reference's golden vectors (netron-protocol/src/test/resources/netron-vectors/packets.json).
 */
class EventSubscriptionTest {
    private static final HexFormat HEX = HexFormat.of();
    /** {@code task_subscribe}: {@code ["subscribe", "user.created"]}, id 9. */
    private static final String SUBSCRIBE = "000000094492a9737562736372696265ac757365722e63726561746564";
    /** {@code task_subscribe_response}: id 9, undefined. */
    private static final String SUBSCRIBE_RESPONSE = "0000000904d40000";
    /** {@code task_unsubscribe}: {@code ["unsubscribe", "user.created"]}, id 10. */
    private static final String UNSUBSCRIBE = "0000000a4492ab756e737562736372696265ac757365722e63726561746564";
    /** {@code task_emit_two_args}: {@code ["emit", "user.created", {id: 42, name: "Alice"}, "admin-panel"]}, id 11. */
    private static final String EMIT = "0000000b4494a4656d6974ac757365722e6372656174656482a269642aa46e616d65a5416c696365ab61646d696e2d70616e656c";

    @RegisterExtension
    static final TitanWithSockets server = new TitanWithSockets(() -> Titan.builder().port(0).service(new CalculatorService()).authenticator(new Tokens())
            .event("audit.entry", EventAccess.roles("admin"))
            .eventLimits(new EventLimits(3, EventLimits.DEFAULT_MAX_QUEUED_EVENTS))
            .build());
    private RawSocket socket;

    private static Map<String, Object> alice() {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", 42);
        user.put("name", "Alice");
        return user;
    }

    @Test
    void subscribingAnswersUndefinedExactlyAsTheReference() {
        socket = server.connect().handshake();
        socket.sendBinary(HEX.parseHex(SUBSCRIBE));
        assertThat(HEX.formatHex(socket.nextBinary())).isEqualTo(SUBSCRIBE_RESPONSE);
    }

    @Test
    void aSubscribedPeerReceivesTheEventAsTheReferenceForwardsIt() {
        socket = server.connect().handshake();
        socket.sendBinary(HEX.parseHex(SUBSCRIBE));
        socket.nextBinary();

        server.titan().events().emit("user.created", alice(), "admin-panel");

        byte[] forwarded = socket.nextBinary();
        byte[] vector = HEX.parseHex(EMIT);
        // The packet id is the server's own sequence; everything after it is the vector's bytes.
        assertThat(HEX.formatHex(Arrays.copyOfRange(forwarded, 4, forwarded.length)))
                .isEqualTo(HEX.formatHex(Arrays.copyOfRange(vector, 4, vector.length)));
    }

    @Test
    void eventsOfOneEmitterArriveInTheOrderEmitted() {
        socket = server.connect().handshake();
        socket.task("subscribe", "counter.tick");
        for (int i = 0; i < 200; i++) {
            server.titan().events().emit("counter.tick", i);
        }
        for (int i = 0; i < 200; i++) {
            assertThat(socket.nextPacket().data()).isEqualTo(List.of("emit", "counter.tick", i));
        }
    }

    @Test
    void afterUnsubscribingNoMoreEventsArrive() {
        socket = server.connect().handshake();
        socket.sendBinary(HEX.parseHex(SUBSCRIBE));
        socket.nextBinary();
        socket.sendBinary(HEX.parseHex(UNSUBSCRIBE));
        assertThat(HEX.formatHex(socket.nextBinary())).as("id 10, undefined").isEqualTo("0000000a04d40000");

        server.titan().events().emit("user.created", alice());

        // A task sent after the emit is answered first: nothing was forwarded before it.
        Packet pong = socket.task("query_interface", "calculator");
        assertThat(pong.impulse()).isFalse();
        assertThat(server.titan().events().listenerCount()).isZero();
    }

    @Test
    void anEmitFromAClientIsAcknowledgedButNotBroadcast() {
        socket = server.connect().handshake();
        socket.task("subscribe", "user.created");
        socket.sendBinary(HEX.parseHex(EMIT));

        assertThat(HEX.formatHex(socket.nextBinary())).as("id 11, undefined").isEqualTo("0000000b04d40000");
        assertThat(socket.next(Duration.ofMillis(300))).as("no event forwarded back").isNull();
    }

    @Test
    void subscribingTwiceToOneEventIsOneSubscription() {
        socket = server.connect().handshake();
        int before = server.titan().events().listenerCount();
        socket.task("subscribe", "user.created");
        socket.task("subscribe", "user.created");
        assertThat(server.titan().events().listenerCount()).isEqualTo(before + 1);

        server.titan().events().emit("user.created", 1);
        assertThat(socket.nextPacket().data()).isEqualTo(List.of("emit", "user.created", 1));
        assertThat(socket.next(Duration.ofMillis(300))).as("delivered once").isNull();
    }

    @Test
    void anAnonymousPeerCannotSubscribeToAnEventThatNeedsARole() {
        socket = server.connect().handshake();
        Packet reply = socket.task("subscribe", "audit.entry");
        assertThat(reply.error()).isTrue();
        assertThat(reply.data()).isInstanceOf(AuthException.class);
        assertThat(((AuthException) reply.data()).code()).isEqualTo(401);
    }

    @Test
    void aPeerWithoutTheRoleGets403WithTheMissingRoles() {
        socket = server.connect(Map.of("Authorization", "Bearer " + Tokens.USER)).handshake();
        Packet reply = socket.task("subscribe", "audit.entry");
        assertThat(reply.error()).isTrue();
        PermissionException denied = (PermissionException) reply.data();
        assertThat(denied.code()).isEqualTo(403);
        assertThat(denied.details()).containsEntry("missingRoles", List.of("admin"));

        server.titan().events().emit("audit.entry", "secret");
        assertThat(socket.next(Duration.ofMillis(300))).isNull();
    }

    @Test
    void aPeerWithTheRoleReceivesTheEvent() {
        socket = server.connect(Map.of("Authorization", "Bearer " + Tokens.ADMIN)).handshake();
        assertThat(socket.task("subscribe", "audit.entry").error()).isFalse();
        server.titan().events().emit("audit.entry", "granted");
        assertThat(socket.nextPacket().data()).isEqualTo(List.of("emit", "audit.entry", "granted"));
    }

    @Test
    void onePastTheSubscriptionCapAnswers429() {
        socket = server.connect().handshake();
        for (String event : List.of("a", "b", "c")) {
            assertThat(socket.task("subscribe", event).error()).isFalse();
        }
        Packet reply = socket.task("subscribe", "d");
        assertThat(reply.error()).isTrue();
        assertThat(reply.data()).isInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) reply.data()).code()).isEqualTo(429);
        assertThat(socket.task("subscribe", "a").error()).as("an event already held does not count again").isFalse();
    }

    @Test
    void aSubscribeWithoutAnEventNameAnswers400() {
        socket = server.connect().handshake();
        Packet reply = socket.task("subscribe", 42);
        assertThat(reply.error()).isTrue();
        assertThat(((dev.aether.netron.protocol.error.NetronException) reply.data()).code()).isEqualTo(400);
    }

    @Test
    void aClosedConnectionLeavesNoListenerInTheBus() throws InterruptedException {
        socket = server.connect().handshake();
        int before = server.titan().events().listenerCount();
        socket.task("subscribe", "user.created");
        socket.task("subscribe", "user.deleted");
        assertThat(server.titan().events().listenerCount()).isEqualTo(before + 2);
        socket.close();
        awaitListeners(before);
    }

    private static void awaitListeners(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.titan().events().listenerCount() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.titan().events().listenerCount()).isEqualTo(expected);
    }
}
