package dev.aether.titan.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.SerializationException;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketCodec;
import dev.aether.netron.protocol.packet.PacketType;
import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.CalculatorService;
import dev.aether.titan.fixtures.Tokens;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Netron over WebSocket at the byte level: a bare JDK WebSocket, packets built with PacketCodec. */
@SuppressWarnings("unchecked")
class WebSocketProtocolTest {
    private static final HexFormat HEX = HexFormat.of();

    @RegisterExtension
    static final TitanWithSockets server = new TitanWithSockets(() -> Titan.builder().port(0).peerId("server-netron-id")
            .service(new CalculatorService()).service(new EchoService()).service(new VaultService())
            .authenticator(new Tokens()).allowedOrigins("https://app.example")
            .build());
    private RawSocket socket;

    private RawSocket connected() {
        socket = server.connect().handshake("94389737-3806-480c-b920-c1fad3222a36");
        return socket;
    }

    private static Packet call(long id, Object... data) {
        return Packet.request(id, PacketType.CALL, List.of(data));
    }

    private static NetronException errorOf(Packet reply) {
        assertThat(reply.error()).as("error flag").isTrue();
        assertThat(reply.impulse()).isFalse();
        return (NetronException) reply.data();
    }

    @Test
    void handshakeAndCallMatchTheReferenceCaptureByteForByte() {
        socket = server.connect();
        assertThat(HEX.formatHex(socket.nextBinary())).isEqualTo("7b2274797065223a226964222c226964223a227365727665722d6e6574726f6e2d6964227d");
        socket.sendText(new String(HEX.parseHex("7b2274797065223a22636c69656e742d6964222c226964223a227261772d636c69656e74227d")));
        socket.sendBinary(HEX.parseHex("000000024393aa6563686f40312e302e30a46563686fa26869"));
        assertThat(HEX.formatHex(socket.nextBinary())).isEqualTo("0000000203a26869");
    }

    @Test
    void clientIdInABinaryFrameIsAcceptedLikeTheTitanClientSendsIt() {
        socket = server.connect(URI.create(server.uri() + "?id=titan-client-id"), Map.of("x-netron-id", "titan-client-id"));
        socket.nextBinary();
        socket.sendBinary(HEX.parseHex("7b2274797065223a22636c69656e742d6964222c226964223a22746974616e2d636c69656e742d6964227d"));
        assertThat(socket.request(call(1, "calculator@1.0.0", "add", 2, 3)).data()).isEqualTo(5);
    }

    @Test
    void packetsBeforeClientIdAreNotProcessed() {
        socket = server.connect();
        socket.nextBinary();
        socket.send(call(1, "calculator", "add", 1, 1));
        assertThat(socket.next(Duration.ofMillis(200))).isNull();
        socket.sendText("{\"type\":\"client-id\",\"id\":\"late\"}");
        assertThat(socket.request(call(2, "calculator", "add", 2, 2)).data()).isEqualTo(4);
    }

    @Test
    void callReturnsTheResultWithTheRequestIdAndImpulseCleared() {
        Packet reply = connected().request(call(7, "calculator@1.0.0", "add", 2, 3));
        assertThat(reply.id()).isEqualTo(7);
        assertThat(reply.type()).isEqualTo(PacketType.CALL);
        assertThat(reply.impulse()).isFalse();
        assertThat(reply.error()).isFalse();
        assertThat(reply.data()).isEqualTo(5);
    }

    @Test
    void bareServiceNameCallsTheHighestVersion() {
        assertThat(connected().request(call(1, "calculator", "add", 40, 2)).data()).isEqualTo(42);
    }

    @Test
    void unknownServiceAnswers404() {
        NetronException error = errorOf(connected().request(call(1, "nope@1.0.0", "add", 1, 2)));
        assertThat(error.code()).isEqualTo(404);
        assertThat(error.wireName()).isEqualTo("ServiceNotFoundError");
    }

    @Test
    void unknownMethodAnswers404() {
        NetronException error = errorOf(connected().request(call(1, "calculator", "multiply", 1, 2)));
        assertThat(error.code()).isEqualTo(404);
        assertThat(error.wireName()).isEqualTo("MethodNotFoundError");
    }

    @Test
    void nonPublicMethodAnswers404() {
        assertThat(errorOf(connected().request(call(1, "calculator", "notExposed"))).code()).isEqualTo(404);
    }

    @Test
    void wrongArgumentCountAnswers400() {
        assertThat(errorOf(connected().request(call(1, "calculator", "add", 1))).code()).isEqualTo(400);
    }

