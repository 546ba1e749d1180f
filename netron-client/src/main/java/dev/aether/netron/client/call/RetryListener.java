package dev.aether.netron.client.call;

import java.time.Duration;

/**
 * Told before each new attempt of a call (the reference's {@code onRetry}).
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.attempts(3).onRetry((call, attempt, error, wait) ->
 *         log.info("{} failed ({}); attempt {} in {}", call.describe(), error.getMessage(), attempt + 1, wait));
 * }</pre>
 */
@FunctionalInterface
public interface RetryListener {
    /** {@code failedAttempt} (1 for the first) failed with {@code error}; the next starts after {@code wait}. */
    void onRetry(Call call, int failedAttempt, Throwable error, Duration wait);
}
