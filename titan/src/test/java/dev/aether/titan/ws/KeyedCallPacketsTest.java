package dev.aether.titan.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.handshake.Handshake;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketType;
import dev.aether.titan.Titan;
import dev.aether.titan.datalayer.LedgerService;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The idempotency-key extension on the wire: only a client that offers {@code "keys":true} in its
 * client-id is answered {@code {"type":"keys"}} and sends {@code [target, method, key, ...args]};
 * a reference peer (netron-browser) that offers nothing sees the reference protocol unchanged.
 */
class KeyedCallPacketsTest {
    private Titan titan;
    private RawSocket socket;

    @BeforeEach
    void start() {
        titan = Titan.builder().port(0).peerId("server-netron-id").service(new LedgerService()).build().start();
    }

    @AfterEach
    void stop() {
        if (socket != null) {
            socket.close();
        }
        titan.stop();
    }

    private static Packet call(long id, Object... data) {
        return Packet.request(id, PacketType.CALL, Arrays.asList(data));
    }

    private RawSocket offeringKeys() {
        socket = RawSocket.connect(titan.webSocketUri());
        socket.nextBinary(); // the server's id
        socket.sendText("{\"type\":\"client-id\",\"id\":\"java-client\",\"keys\":true}");
        return socket;
    }

    @Test
    void aReferencePeerGetsNoKeysAnswerAndItsCallsKeepTheReferenceShape() {
        socket = RawSocket.connect(titan.webSocketUri()).handshake("94389737-3806-480c-b920-c1fad3222a36");

        Packet first = socket.request(call(1, "ledger@1.0.0", "deposit", 5)); // a "keys" message here would not decode as a packet
        Packet second = socket.request(call(2, "ledger@1.0.0", "deposit", 5));

        assertThat(first.error()).isFalse();
        assertThat(first.data()).isEqualTo(5);
        assertThat(second.data()).as("no key: runs again").isEqualTo(10);
    }

    @Test
    void aPeerOfferingKeysIsAnsweredWithKeysAcceptedBeforeAnyPacket() {
        RawSocket raw = offeringKeys();

        assertThat(Handshake.parse(raw.nextBinary())).isEqualTo(new Handshake.KeysAccepted("server-netron-id"));
    }

    @Test
    void afterKeysAreAcceptedTheKeySlotIsStrippedAndARepeatedKeyGetsTheFirstResult() {
        RawSocket raw = offeringKeys();
        raw.nextBinary(); // keys accepted

        Packet first = raw.request(call(1, "ledger@1.0.0", "deposit", "key-1", 5));
        Packet repeated = raw.request(call(2, "ledger@1.0.0", "deposit", "key-1", 5));
        Packet unkeyed = raw.request(call(3, "ledger@1.0.0", "deposit", null, 5));

        assertThat(first.data()).isEqualTo(5);
        assertThat(repeated.data()).as("kept, not run again").isEqualTo(5);
        assertThat(unkeyed.data()).isEqualTo(10);
    }

    @Test
    void aKeySlotThatIsNotAStringIsRejectedWith400() {
        RawSocket raw = offeringKeys();
        raw.nextBinary();

        Packet reply = raw.request(call(1, "ledger@1.0.0", "deposit", 42, 5));

        assertThat(reply.error()).isTrue();
        assertThat(((NetronException) reply.data()).code()).isEqualTo(400);
    }
}
