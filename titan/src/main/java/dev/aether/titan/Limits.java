package dev.aether.titan;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits that keep a Titan's memory and threads bounded whatever peers send, and slow down
 * credential guessing; every one has a default that is safe on the open internet. Set them with
 * {@link Titan.Builder}; {@code docs/titan.md} ("Limits and defaults") lists them all.
 *
 * <pre>{@code
 * Titan.builder().maxBatchItems(50).headerReadTimeout(Duration.ofSeconds(5)).build();
 * }</pre>
 *
 * @param maxBatchItems             items one {@code /netron/batch} may carry (100; one more answers 413)
 * @param headerReadTimeout         how long a new connection may take to send its first request's headers
 *                                  (10 s); a kept-alive connection has the idle timeout plus this for its next one
 * @param idleTimeout               how long an HTTP connection may stay silent (30 s)
 * @param maxUnfinishedMessageBytes bytes all WebSocket connections together may hold in messages they
 *                                  have not finished sending (64 MiB; a peer that needs more is closed with 1013)
 * @param messageTimeout            how long a peer may take to finish a fragmented WebSocket message (30 s, else 1008)
 * @param authAttempts              how often authentication may be tried, per IP address and per identity
 */
public record Limits(int maxBatchItems, Duration headerReadTimeout, Duration idleTimeout, long maxUnfinishedMessageBytes,
                     Duration messageTimeout, AuthAttempts authAttempts) {
    /**
     * A batching client sends tens of calls (the reference client's batches hold at most 10); 100
     * leaves room for a hand-written batch while one request can start no more than 100 calls.
     */
    public static final int DEFAULT_MAX_BATCH_ITEMS = 100;
    public static final long DEFAULT_MAX_UNFINISHED_MESSAGE_BYTES = 64L * 1024 * 1024;

    public Limits {
        if (maxBatchItems < 1) {
            throw new IllegalArgumentException("maxBatchItems must be at least 1, got " + maxBatchItems);
        }
        if (maxUnfinishedMessageBytes < 1) {
            throw new IllegalArgumentException("maxUnfinishedMessageBytes must be positive, got " + maxUnfinishedMessageBytes);
        }
        positive(headerReadTimeout, "headerReadTimeout");
        positive(idleTimeout, "idleTimeout");
        positive(messageTimeout, "messageTimeout");
        Objects.requireNonNull(authAttempts, "authAttempts");
    }

    /** The documented defaults. */
    public static Limits defaults() {
        return new Limits(DEFAULT_MAX_BATCH_ITEMS, Duration.ofSeconds(10), Duration.ofSeconds(30), DEFAULT_MAX_UNFINISHED_MESSAGE_BYTES,
                Duration.ofSeconds(30), AuthAttempts.defaults());
    }

    Limits withMaxBatchItems(int max) {
        return new Limits(max, headerReadTimeout, idleTimeout, maxUnfinishedMessageBytes, messageTimeout, authAttempts);
    }

    Limits withTimeouts(Duration headerRead, Duration idle) {
        return new Limits(maxBatchItems, headerRead, idle, maxUnfinishedMessageBytes, messageTimeout, authAttempts);
    }

    Limits withUnfinishedMessages(long maxBytes, Duration timeout) {
        return new Limits(maxBatchItems, headerReadTimeout, idleTimeout, maxBytes, timeout, authAttempts);
    }

    Limits withAuthAttempts(AuthAttempts attempts) {
        return new Limits(maxBatchItems, headerReadTimeout, idleTimeout, maxUnfinishedMessageBytes, messageTimeout, attempts);
    }

    /**
     * How many authentication attempts are allowed per {@code window}: {@code perIp} from one IP
     * address and {@code perIdentity} for one identity (the {@code username}, {@code email} or
     * {@code login} of the credentials), whatever their outcome. 0 turns a limit off.
     *
     * <pre>{@code
     * new Limits.AuthAttempts(30, 10, Duration.ofMinutes(1))   // the default
     * }</pre>
     */
    public record AuthAttempts(int perIp, int perIdentity, Duration window) {
        public AuthAttempts {
            if (perIp < 0 || perIdentity < 0) {
                throw new IllegalArgumentException("attempt limits must not be negative, got " + perIp + " / " + perIdentity);
            }
            positive(window, "window");
        }

        /**
         * 30 per minute per IP (a household or an office behind one address still logs in), 10 per
         * minute per identity (a person retyping a password needs a few; a guesser gets 14,400 a day
         * instead of millions).
         */
        public static AuthAttempts defaults() {
            return new AuthAttempts(30, 10, Duration.ofMinutes(1));
        }

        /** No limit: only for tests and servers behind a gateway that throttles already. */
        public static AuthAttempts unlimited() {
            return new AuthAttempts(0, 0, Duration.ofMinutes(1));
        }
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }
}
