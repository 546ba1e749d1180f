package dev.aether.netron.client.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the JDK's message parts become whole messages, and what a peer cannot make the client hold. */
class MessageListenerTest {
    private static final int MAX = 8;

    private final Received received = new Received();
    private final FakeWebSocket socket = new FakeWebSocket();
    private final MessageListener listener = new MessageListener(received, MAX);

    /** What the listener hands on. */
    private static final class Received implements MessageListener.Inbound {
        final List<byte[]> binaries = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        final List<String> closes = new ArrayList<>();

        @Override
        public void binary(byte[] message) {
            binaries.add(message);
        }

        @Override
        public void text(String message) {
            texts.add(message);
        }

        @Override
        public void closed(int code, String reason) {
            closes.add(code + " " + reason);
        }
    }

    @BeforeEach
    void open() {
        listener.onOpen(socket);
    }

    private void binary(String part, boolean last) {
        listener.onBinary(socket, ByteBuffer.wrap(part.getBytes(StandardCharsets.US_ASCII)), last);
    }

    private List<String> binaries() {
        return received.binaries.stream().map(b -> new String(b, StandardCharsets.US_ASCII)).toList();
    }

    @Test
    void binaryPartsAreJoinedIntoOneMessage() {
        binary("ab", false);
        binary("cd", false);
        binary("e", true);

        assertThat(binaries()).containsExactly("abcde");
    }

    @Test
    void consecutiveMessagesDoNotShareBytes() {
        binary("abc", true);
        binary("de", true);

        assertThat(binaries()).containsExactly("abc", "de");
    }

    @Test
    void aMessageOfExactlyTheLimitIsDelivered() {
        binary("abcd", false);
        binary("efgh", true);

        assertThat(binaries()).containsExactly("abcdefgh");
    }

    @Test
    void aMessageOverTheLimitIsSkippedAndTheNextOneArrivesIntact() {
        binary("abcde", false);
        binary("fghi", false); // 9 bytes: over the limit, nothing more is kept
        binary("jk", true);
        binary("ok", true);

        assertThat(binaries()).containsExactly("ok");
    }

    @Test
    void anEmptyBinaryMessageIsDeliveredEmpty() {
        binary("", true);

        assertThat(received.binaries).hasSize(1);
        assertThat(received.binaries.getFirst()).isEmpty();
    }

    @Test
    void textPartsAreJoinedIntoOneMessage() {
        listener.onText(socket, "{\"type\":", false);
        listener.onText(socket, "\"id\"}", true);
        listener.onText(socket, "next", true);

        assertThat(received.texts).containsExactly("{\"type\":\"id\"}", "next");
    }

    @Test
    void oneMessagePartIsRequestedAtATime() {
        assertThat(socket.requested).isEqualTo(1);

        binary("a", false);
        binary("b", true);
        listener.onText(socket, "t", true);

        assertThat(socket.requested).isEqualTo(4);
    }

    @Test
    void aCloseFrameIsReportedWithItsCodeAndReason() {
        listener.onClose(socket, 4001, "Unauthorized");

        assertThat(received.closes).containsExactly("4001 Unauthorized");
    }

    @Test
    void anErrorIsReportedAsAnEndWithCodeMinusOne() {
        listener.onError(socket, new java.io.IOException("reset by peer"));

        assertThat(received.closes).containsExactly("-1 reset by peer");
    }
}
