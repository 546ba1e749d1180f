package dev.aether.netron.client.call;

import dev.aether.netron.protocol.error.NetronException;

/**
 * Whether a failed attempt is worth another. The {@linkplain #standard() standard decision} is
 * the reference's.
 *
 * <pre>{@code
 * RetryDecision onlyUnavailable = (error, call) -> error instanceof NetronException e && e.code() == 503;
 * RetryPolicy policy = RetryPolicy.attempts(4).retryIf(onlyUnavailable);
 * }</pre>
 */
@FunctionalInterface
public interface RetryDecision {
    /** Whether to try {@code call} again after {@code error} (never a CompletionException wrapper). */
    boolean shouldRetry(Throwable error, Call call);

    /**
     * The reference's decision: never a programming error (anything not a NetronException) nor
     * a fail-fast from an open circuit; 429 always (after its Retry-After); 408 and the
     * retryable 5xx codes (500, 502, 503, 504, 507, 511) only for idempotent calls, which may
     * safely run twice; any other 4xx never.
     */
    static RetryDecision standard() {
        return (error, call) -> {
            if (!(error instanceof NetronException e) || e.details().containsKey(CIRCUIT_OPEN_DETAIL)) {
                return false;
            }
            if (e.code() == 429) {
                return true;
            }
            return (e.code() == 408 || e.code() >= 500) && NetronException.isRetryable(e.code()) && call.options().idempotent();
        };
    }

    /**
     * The standard decision for a server that keeps results by idempotency key (a Titan): a call
     * carrying a key ({@link Call#idempotencyKey()}) counts as idempotent, so a mutation whose
     * answer was lost (503, 408) is tried again and the server answers the retry with the first
     * result. Do not use it against a server that ignores the key (the TypeScript Titan): the
     * mutation would run twice.
     *
     * <pre>{@code
     * RetryPolicy policy = RetryPolicy.attempts(3).retryIf(RetryDecision.standardWithKeys());
     * }</pre>
     */
    static RetryDecision standardWithKeys() {
        RetryDecision standard = standard();
        return (error, call) -> standard.shouldRetry(error, call.idempotencyKey() == null ? call
                : call.withOptions(call.options().toBuilder().idempotent(true).build()));
    }

    /** The detail a circuit breaker's fail-fast carries: retrying it at once would only fail again. */
    String CIRCUIT_OPEN_DETAIL = "nextAttemptAt";
}
