package dev.aether.netron.client.ws;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * Sends messages on a JDK {@link WebSocket} one after the other. The JDK allows only one
 * outstanding text/binary send at a time (a second one fails with IllegalStateException), while
 * many threads call at once; each send here starts when the previous one has finished.
 *
 * <pre>{@code
 * OrderedSender sender = new OrderedSender(webSocket);
 * sender.binary(frame).exceptionally(e -> { fail the call; return null; });
 * }</pre>
 */
final class OrderedSender {
    private final WebSocket socket;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    OrderedSender(WebSocket socket) {
        this.socket = socket;
    }

    CompletableFuture<Void> binary(byte[] bytes) {
        return enqueue(() -> socket.sendBinary(ByteBuffer.wrap(bytes), true));
    }

    CompletableFuture<Void> text(String text) {
        return enqueue(() -> socket.sendText(text, true));
    }

    private synchronized CompletableFuture<Void> enqueue(java.util.function.Supplier<CompletableFuture<WebSocket>> send) {
        // A failed send must not block the ones after it: they run (and fail on their own) regardless.
        CompletableFuture<Void> sent = tail.handle((ignored, error) -> null)
                .thenCompose(ignored -> send.get())
                .thenApply(ws -> null);
        tail = sent;
        return sent;
    }
}
