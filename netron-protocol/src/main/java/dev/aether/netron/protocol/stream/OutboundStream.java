package dev.aether.netron.protocol.stream;

import dev.aether.netron.protocol.definition.StreamReference;
import dev.aether.netron.protocol.packet.Packet;
import java.util.concurrent.Flow;
import java.util.function.IntSupplier;

/**
 * A stream we send: subscribes to the source and writes each item as a chunk, asking the source
 * only for what may go out now. With credits (negotiated) that is what the receiver granted;
 * without, the reference behaviour: as fast as the socket writes, never more than
 * {@link StreamLimits#maxUnwritten()} chunks handed to it and not yet written. Either way a slow
 * consumer stops the source instead of filling memory.
 *
 * <pre>{@code
 * OutboundStream out = streams.open(publisher, true);
 * outbox.send(call.reply(out.reference(serverId)));
 * out.start();                                     // chunks go after the reply
 * }</pre>
 */
public final class OutboundStream implements Flow.Subscriber<Object> {
    private final long streamId;
    private final boolean live;
    private final Flow.Publisher<?> source;
    private final StreamChannel channel;
    private final IntSupplier peerCredits;
    private final int maxUnwritten;
    private boolean credited;   // decided at start(): the handshake may settle after the stream was opened

    private Flow.Subscription subscription;
    private long allowedUpTo;   // credited: chunks with index below this may go
    private long nextIndex;     // index of the next chunk
    private long outstanding;   // requested from the source, not delivered yet
    private int unwritten;      // handed to the socket, not written yet
    private boolean done;

    OutboundStream(long streamId, boolean live, Flow.Publisher<?> source, StreamChannel channel, IntSupplier peerCredits, int maxUnwritten) {
        this.streamId = streamId;
        this.live = live;
        this.source = source;
        this.channel = channel;
        this.peerCredits = peerCredits;
        this.maxUnwritten = maxUnwritten;
    }

    /** The value that tells the peer about this stream: writable by us, owned by {@code ownPeerId}. */
    public StreamReference reference(String ownPeerId) {
        return new StreamReference(streamId, StreamReference.Kind.WRITABLE, live, ownPeerId);
    }

    public long streamId() {
        return streamId;
    }

    /** Subscribes to the source: chunks start to flow. */
    public void start() {
        int window = peerCredits.getAsInt();
        synchronized (this) {
            credited = window > 0;
            allowedUpTo = Math.max(allowedUpTo, window); // a grant may already have come
        }
        source.subscribe(this);
    }

    /** How many chunks went out (the EOS marker not counted). */
    public synchronized long sent() {
        return nextIndex;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        boolean cancelNow;
        synchronized (this) {
            cancelNow = done || subscription != null;
            if (!cancelNow) subscription = s;
        }
        if (cancelNow) {
            s.cancel();
            return;
        }
        pump();
    }

    @Override
    public void onNext(Object item) {
        long index;
        synchronized (this) {
            if (done) return;
            if (--outstanding < 0) {
                done = true;
                index = -1;
            } else {
                index = nextIndex++;
                unwritten++;
            }
        }
        if (index < 0) {
            subscription.cancel();
            finish(StreamPackets.error(channel.nextPacketId(), streamId, "The stream's source sent more items than requested"));
            return;
        }
        try {
            channel.send(StreamPackets.chunk(channel.nextPacketId(), streamId, index, item, live), this::written);
        } catch (RuntimeException encodeFailure) {
            synchronized (this) {
                done = true;
            }
            subscription.cancel();
            finish(StreamPackets.error(channel.nextPacketId(), streamId, channel.describe(encodeFailure)));
        }
    }

    @Override
    public void onError(Throwable failure) {
        if (markDone()) {
            finish(StreamPackets.error(channel.nextPacketId(), streamId, channel.describe(failure)));
        }
    }

    @Override
    public void onComplete() {
        long end;
        synchronized (this) {
            if (done) return;
            done = true;
            end = nextIndex;
        }
        finish(StreamPackets.end(channel.nextPacketId(), streamId, end, live));
    }

    /** The receiver let us send chunks with index below {@code upTo}. */
    void grant(long upTo) {
        synchronized (this) {
            if (upTo <= allowedUpTo) return;
            allowedUpTo = upTo;
        }
        pump();
    }

    /** The receiver closed the stream or the connection is gone: stop the source, send nothing more. */
    void cancel() {
        Flow.Subscription s;
        synchronized (this) {
            if (done) return;
            done = true;
            s = subscription;
        }
        if (s != null) s.cancel();
        channel.forget(this, streamId);
    }

    private void written() {
        synchronized (this) {
            unwritten--;
        }
        pump();
    }

    /** Requests from the source what may go out now and has not been asked for yet. */
    private void pump() {
        long want;
        Flow.Subscription s;
        synchronized (this) {
            s = subscription;
            if (done || s == null) return;
            long bySocket = maxUnwritten - unwritten;
            long byCredit = credited ? allowedUpTo - nextIndex : Long.MAX_VALUE;
            want = Math.min(bySocket, byCredit) - outstanding;
            if (want <= 0) return;
            outstanding += want;
        }
        s.request(want);
    }

    private synchronized boolean markDone() {
        if (done) return false;
        done = true;
        return true;
    }

    private void finish(Packet last) {
        try {
            channel.send(last, () -> { });
        } catch (RuntimeException ignored) {
            // an error text that cannot be encoded: the receiver's inactivity timeout ends it
        }
        channel.forget(this, streamId);
    }
}
