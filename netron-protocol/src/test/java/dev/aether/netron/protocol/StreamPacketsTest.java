package dev.aether.netron.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.definition.StreamReference;
import dev.aether.netron.protocol.error.SerializationException;
import dev.aether.netron.protocol.handshake.Handshake;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketCodec;
import dev.aether.netron.protocol.packet.PacketType;
import dev.aether.netron.protocol.stream.StreamPackets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stream packets we build are byte for byte the reference's golden vectors, and read back from them. */
class StreamPacketsTest {
    private static final PacketCodec CODEC = PacketCodec.standard();

    private static String vector(String name) {
        return Vectors.entries("packets.json").stream().filter(e -> e.get("name").asText().equals(name))
                .map(e -> e.get("hex").asText()).findFirst().orElseThrow();
    }

    private static Packet decode(String name) {
        return CODEC.decode(Vectors.unhex(vector(name)));
    }

    @Test
    void aChunkWithIndexZeroIsTheFirstChunkVector() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", 0);
        line.put("line", "first");
        Packet chunk = StreamPackets.chunk(18, 7, 0, line, false);
        assertThat(Vectors.hex(CODEC.encode(chunk))).isEqualTo(vector("stream_chunk_first"));
    }

    @Test
    void theEndOfAStreamIsAnEosChunkWithNullDataAndTheNextIndex() {
        assertThat(Vectors.hex(CODEC.encode(StreamPackets.end(20, 7, 6, false)))).isEqualTo(vector("stream_chunk_eos"));
        assertThat(Vectors.hex(CODEC.encode(StreamPackets.end(22, 8, 3, true)))).isEqualTo(vector("stream_chunk_live_eos"));
        Packet eos = decode("stream_chunk_eos");
        assertThat(eos.eos()).isTrue();
        assertThat(eos.streamIndex()).isEqualTo(6);
        assertThat(eos.data()).isNull();
    }

    @Test
    void aLiveChunkCarriesTheLiveFlagAndTheLargestIds() {
        assertThat(Vectors.hex(CODEC.encode(StreamPackets.chunk(21, 4294967295L, 4294967295L, "tick", true))))
                .isEqualTo(vector("stream_chunk_live"));
    }

    @Test
    void streamErrorIsTheReferenceBody() {
        assertThat(Vectors.hex(CODEC.encode(StreamPackets.error(23, 7, "disk full")))).isEqualTo(vector("stream_error"));
        Packet fromBrowser = decode("stream_error_browser");
        assertThat(fromBrowser.type()).isEqualTo(PacketType.STREAM_ERROR);
        assertThat(StreamPackets.streamIdOf(fromBrowser)).isEqualTo(7);
        assertThat(StreamPackets.textOf(fromBrowser)).isEqualTo("disk full");
    }

    @Test
    void streamCloseIsTheReferenceBodyAlsoForTheStreamLimit() {
        assertThat(Vectors.hex(CODEC.encode(StreamPackets.close(25, 7, "cancelled by client")))).isEqualTo(vector("stream_close"));
        assertThat(Vectors.hex(CODEC.encode(StreamPackets.close(26, 9, StreamPackets.STREAM_LIMIT_REACHED))))
                .isEqualTo(vector("stream_close_limit"));
        Packet limit = decode("stream_close_limit");
        assertThat(StreamPackets.streamIdOf(limit)).isEqualTo(9);
        assertThat(StreamPackets.textOf(limit)).isEqualTo("stream-limit-reached");
    }

    @Test
    void aCallAnsweredWithAStreamCarriesAStreamReference() {
        Packet call = Packet.request(27, PacketType.CALL, null);
        StreamReference ref = new StreamReference(7, StreamReference.Kind.WRITABLE, true, "018bd2a8-a800-7abc-9def-0123456789ab");
        assertThat(Vectors.hex(CODEC.encode(call.reply(ref)))).isEqualTo(vector("call_response_stream_reference"));
        assertThat(decode("call_response_stream_reference").data()).isEqualTo(ref);
    }

    @Test
    void aCreditGrantIsAStreamResponseThatNoChunkCanBeMistakenFor() {
        Packet credit = CODEC.decode(CODEC.encode(StreamPackets.credit(30, 7, 2048)));
        assertThat(StreamPackets.isCredit(credit)).isTrue();
        assertThat(credit.streamId()).isEqualTo(7);
        assertThat(credit.streamIndex()).isEqualTo(2048);
        assertThat(StreamPackets.isCredit(decode("stream_chunk_first"))).isFalse();
    }

    @Test
    void aStreamCloseWithoutAStreamIdIsRefused() {
        Packet bad = Packet.request(1, PacketType.STREAM_CLOSE, Map.of("reason", "x"));
        assertThatThrownBy(() -> StreamPackets.streamIdOf(bad)).isInstanceOf(SerializationException.class)
                .extracting(e -> ((SerializationException) e).code()).isEqualTo(400);
    }

    @Test
    void theClientOffersCreditsInAnExtraClientIdFieldAndTheServerAcceptsThem() {
        Handshake.ClientId offer = new Handshake.ClientId("c-1", 1024);
        assertThat(offer.toJson()).isEqualTo("{\"type\":\"client-id\",\"id\":\"c-1\",\"credits\":1024}");
        assertThat(Handshake.parse(offer.toJson())).isEqualTo(offer);
        assertThat(new Handshake.ClientId("c-1").toJson()).isEqualTo("{\"type\":\"client-id\",\"id\":\"c-1\"}");
        Handshake.CreditsAccepted accepted = new Handshake.CreditsAccepted("s-1", 512);
        assertThat(Handshake.parse(accepted.toJson())).isEqualTo(accepted);
    }

    @Test
    void creditsThatAreNotAPositiveIntegerAreRefused() {
        for (String credits : new String[] {"0", "-1", "1.5", "\"10\"", "99999999999"}) {
            assertThatThrownBy(() -> Handshake.parse("{\"type\":\"client-id\",\"id\":\"c\",\"credits\":" + credits + "}"))
                    .as(credits).isInstanceOf(SerializationException.class);
        }
    }
}
