package dev.aether.netron.client.fluent;

import dev.aether.netron.client.PickedCall;
import dev.aether.netron.client.cache.OptimisticWrite;
import dev.aether.netron.client.cache.ResponseCache;
import dev.aether.netron.client.call.Call;
import dev.aether.netron.protocol.error.ValidationException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A picked method and what happens to its result, in the order written: transform, validate
 * (each may come several times), then fallback, before the caller gets it. Immutable: each
 * step returns a new {@code FluentMethod}. Made by {@link FluentCall#calling(Function)}.
 *
 * <pre>{@code
 * User renamed = client.fluent(Users.class)
 *         .cache(CachePolicy.maxAge(Duration.ofMinutes(5)).key("user:42"))
 *         .invalidateOn("user-lists")
 *         .calling(u -> u.rename(42, "Ada"))
 *         .optimistic(new User(42, "Ada"))   // readers of "user:42" see Ada at once
 *         .validate(user -> user.id() == 42)
 *         .call();                            // the server's answer replaces the guess; an error puts back the old one
 * }</pre>
 *
 * @param <S> the service contract
 * @param <R> the value the caller gets
 */
public final class FluentMethod<S, R> {
    private static final System.Logger LOG = System.getLogger(FluentMethod.class.getName());

    private final PickedCall picked;
    private final FluentContext context;
    private final Set<String> invalidateOn;
    private final MetricsListener metrics;
    private final Function<Object, Object> steps;
    private final boolean transformed;
    private final Guess guess;
    private final Function<Throwable, Object> fallback;

    /** The optimistic value, held apart from a null guess meaning "none". */
    private record Guess(Object value) {
    }

    private FluentMethod(PickedCall picked, FluentContext context, Set<String> invalidateOn, MetricsListener metrics,
                         Function<Object, Object> steps, boolean transformed, Guess guess, Function<Throwable, Object> fallback) {
        this.picked = picked;
        this.context = context;
        this.invalidateOn = invalidateOn;
        this.metrics = metrics;
        this.steps = steps;
        this.transformed = transformed;
        this.guess = guess;
        this.fallback = fallback;
    }

    static <S, R> FluentMethod<S, R> of(PickedCall picked, FluentContext context, Set<String> invalidateOn, MetricsListener metrics) {
        return new FluentMethod<>(picked, context, invalidateOn, metrics, picked::declared, false, null, null);
    }

    /** The caller gets {@code transform} of the result instead (the reference's {@code transform(fn)}). */
    @SuppressWarnings("unchecked")
    public <T> FluentMethod<S, T> transform(Function<? super R, ? extends T> transform) {
        Objects.requireNonNull(transform, "transform");
        Function<Object, Object> next = steps.andThen(value -> transform.apply((R) value));
        return new FluentMethod<>(picked, context, invalidateOn, metrics, next, true, guess, fallback);
    }

    /**
     * Fails the call with a {@link ValidationException} (400, "Response validation failed", as
     * the reference) when {@code valid} says no to the result.
     */
    @SuppressWarnings("unchecked")
    public FluentMethod<S, R> validate(Predicate<? super R> valid) {
        Objects.requireNonNull(valid, "valid");
        Call call = picked.call();
        Function<Object, Object> next = steps.andThen(value -> {
            if (!valid.test((R) value)) {
                throw new ValidationException(400, "Response validation failed", Map.of("service", call.service(), "method", call.method()));
            }
            return value;
        });
        return new FluentMethod<>(picked, context, invalidateOn, metrics, next, transformed, guess, fallback);
    }

    /** The caller gets {@code value} instead of any error. */
    public FluentMethod<S, R> fallback(R value) {
        return fallback(error -> value);
    }

    /** The caller gets {@code fallback} of the error (never a CompletionException wrapper) instead of the error. */
    public FluentMethod<S, R> fallback(Function<? super Throwable, ? extends R> fallback) {
        Objects.requireNonNull(fallback, "fallback");
        return new FluentMethod<>(picked, context, invalidateOn, metrics, steps, transformed, guess, fallback::apply);
    }

    /**
     * Writes {@code guess} into the client's cache as this call's result at once, then calls the
     * server (past the cache), stores its answer instead, or on error puts back what the entry
     * held before. The call must carry a cache policy (often with an explicit key shared with the
     * calls that read it), and the guess is the method's own result, so it comes before any
     * transform.
     */
    public FluentMethod<S, R> optimistic(R guess) {
        if (transformed) {
            throw new IllegalStateException("optimistic(...) comes before transform(...): the cache holds the method's own result");
        }
        requireCachePolicy("optimistic(...)");
        context.cache("optimistic(...)");
        return new FluentMethod<>(picked, context, invalidateOn, metrics, steps, transformed, new Guess(guess), fallback);
    }

    /**
     * Fetches the result into the client's cache now and then every {@code every} (past the
     * cache, so each refresh reaches the server), until the returned handle is cancelled; the
     * calls that read the entry find it fresh. A refresh still running when the next is due
     * makes that one skip.
     */
    public BackgroundRefresh background(Duration every) {
        requireCachePolicy("background(...)");
        ResponseCache cache = context.cache("background(...)");
        return BackgroundRefresh.start(context.scheduler(), every, () -> context.chain().execute(pastTheCache(picked.call())),
                value -> cache.put(picked.call(), value));
    }

    /** Makes the call and waits for what the caller gets; throws the error itself (not wrapped). */
    public R call() {
        CompletableFuture<R> answer = callAsync();
        try {
            return answer.get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CompletionException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new CancellationException("interrupted while waiting for " + picked.call().describe());
        }
    }

    /** Makes the call; the future completes with what the caller gets. Cancelling it cancels the call. */
    @SuppressWarnings("unchecked")
    public CompletableFuture<R> callAsync() {
        long start = System.nanoTime();
        // A fresh key per execution (as a proxy's call gets): a FluentMethod may be called many times, each a new mutation.
        Call call = picked.call().withIdempotencyKey(Call.newIdempotencyKey(picked.call().options()));
        boolean cacheHit = guess == null && call.options().cache() != null && !context.caches().isEmpty()
                && context.caches().getFirst().isFresh(call);
        OptimisticWrite write = guess == null ? null : context.cache("optimistic(...)").writeOptimistically(call, guess.value());
        CompletableFuture<Object> sent = context.chain().execute(write == null ? call : pastTheCache(call));
        CompletableFuture<Object> answer = sent.handle((value, error) -> {
            if (error != null) {
                if (write != null) {
                    write.rollBack();
                }
                throw error instanceof CompletionException ce ? ce : new CompletionException(error);
            }
            if (write != null) {
                write.confirm(value);
            }
            if (!invalidateOn.isEmpty()) {
                String[] tags = invalidateOn.toArray(String[]::new);
                context.caches().forEach(cache -> cache.invalidateTags(tags));
            }
            return steps.apply(value);
        });
        if (fallback != null) {
            answer = answer.exceptionally(error -> fallback.apply(unwrap(error)));
        }
        if (metrics != null) {
            answer = answer.whenComplete((value, error) -> report(call, start, cacheHit, error));
        }
        CompletableFuture<R> result = (CompletableFuture<R>) (CompletableFuture<?>) answer;
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                sent.cancel(true);
            }
        });
        return result;
    }

    private void report(Call call, long start, boolean cacheHit, Throwable error) {
        try {
            metrics.onCall(new CallMetrics(call.service(), call.method(), Duration.ofNanos(System.nanoTime() - start), cacheHit,
                    error == null ? null : unwrap(error)));
        } catch (RuntimeException e) {
            // A metrics bug must not fail the call it measures.
            LOG.log(System.Logger.Level.WARNING, "metrics listener failed for " + call.describe(), e);
        }
    }

    private void requireCachePolicy(String what) {
        if (picked.call().options().cache() == null) {
            throw new IllegalStateException(what + " needs a cache policy on the call: add .cache(...) before calling(...)");
        }
    }

    /** The call without its cache policy, so it reaches the server even when a fresh entry (or a guess) is cached. */
    private static Call pastTheCache(Call call) {
        return call.withOptions(call.options().toBuilder().cache(null).build());
    }

    private static Throwable unwrap(Throwable error) {
        while ((error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }
}
