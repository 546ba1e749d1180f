package dev.aether.titan.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketType;
import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.CalculatorService;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same strict conversion over the WebSocket as over HTTP: null, strings and fractions into ints are 400s naming the parameter. */
class WebSocketStrictArgumentsTest {
    @RegisterExtension
    static final TitanWithSockets server = new TitanWithSockets(() -> Titan.builder().port(0).service(new CalculatorService()).build());

    private static NetronException refused(Object a, Object b) {
        try (RawSocket socket = server.connect().handshake("strict")) {
            Packet reply = socket.request(Packet.request(1, PacketType.CALL, Arrays.asList("calculator", "add", a, b)));
            assertThat(reply.error()).as("an error reply").isTrue();
            NetronException error = (NetronException) reply.data();
            assertThat(error.code()).isEqualTo(400);
            return error;
        }
    }

    @Test
    void nullIntoAPrimitiveIs400NamingTheParameter() {
        assertThat(refused(null, null).details()).containsEntry("parameter", "a");
    }

    @Test
    void stringsIntoNumbersAre400() {
        assertThat(refused("1", "2").details()).containsEntry("parameter", "a").containsEntry("expected", "int");
    }

    @Test
    void fractionIntoAnIntegerIs400NotTruncated() {
        assertThat(refused(1, 1.5).details()).containsEntry("parameter", "b");
    }

    @Test
    void integersStillAdd() {
        try (RawSocket socket = server.connect().handshake("strict")) {
            assertThat(socket.request(Packet.request(1, PacketType.CALL, List.of("calculator", "add", 2, 3))).data()).isEqualTo(5);
        }
    }
}
