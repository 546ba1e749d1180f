package dev.aether.netron.protocol.stream;

import dev.aether.netron.protocol.error.StreamException;
import dev.aether.netron.protocol.packet.Packet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stream the peer sends us, as a {@link Flow.Publisher} for one subscriber. Chunks are put back
 * in index order (a gap is waited for, also when EOS has already arrived), handed to the
 * subscriber only as it requests them, on an executor thread (never the socket's). With credits
 * the sender is allowed at most {@link StreamLimits#credits()} chunks beyond what the subscriber
 * has taken; without, more than {@link StreamLimits#maxBufferedChunks()} held chunks fail the
 * stream with 429 and a STREAM_ERROR to the sender. A non-live stream that gets no chunk for
 * {@link StreamLimits#inactivityTimeout()} while the sender may send fails with 410.
 *
 * <pre>{@code
 * InboundStream prices = streams.accept(reference);
 * prices.convertWith(v -> codec.convert(v, Price.class));
 * prices.subscribe(subscriber);                 // request(1) → one price
 * }</pre>
 */
public final class InboundStream implements Flow.Publisher<Object> {
    private final long streamId;
    private final boolean live;
    private final StreamChannel channel;
    private final StreamLimits limits;
    private final boolean credited;
    private final Executor executor;
    private final AtomicInteger wip = new AtomicInteger();
    private volatile Function<Object, ?> converter = Function.identity();

    private final Map<Long, Object> held = new HashMap<>();
    private Flow.Subscriber<? super Object> subscriber;
    private long next;              // index of the next chunk to hand over
    private long received;          // highest index received + 1
    private long end = -1;          // index of the EOS marker, once known
    private long demand;
    private long granted;           // credited: the sender may send chunks with index below this
    private Throwable failure;      // to deliver
    private boolean terminated;     // no more signals after the pending ones
    private boolean signalled;      // onComplete/onError delivered
    private long lastActivity = System.nanoTime();
    private ScheduledFuture<?> inactivity;

    InboundStream(long streamId, boolean live, StreamChannel channel, StreamLimits limits, boolean credited, Executor executor) {
        this.streamId = streamId;
        this.live = live;
        this.channel = channel;
        this.limits = limits;
        this.credited = credited;
        this.executor = executor;
        this.granted = credited ? limits.credits() : Long.MAX_VALUE;
        if (!live) scheduleInactivityCheck(limits.inactivityTimeout().toNanos());
    }

    public long streamId() {
        return streamId;
    }

    public boolean live() {
        return live;
    }

    /** Converts each chunk before it reaches the subscriber (a failing conversion fails the stream). */
    public void convertWith(Function<Object, ?> converter) {
        this.converter = converter;
    }

    /** Chunks received and not yet handed to the subscriber. */
    public synchronized int held() {
        return held.size();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super Object> s) {
        synchronized (this) {
            if (subscriber == null) {
                subscriber = s;
            } else {
                s.onSubscribe(new NoSubscription());
                s.onError(new IllegalStateException("A Netron stream has one subscriber; stream " + streamId + " already has one"));
                return;
            }
        }
        s.onSubscribe(new Subscription());
        drain();
    }

    /** Cancels the stream if no one subscribed to it (a call that failed before reading its argument). */
    public void cancelIfUnread() {
        boolean unread;
        synchronized (this) {
            unread = subscriber == null && !terminated;
        }
        if (unread) new Subscription().cancel();
    }

    void onChunk(long index, Object data, boolean eos) {
        boolean overflow = false;
        synchronized (this) {
            if (terminated) return;
            lastActivity = System.nanoTime();
            if (index < next) return; // a repeat
            received = Math.max(received, index + 1);
            if (eos) {
                end = index;
            } else if (held.size() >= limits.maxBufferedChunks() || index - next >= limits.maxBufferedChunks() + (long) limits.credits()) {
                overflow = true;
            } else {
                held.put(index, data);
            }
        }
        if (overflow) {
            String message = "Stream " + streamId + " has more than " + limits.maxBufferedChunks()
                    + " chunks waiting for the consumer: the sender is faster than the consumer";
            abort(StreamException.backpressure(message), StreamPackets.error(channel.nextPacketId(), streamId, message), false);
            return;
        }
        drain();
    }

    /** The sender failed (STREAM_ERROR). */
    void onRemoteError(String message) {
        abort(StreamException.error(message.isEmpty() ? "Stream " + streamId + " failed" : message), null, true);
    }

    /** The sender destroyed the stream (STREAM_CLOSE). */
    void onRemoteClose(String reason) {
        abort(StreamException.closed(reason.isEmpty() ? "Stream " + streamId + " was closed by the sender" : reason), null, true);
    }

    /** The connection is gone, or the table refuses the stream: fail without telling the peer. */
    void fail(Throwable cause) {
        abort(cause, null, false); // at once: what was held is of no use to someone who must reconnect
    }

    /**
     * Ends the stream with {@code cause}. With {@code afterHeld}, chunks that arrived before the
     * failure still reach the subscriber first as far as it requests them (the sender's failure
     * came after them on the wire); otherwise they are dropped at once.
     */
    private void abort(Throwable cause, Packet tellPeer, boolean afterHeld) {
        synchronized (this) {
            if (terminated) return;
            terminated = true;
            failure = cause;
            if (!afterHeld) held.clear();
        }
        release(); // before telling the peer, so that whoever hears of the end finds the stream gone
        if (tellPeer != null) sendQuietly(tellPeer);
        drain();
    }

    private void release() {
        ScheduledFuture<?> check;
        synchronized (this) {
            check = inactivity;
            inactivity = null;
        }
        if (check != null) check.cancel(false);
        channel.forget(this, streamId);
    }

    /** Hands over what may be handed over, on the executor, one drainer at a time. */
    private void drain() {
        if (wip.getAndIncrement() == 0) {
            executor.execute(this::drainLoop);
        }
    }

    private void drainLoop() {
        int missed = 1;
        do {
            deliverReady();
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void deliverReady() {
        while (true) {
            Flow.Subscriber<? super Object> s;
            Object item = null;
            Throwable error = null;
            boolean complete = false;
            long upTo = -1;
            synchronized (this) {
                s = subscriber;
                if (s == null || signalled) return;
                if (failure != null && !held.containsKey(next)) {
                    // Like gRPC: items that came before the failure are handed over first, as they
                    // are requested, then the failure; a gap can no longer be filled.
                    signalled = true;
                    error = failure;
                    held.clear();
                } else if (next == end) {
                    signalled = true;
                    terminated = true;
                    complete = true;
                } else if (demand > 0 && held.containsKey(next)) {
                    item = held.remove(next);
                    next++;
                    demand--;
                    if (credited && next + limits.credits() - granted >= Math.max(1, limits.credits() / 2)) {
                        granted = next + limits.credits();
                        upTo = granted;
                        lastActivity = System.nanoTime();
                    }
                } else {
                    return;
                }
            }
            if (error != null) {
                s.onError(error);
                return;
            }
            if (complete) {
                release();
                s.onComplete();
                return;
            }
            if (upTo > 0) sendQuietly(StreamPackets.credit(channel.nextPacketId(), streamId, upTo));
            Object converted;
            try {
                converted = converter.apply(item);
            } catch (RuntimeException e) {
                abort(StreamException.error("Stream " + streamId + " sent an item that cannot be read: " + e.getMessage()),
                        StreamPackets.close(channel.nextPacketId(), streamId, "unreadable item"), false);
                continue;
            }
            s.onNext(converted);
        }
    }

    private void sendQuietly(Packet packet) {
        try {
            channel.send(packet, () -> { });
        } catch (RuntimeException ignored) {
            // our own control packets always encode
        }
    }

    private void scheduleInactivityCheck(long delayNanos) {
        synchronized (this) {
            if (terminated) return;
            inactivity = StreamTimers.schedule(this::checkInactivity, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void checkInactivity() {
        long idle;
        boolean waitingForSender;
        synchronized (this) {
            if (terminated) return;
            idle = System.nanoTime() - lastActivity;
            waitingForSender = granted > received; // with credits, a stream the consumer does not read is not idle
        }
        long timeout = limits.inactivityTimeout().toNanos();
        if (idle >= timeout && waitingForSender) {
            String message = "Stream " + streamId + " timed out after " + limits.inactivityTimeout().toMillis() + " ms without data";
            abort(StreamException.closed(message), StreamPackets.close(channel.nextPacketId(), streamId, message), false);
        } else {
            scheduleInactivityCheck(Math.max(timeout - idle, timeout / 4));
        }
    }

    private final class Subscription implements Flow.Subscription {
        @Override
        public void request(long n) {
            if (n <= 0) {
                String message = "request(" + n + "): a subscriber must request a positive number (Reactive Streams rule 3.9)";
                abort(new IllegalArgumentException(message), StreamPackets.close(channel.nextPacketId(), streamId, "cancelled by the receiver"), false);
                return;
            }
            synchronized (InboundStream.this) {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            }
            drain();
        }

        @Override
        public void cancel() {
            synchronized (InboundStream.this) {
                if (terminated) return;
                terminated = true;
                signalled = true;
                held.clear();
            }
            sendQuietly(StreamPackets.close(channel.nextPacketId(), streamId, "cancelled by the receiver"));
            release();
        }
    }

    private static final class NoSubscription implements Flow.Subscription {
        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    }
}
