package dev.aether.netron.client.call;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failed call is tried again (needs a {@code RetryInterceptor} on the client). The
 * defaults are the reference's: 3 attempts, exponential backoff from 1 s by a factor of 2 up to
 * 30 s, 10 % jitter, and the standard decision (see {@code RetryDecision.standard()}).
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.attempts(5)
 *         .backoff(RetryPolicy.Backoff.LINEAR, Duration.ofMillis(200), Duration.ofSeconds(2))
 *         .attemptTimeout(Duration.ofSeconds(3));
 * Users users = client.withOptions(o -> o.retry(policy).idempotent(true)).service(Users.class);
 * }</pre>
 *
 * @param attempts       how many times the call is made at most, the first included
 * @param backoff        how the wait between attempts grows
 * @param initialDelay   the first wait
 * @param maxDelay       no wait is longer (except one a server asks for with Retry-After)
 * @param factor         the exponential backoff's multiplier
 * @param jitter         each wait varies randomly by this fraction (0 to below 1), so clients
 *                       that failed together do not retry together
 * @param attemptTimeout how long each attempt may take, or null for the call's timeout
 * @param decision       which failures are worth another attempt, or null for the standard one
 * @param listener       told before each new attempt, or null
 */
public record RetryPolicy(int attempts, Backoff backoff, Duration initialDelay, Duration maxDelay, double factor, double jitter,
                          Duration attemptTimeout, RetryDecision decision, RetryListener listener) {
    /** How the wait between attempts grows. */
    public enum Backoff {
        /** initialDelay × factor^(n-1) */
        EXPONENTIAL,
        /** initialDelay × n */
        LINEAR,
        /** initialDelay every time */
        CONSTANT
    }

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be at least 1, got " + factor);
        }
    }

    /** The reference's defaults with {@code attempts} attempts in all. */
    public static RetryPolicy attempts(int attempts) {
        return new RetryPolicy(attempts, Backoff.EXPONENTIAL, Duration.ofSeconds(1), Duration.ofSeconds(30), 2, 0.1, null, null, null);
    }

    /** This policy with another backoff. */
    public RetryPolicy backoff(Backoff backoff, Duration initialDelay, Duration maxDelay) {
        return new RetryPolicy(attempts, backoff, initialDelay, maxDelay, factor, jitter, attemptTimeout, decision, listener);
    }

    /** This policy with another exponential factor. */
    public RetryPolicy factor(double factor) {
        return new RetryPolicy(attempts, backoff, initialDelay, maxDelay, factor, jitter, attemptTimeout, decision, listener);
    }

    /** This policy with another jitter (0 for exact waits). */
    public RetryPolicy jitter(double jitter) {
        return new RetryPolicy(attempts, backoff, initialDelay, maxDelay, factor, jitter, attemptTimeout, decision, listener);
    }

    /** This policy with a timeout per attempt. */
    public RetryPolicy attemptTimeout(Duration attemptTimeout) {
        return new RetryPolicy(attempts, backoff, initialDelay, maxDelay, factor, jitter, attemptTimeout, decision, listener);
    }

    /** This policy deciding with {@code decision} instead of the standard decision. */
    public RetryPolicy retryIf(RetryDecision decision) {
        return new RetryPolicy(attempts, backoff, initialDelay, maxDelay, factor, jitter, attemptTimeout, decision, listener);
    }

    /** This policy telling {@code listener} before each new attempt. */
    public RetryPolicy onRetry(RetryListener listener) {
        return new RetryPolicy(attempts, backoff, initialDelay, maxDelay, factor, jitter, attemptTimeout, decision, listener);
    }
}
