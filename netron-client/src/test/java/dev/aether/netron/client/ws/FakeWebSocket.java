package dev.aether.netron.client.ws;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JDK {@link WebSocket} that keeps what is sent on it. Like the JDK's, it refuses a second
 * text or binary send while one is outstanding (IllegalStateException); each send stays
 * outstanding until the test completes its future from {@link #sends}.
 */
final class FakeWebSocket implements WebSocket {
    /** One send: what was sent and the future the sender waits on. */
    record Send(String what, CompletableFuture<WebSocket> done) {
    }

    final List<Send> sends = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Send> arrivals = new LinkedBlockingQueue<>();
    volatile long requested;
    private volatile CompletableFuture<WebSocket> outstanding = CompletableFuture.completedFuture(this);

    private synchronized CompletableFuture<WebSocket> send(String what) {
        if (!outstanding.isDone()) {
            return CompletableFuture.failedFuture(new IllegalStateException("Send pending"));
        }
        outstanding = new CompletableFuture<>();
        Send send = new Send(what, outstanding);
        sends.add(send);
        arrivals.add(send);
        return outstanding;
    }

    /** The next send not yet taken, waiting up to ten seconds for it. */
    Send nextSend() throws InterruptedException {
        Send next = arrivals.poll(10, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no send within 10 s");
        }
        return next;
    }

    @Override
    public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
        return send("text:" + data);
    }

    @Override
    public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return send("binary:" + new String(bytes, StandardCharsets.US_ASCII));
    }

    @Override
    public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void request(long n) {
        requested += n;
    }

    @Override
    public String getSubprotocol() {
        return "";
    }

    @Override
    public boolean isOutputClosed() {
        return false;
    }

    @Override
    public boolean isInputClosed() {
        return false;
    }

    @Override
    public void abort() {
    }
}
