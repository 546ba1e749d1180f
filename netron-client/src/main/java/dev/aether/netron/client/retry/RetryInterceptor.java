package dev.aether.netron.client.retry;

import dev.aether.netron.client.call.Call;
import dev.aether.netron.client.call.CallInterceptor;
import dev.aether.netron.client.call.RetryDecision;
import dev.aether.netron.client.call.RetryPolicy;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.RateLimitException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tries calls that carry a {@link RetryPolicy} again when their decision says so, waiting as
 * the policy's backoff says, or as long as the server's {@code Retry-After} asks (429). Runs on
 * Resilience4j Retry; the waits are scheduled, no thread sleeps. Put it before the circuit
 * breaker so each attempt counts there.
 *
 * <pre>{@code
 * NetronClient client = NetronClient.builder(transport).interceptor(new RetryInterceptor()).build();
 * Users users = client.withOptions(o -> o.retry(RetryPolicy.attempts(3)).idempotent(true)).service(Users.class);
 * }</pre>
 */
public final class RetryInterceptor implements CallInterceptor {
    private static final ScheduledExecutorService SHARED_SCHEDULER = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .name("netron-retry").daemon(true).factory());

    private final ScheduledExecutorService scheduler;

    /** Waits between attempts on one shared daemon thread. */
    public RetryInterceptor() {
        this(SHARED_SCHEDULER);
    }

    /** Waits between attempts on {@code scheduler} (a test's, say). */
    public RetryInterceptor(ScheduledExecutorService scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    @Override
    public CompletableFuture<Object> intercept(Chain chain) {
        Call call = chain.call();
        RetryPolicy policy = call.options().retry();
        if (policy == null || policy.attempts() == 1) {
            return chain.proceed(call);
        }
        RetryDecision decision = policy.decision() != null ? policy.decision() : RetryDecision.standard();
        IntervalFunction backoff = backoff(policy);
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(policy.attempts())
                .retryOnException(error -> decision.shouldRetry(unwrap(error), call))
                .intervalBiFunction((Integer attempt, Either<Throwable, Object> outcome) ->
                        waitAfter(attempt, outcome.isLeft() ? unwrap(outcome.getLeft()) : null, backoff))
                .build();
        Retry retry = Retry.of(call.describe(), config);
        if (policy.listener() != null) {
            retry.getEventPublisher().onRetry(event -> policy.listener().onRetry(call, event.getNumberOfRetryAttempts(),
                    unwrap(event.getLastThrowable()), event.getWaitInterval()));
        }
        Call attempt = policy.attemptTimeout() == null ? call
                : call.withOptions(call.options().toBuilder().timeout(policy.attemptTimeout()).build());
        CompletableFuture<Object> answer = new CompletableFuture<>();
        // Resilience4j cannot be cancelled: a caller that gave up (cancelled, or interrupted while
        // blocking) makes every later attempt fail at once, and a CancellationException is never retried.
        retry.executeCompletionStage(scheduler, () -> answer.isCancelled()
                        ? CompletableFuture.failedFuture(new CancellationException("the caller gave up on " + call.describe()))
                        : chain.proceed(attempt))
                .whenComplete((value, error) -> {
                    if (error != null) {
                        answer.completeExceptionally(error);
                    } else {
                        answer.complete(value);
                    }
                });
        return answer;
    }

    /** The server's Retry-After when it sent one, else the backoff's wait. */
    private static long waitAfter(int attempt, Throwable error, IntervalFunction backoff) {
        long retryAfterSeconds = error instanceof RateLimitException limited ? limited.retryAfterSeconds()
                : error instanceof NetronException e && e.details().get("retryAfter") instanceof Number n ? n.longValue() : -1;
        return retryAfterSeconds >= 0 ? Duration.ofSeconds(retryAfterSeconds).toMillis() : backoff.apply(attempt);
    }

    private static IntervalFunction backoff(RetryPolicy policy) {
        long initial = policy.initialDelay().toMillis();
        long max = policy.maxDelay().toMillis();
        return switch (policy.backoff()) {
            case EXPONENTIAL -> policy.jitter() > 0
                    ? IntervalFunction.ofExponentialRandomBackoff(initial, policy.factor(), policy.jitter(), max)
                    : IntervalFunction.ofExponentialBackoff(initial, policy.factor(), max);
            case CONSTANT -> policy.jitter() > 0 ? IntervalFunction.ofRandomized(Math.min(initial, max), policy.jitter())
                    : IntervalFunction.of(Math.min(initial, max));
            // Resilience4j has no linear backoff: n × initial, capped, with the same jitter.
            case LINEAR -> attempt -> {
                double base = Math.min(max, initial * (double) attempt);
                double spread = policy.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
                return Math.max(0, Math.round(base * (1 + spread)));
            };
        };
    }

    private static Throwable unwrap(Throwable error) {
        while ((error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }
}