    @Test
    void wrongArgumentTypeAnswers400() {
        assertThat(errorOf(connected().request(call(1, "calculator", "add", "two", 3))).code()).isEqualTo(400);
    }

    @Test
    void callDataThatIsNotAnArrayAnswers400() {
        assertThat(errorOf(connected().request(Packet.request(1, PacketType.CALL, "calculator.add"))).code()).isEqualTo(400);
    }

    @Test
    void invalidMemberNameAnswers400() {
        assertThat(errorOf(connected().request(call(1, "calculator", "add-it", 1, 2))).code()).isEqualTo(400);
    }

    @Test
    void serviceErrorKeepsItsCodeAndName() {
        NetronException error = errorOf(connected().request(call(1, "calculator", "divide", 1, 0)));
        assertThat(error.code()).isEqualTo(422);
        assertThat(error.getMessage()).isEqualTo("Division by zero");
    }

    @Test
    void getReadsAProperty() {
        Packet reply = connected().request(Packet.request(1, PacketType.GET, List.of("calculator", "brand")));
        assertThat(reply.type()).isEqualTo(PacketType.GET);
        assertThat(reply.data()).isEqualTo("Aether");
    }

    @Test
    void setWritesAPropertyAndAnswersUndefined() {
        RawSocket s = connected();
        s.send(Packet.request(1, PacketType.SET, List.of("calculator", "memory", 9)));
        assertThat(HEX.formatHex(s.nextBinary())).isEqualTo("0000000102d40000");
        assertThat(s.request(Packet.request(2, PacketType.GET, List.of("calculator", "memory"))).data()).isEqualTo(9);
    }

    @Test
    void setOfAReadOnlyPropertyAnswers403() {
        assertThat(errorOf(connected().request(Packet.request(1, PacketType.SET, List.of("calculator", "brand", "x")))).code()).isEqualTo(403);
    }

    @Test
    void pingEchoesItsData() {
        Packet reply = connected().request(Packet.request(3, PacketType.PING, 1700000000000.0));
        assertThat(reply.type()).isEqualTo(PacketType.PING);
        assertThat(reply.impulse()).isFalse();
        assertThat(reply.data()).isEqualTo(1700000000000.0);
    }

    @Test
    void malformedFrameAnswers400AndTheConnectionStaysUsable() {
        RawSocket s = connected();
        s.sendBinary(HEX.parseHex("0000000543c1")); // 0xc1 is never valid MessagePack
        Packet reply = s.nextPacket();
        assertThat(reply.id()).isEqualTo(5);
        assertThat(errorOf(reply)).isInstanceOf(SerializationException.class).extracting(NetronException::code).isEqualTo(400);
        assertThat(s.request(call(6, "calculator", "add", 1, 2)).data()).isEqualTo(3);
    }

    @Test
    void trailingBytesAnswer400() {
        RawSocket s = connected();
        byte[] frame = PacketCodec.standard().encode(call(8, "calculator", "add", 1, 2));
        s.sendBinary(Arrays.copyOf(frame, frame.length + 1));
        Packet reply = s.nextPacket();
        assertThat(reply.id()).isEqualTo(8);
        assertThat(errorOf(reply).code()).isEqualTo(400);
    }

    @Test
    void truncatedFrameAnswers400() {
        RawSocket s = connected();
        byte[] frame = PacketCodec.standard().encode(call(9, "calculator", "add", 1, 2));
        s.sendBinary(Arrays.copyOf(frame, frame.length - 2));
        Packet reply = s.nextPacket();
        assertThat(reply.id()).isEqualTo(9);
        assertThat(errorOf(reply).code()).isEqualTo(400);
    }

    @Test
    void unknownPacketTypeAnswers400() {
        RawSocket s = connected();
        s.sendBinary(HEX.parseHex("0000000a48c0")); // type 8 with IMPULSE, data nil
        Packet reply = s.nextPacket();
        assertThat(reply.id()).isEqualTo(10);
        assertThat(errorOf(reply).code()).isEqualTo(400);
    }

    @Test
    void frameTooShortForAnIdIsDroppedAndTheConnectionStaysUsable() {
        RawSocket s = connected();
        s.sendBinary(new byte[] {0, 1, 2});
        assertThat(s.request(call(11, "calculator", "add", 5, 5)).data()).isEqualTo(10);
    }

