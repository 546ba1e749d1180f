package dev.aether.netron.protocol.stream;

import java.time.Duration;

/**
 * The bounds of the streams of one connection.
 *
 * <pre>{@code
 * StreamLimits limits = StreamLimits.defaults().withCredits(64);
 * }</pre>
 *
 * @param credits            the window: chunks a sender may run ahead of what the receiver's
 *                           subscriber has taken, per stream, when both peers negotiated credits
 * @param maxBufferedChunks  chunks a receiver holds for one stream (out of order, or not yet
 *                           requested by its subscriber) before it fails the stream with 429; what
 *                           bounds memory when the peer does not speak credits (the reference's 10,000)
 * @param maxUnwritten       chunks a sender hands to the socket before earlier ones are written:
 *                           the only brake towards a peer without credits, as in the reference
 * @param maxStreams         streams per direction per peer (the reference's 1,000)
 * @param inactivityTimeout  how long a non-live stream may wait for its next chunk (60 s)
 */
public record StreamLimits(int credits, int maxBufferedChunks, int maxUnwritten, int maxStreams, Duration inactivityTimeout) {

    /** The defaults: window 1,024, buffer 10,000, 64 unwritten, 1,000 streams, 60 s. */
    public static StreamLimits defaults() {
        return new StreamLimits(1024, 10_000, 64, 1000, Duration.ofSeconds(60));
    }

    public StreamLimits {
        if (credits < 1 || maxBufferedChunks < credits || maxUnwritten < 1 || maxStreams < 1
                || inactivityTimeout == null || inactivityTimeout.isNegative() || inactivityTimeout.isZero()) {
            throw new IllegalArgumentException("invalid stream limits: credits " + credits + ", buffer " + maxBufferedChunks
                    + " (at least credits), unwritten " + maxUnwritten + ", streams " + maxStreams + ", timeout " + inactivityTimeout);
        }
    }

    public StreamLimits withCredits(int credits) {
        return new StreamLimits(credits, Math.max(maxBufferedChunks, credits), maxUnwritten, maxStreams, inactivityTimeout);
    }

    public StreamLimits withMaxBufferedChunks(int chunks) {
        return new StreamLimits(credits, chunks, maxUnwritten, maxStreams, inactivityTimeout);
    }

    public StreamLimits withMaxStreams(int streams) {
        return new StreamLimits(credits, maxBufferedChunks, maxUnwritten, streams, inactivityTimeout);
    }

    public StreamLimits withInactivityTimeout(Duration timeout) {
        return new StreamLimits(credits, maxBufferedChunks, maxUnwritten, maxStreams, timeout);
    }
}
