package dev.aether.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A test's browser-tab end of the live channel, over a real WebSocket: what the server sends is
 * queued frame by frame, and what the tab sends is written as is (no runtime in between).
 *
 * <pre>{@code
 * try (LiveTab tab = LiveTab.connect(sockets, URI.create("ws://127.0.0.1:" + port + "/_aether/live?s=" + token + "&last=0"), cookie, null)) {
 *     assertThat(Frames.parse(tab.next())).isEqualTo(resume(0));
 *     tab.send("[\"e\",1,\"1\",\"click\",{},0]");
 * }
 * }</pre>
 */
public final class LiveTab implements Session.Listener.AutoDemanding, AutoCloseable {
    /** The frames received and not yet taken, oldest first. */
    public final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    /** Completes with the close code when the server closes the connection. */
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    /** The reason the server closed the connection with, once {@link #closed} is complete. */
    public volatile String closeReason;
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    volatile Session session;

    /**
     * Opens {@code uri} (the live endpoint with its {@code s} and {@code last}) as a tab would,
     * sending the live cookie {@code liveCookie} and the header {@code Origin: origin} (either
     * null: not sent).
     */
    public static LiveTab connect(WebSocketClient sockets, URI uri, String liveCookie, String origin) throws Exception {
        LiveTab tab = new LiveTab();
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        if (origin != null) {
            request.setHeader("Origin", origin);
        }
        if (liveCookie != null) {
            request.setHeader("Cookie", "aether_live=" + liveCookie);
        }
        sockets.connect(tab, uri, request).get(10, TimeUnit.SECONDS);
        return tab;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketText(String message) {
        frames.add(message);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        closeReason = reason;
        closed.complete(statusCode);
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        errors.add(cause);   // a connection the test closed while sending; asserted where it matters
    }

    /** The next frame; fails the test if none comes within 20 s. */
    public String next() throws InterruptedException {
        // generous: a loaded 2-core CI machine can take seconds over a flood of 60 KB events
        String frame = frames.poll(20, TimeUnit.SECONDS);
        assertThat(frame).as("a frame within 20 s").isNotNull();
        return frame;
    }

    public void send(String text) {
        session.sendText(text, Callback.NOOP);
    }

    /** The code the server closed the connection with; fails the test if it stays open 5 s. */
    public int closeCode() throws Exception {
        return closed.get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (session != null && session.isOpen()) {
            session.close();
        }
    }
}
