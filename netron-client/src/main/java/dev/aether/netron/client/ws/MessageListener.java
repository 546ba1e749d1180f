package dev.aether.netron.client.ws;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Joins the JDK's message parts into whole messages and hands them on; one message at a time
 * is requested, so a peer cannot make the client buffer more than one message. A binary message
 * larger than {@code maxBytes} is skipped (counted, not stored).
 */
final class MessageListener implements WebSocket.Listener {
    /** Where whole messages and the end of the connection go. */
    interface Inbound {
        void binary(byte[] message);

        void text(String message);

        /** A pong answered one of our pings. */
        default void pong() {
        }

        /** The connection ended: a close frame ({@code code}) or an error ({@code code} -1). */
        void closed(int code, String reason);
    }

    private final Inbound inbound;
    private final int maxBytes;
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final StringBuilder text = new StringBuilder();
    private long binaryBytes;

    MessageListener(Inbound inbound, int maxBytes) {
        this.inbound = inbound;
        this.maxBytes = maxBytes;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        binaryBytes += data.remaining();
        if (binaryBytes <= maxBytes) {
            byte[] part = new byte[data.remaining()];
            data.get(part);
            binary.writeBytes(part);
        } else {
            binary.reset();
        }
        if (last) {
            if (binaryBytes <= maxBytes) {
                inbound.binary(binary.toByteArray());
            }
            binary.reset();
            binaryBytes = 0;
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            inbound.text(text.toString());
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        inbound.pong();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        inbound.closed(statusCode, reason);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        inbound.closed(-1, String.valueOf(error.getMessage()));
    }
}