    @Test
    void queryInterfaceListsTheMethodsTheCallerMayUse() {
        Packet reply = connected().request(Packet.request(1, PacketType.TASK, List.of("query_interface", "calculator")));
        Definition definition = (Definition) reply.data();
        assertThat(definition.peerId()).isEqualTo("server-netron-id");
        assertThat(definition.meta().name()).isEqualTo("calculator");
        assertThat(definition.meta().methods()).containsKeys("add", "addLater").doesNotContainKeys("secret", "notExposed");
    }

    @Test
    void queryInterfaceOfAnInaccessibleServiceAnswers404() {
        assertThat(errorOf(connected().request(Packet.request(1, PacketType.TASK, List.of("query_interface", "vault")))).code()).isEqualTo(404);
    }

    @Test
    void queryInterfaceShowsTheServiceToItsRole() {
        socket = server.connect(Map.of("Authorization", "Bearer " + Tokens.ADMIN)).handshake("admin");
        Definition definition = (Definition) socket.request(Packet.request(1, PacketType.TASK, List.of("query_interface", "vault"))).data();
        assertThat(definition.meta().methods()).containsKey("open");
    }

    @Test
    void authenticateTaskUnlocksRoleProtectedCalls() {
        RawSocket s = connected();
        assertThat(errorOf(s.request(call(1, "calculator", "secret"))).code()).isEqualTo(401);
        Packet auth = s.request(Packet.request(2, PacketType.TASK, List.of("authenticate", Map.of("username", "alice", "password", "secret"))));
        assertThat(auth.error()).isFalse();
        assertThat((Map<Object, Object>) auth.data()).containsEntry("success", true);
        assertThat(s.request(call(3, "calculator", "secret")).data()).isEqualTo("42");
    }

    @Test
    void authenticateTaskWithATokenUnlocksRoleProtectedCalls() {
        RawSocket s = connected();
        s.request(Packet.request(1, PacketType.TASK, List.of("authenticate", Map.of("token", Tokens.ADMIN))));
        assertThat(s.request(call(2, "vault", "open")).data()).isEqualTo("gold");
    }

    @Test
    void authenticateTaskWithWrongCredentialsAnswersSuccessFalse() {
        Packet auth = connected().request(Packet.request(1, PacketType.TASK, List.of("authenticate", Map.of("username", "alice", "password", "nope"))));
        assertThat(auth.error()).isFalse();
        assertThat((Map<Object, Object>) auth.data()).containsEntry("success", false);
    }

    @Test
    void invalidateCacheWithNoRegisteredCacheAnswersZero() {
        assertThat(connected().request(Packet.request(1, PacketType.TASK, List.of("invalidate_cache", "calculator*"))).data()).isEqualTo(0);
    }

    @Test
    void unknownTaskAnswers404() {
        assertThat(errorOf(connected().request(Packet.request(1, PacketType.TASK, List.of("reboot")))).code()).isEqualTo(404);
    }

    @Test
    void bearerTokenOnTheUpgradeAuthenticatesTheConnection() {
        socket = server.connect(Map.of("Authorization", "Bearer " + Tokens.ADMIN)).handshake("admin");
        assertThat(socket.request(call(1, "calculator", "secret")).data()).isEqualTo("42");
    }

    @Test
    void tokenQueryParameterAuthenticatesTheConnection() {
        socket = server.connect(URI.create(server.uri() + "?token=" + Tokens.ADMIN)).handshake("admin");
        assertThat(socket.request(call(1, "vault", "open")).data()).isEqualTo("gold");
    }

    @Test
    void invalidBearerTokenClosesWith4001() {
        socket = server.connect(Map.of("Authorization", "Bearer forged"));
        assertThat(socket.awaitClose().code()).isEqualTo(4001);
    }

    @Test
    void invalidTokenQueryParameterClosesWith4001() {
        socket = server.connect(URI.create(server.uri() + "?token=forged"));
        assertThat(socket.awaitClose().code()).isEqualTo(4001);
    }

    @Test
    void disallowedOriginClosesWith4001() {
        socket = server.connect(Map.of("Origin", "https://evil.example"));
        assertThat(socket.awaitClose().code()).isEqualTo(4001);
    }

    @Test
    void allowedOriginIsServed() {
        socket = server.connect(Map.of("Origin", "https://app.example")).handshake("browser");
        assertThat(socket.request(call(1, "calculator", "add", 1, 1)).data()).isEqualTo(2);
    }

    @Test
    void wrongPathClosesWith4000() {
        socket = server.connect(URI.create(server.uri().resolve("/elsewhere").toString()));
        assertThat(socket.awaitClose().code()).isEqualTo(4000);
    }
}
