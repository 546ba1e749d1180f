package dev.aether.netron.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.error.SerializationException;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded random-mutation fuzzing of the packet decoder over the golden vectors: every input must
 * either decode to a packet (which then re-encodes and decodes again) or fail with
 * {@link SerializationException} — never any other exception, never a hang.
 */
class PacketFuzzTest {

    static final long SEED = Long.getLong("netron.fuzz.seed", 0x5EED_2026L);
    static final int INPUTS = Integer.getInteger("netron.fuzz.inputs", 120_000);

    /** Bytes that matter to MessagePack and to the frame: format markers, ext types, length extremes. */
    private static final int[] INTERESTING = {0x00, 0x01, 0x05, 0x07, 0x08, 0x0f, 0x10, 0x20, 0x40, 0x45, 0x7f, 0x80,
            0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc4, 0xc7, 0xc9, 0xca, 0xcb, 0xcf, 0xd3, 0xd4, 0xd7, 0xd8,
            0xd9, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xff, 0x6b, 0x6c, 0x6d, 0x6e, 0x77, 0x78, 0x79, 0x7b, 0x7c, 0x7d, 0x7e};

    static List<byte[]> corpus() {
        List<byte[]> corpus = new ArrayList<>();
        for (JsonNode e : Vectors.entries("packets.json")) corpus.add(Vectors.bytes(e));
        for (JsonNode e : Vectors.entries("decode.json", "packets")) corpus.add(Vectors.unhex(e.get("hex").asText()));
        // Every small msgpack vector as the data of a CALL response and of a STREAM chunk, so the
        // mutations reach every extension decoder.
        for (JsonNode e : Vectors.entries("msgpack.json")) {
            if (!e.hasNonNull("hex") || e.get("byteLength").asInt() > 4096) continue;
            byte[] v = Vectors.bytes(e);
            corpus.add(ByteBuffer.allocate(5 + v.length).putInt(42).put((byte) 0x03).put(v).array());
            corpus.add(ByteBuffer.allocate(13 + v.length).putInt(43).put((byte) 0x45).put(v).putInt(7).putInt(1).array());
        }
        for (JsonNode e : Vectors.entries("decode.json", "values")) {
            byte[] v = Vectors.unhex(e.get("hex").asText());
            corpus.add(ByteBuffer.allocate(5 + v.length).putInt(44).put((byte) 0x43).put(v).array());
        }
        return corpus;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyMutatedFrameDecodesOrFailsWithSerializationException() {
        List<byte[]> corpus = corpus();
        SplittableRandom rnd = new SplittableRandom(SEED);
        PacketCodec codec = PacketCodec.standard();
        int decoded = 0;
        int rejected = 0;
        long start = System.nanoTime();
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = mutate(corpus, rnd);
            try {
                Packet p = codec.decode(input);
                decoded++;
                // What we accept we can also write, and read back again.
                byte[] again = codec.encode(p);
                assertThat(codec.decode(again).id()).isEqualTo(p.id());
            } catch (SerializationException e) {
                assertThat(e.code()).isIn(400, 413);
                rejected++;
            } catch (Throwable t) {
                fail("input #" + i + " (seed " + SEED + ") " + Vectors.hex(input) + " threw " + t, t);
            }
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("packet fuzz: %d inputs (seed %#x) in %d ms: %d decoded, %d rejected%n",
                INPUTS, SEED, ms, decoded, rejected);
        assertThat(decoded + rejected).isEqualTo(INPUTS);
        assertThat(decoded).as("the mutator keeps some inputs valid").isGreaterThan(INPUTS / 100);
        assertThat(rejected).as("and breaks most of them").isGreaterThan(INPUTS / 10);
    }

    static byte[] mutate(List<byte[]> corpus, SplittableRandom rnd) {
        byte[] b = corpus.get(rnd.nextInt(corpus.size())).clone();
        int rounds = 1 + rnd.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            if (b.length == 0) b = new byte[] {(byte) rnd.nextInt(256)};
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(9)) {
                case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));                      // bit flip
                case 1 -> b[at] = (byte) rnd.nextInt(256);                              // random byte
                case 2 -> b[at] = (byte) INTERESTING[rnd.nextInt(INTERESTING.length)];  // format marker
                case 3 -> b = Arrays.copyOf(b, rnd.nextInt(b.length + 1));              // truncate
                case 4 -> {                                                             // insert bytes
                    int n = 1 + rnd.nextInt(8);
                    byte[] out = new byte[b.length + n];
                    System.arraycopy(b, 0, out, 0, at);
                    for (int k = 0; k < n; k++) out[at + k] = (byte) rnd.nextInt(256);
                    System.arraycopy(b, at, out, at + n, b.length - at);
                    b = out;
                }
                case 5 -> {                                                             // delete a range
                    int n = 1 + rnd.nextInt(Math.min(8, b.length - at));
                    byte[] out = new byte[b.length - n];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(b, at + n, out, at, b.length - at - n);
                    b = out;
                }
                case 6 -> {                                                             // huge length field
                    int n = Math.min(4, b.length - at);
                    for (int k = 0; k < n; k++) b[at + k] = (byte) 0xff;
                }
                case 7 -> {                                                             // splice two vectors
                    byte[] other = corpus.get(rnd.nextInt(corpus.size()));
                    int from = rnd.nextInt(other.length);
                    byte[] out = Arrays.copyOf(b, at + other.length - from);
                    System.arraycopy(other, from, out, at, other.length - from);
                    b = out;
                }
                default -> {                                                            // duplicate a chunk
                    int n = 1 + rnd.nextInt(Math.min(16, b.length - at));
                    byte[] out = new byte[b.length + n];
                    System.arraycopy(b, 0, out, 0, at + n);
                    System.arraycopy(b, at, out, at + n, b.length - at);
                    b = out;
                }
            }
        }
        return b;
    }
}
