package dev.aether.benchmarks.live;

import dev.aether.web.protocol.LiveProtocol;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The client end of one live session's WebSocket, doing what the browser runtime does with it:
 * waits for the resume frame, remembers the last frame number (for acknowledgements), and
 * timestamps the frame that carries the value a round is waiting for.
 *
 * <p>Jetty delivers one connection's messages one at a time, so the per-connection fields need
 * no lock. Public only because Jetty's listener metadata needs a public class.
 */
public final class ClientSocket implements Session.Listener.AutoDemanding {
    private static final String RESUME_PREFIX = "[\"" + LiveProtocol.Outbound.RESUME + "\",";
    final int index;
    final LivePage page;
    private final LiveClient owner;
    /** Completes on the resume frame ({@code ["resume",lastEvent]}), which follows any replayed frames. */
    final CompletableFuture<String> resumed = new CompletableFuture<>();
    volatile Session session;
    volatile long lastSeq;
    volatile List<String> recorder;
    long ackedSeq;

    ClientSocket(int index, LivePage page, LiveClient owner) {
        this.index = index;
        this.page = page;
        this.owner = owner;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        session = s;
    }

    @Override
    public void onWebSocketText(String message) {
        long now = System.nanoTime();
        LiveClient.Round round = owner.round;
        if (round != null) {
            round.offer(this, message, now);
        }
        List<String> rec = recorder;
        if (rec != null) {
            rec.add(message);
        }
        long seq = seqOf(message);
        if (seq > lastSeq) {
            lastSeq = seq;
        }
        if (!resumed.isDone() && isResume(message)) {
            resumed.complete(message);   // frames the session made before the attach are replayed before it
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        resumed.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        resumed.completeExceptionally(cause);
    }

    void send(String text) {
        Session s = session;
        if (s == null) {
            throw new IllegalStateException("socket " + index + " is not open");
        }
        s.sendText(text, Callback.NOOP);
    }

    /** The frame number: a server frame is {@code [seq, [patches], ack]}. */
    /** Whether {@code frame} is the resume frame {@code ["resume", lastEvent]}. */
    static boolean isResume(String frame) {
        return frame.startsWith(RESUME_PREFIX);
    }

    static long seqOf(String frame) {
        long n = 0;
        for (int i = 1; i < frame.length(); i++) {
            char c = frame.charAt(i);
            if (c < '0' || c > '9') {
                return i == 1 ? -1 : n;
            }
            n = n * 10 + (c - '0');
        }
        return -1;
    }
}
