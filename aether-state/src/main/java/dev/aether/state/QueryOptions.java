package dev.aether.state;

import dev.aether.netron.client.call.CachePolicy;
import dev.aether.netron.client.call.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How a {@link Query} fetches, caches and refreshes. Immutable: each method returns a copy.
 * The defaults are TanStack Query's (docs/state.md has the table).
 *
 * <pre>{@code
 * QueryOptions<List<User>> options = QueryOptions.<List<User>>defaults()
 *         .maxAge(Duration.ofSeconds(30))          // fresh for 30 s: mounts within it do not refetch
 *         .tags("users")                           // invalidateTags("users") refetches it
 *         .enabled(() -> signedIn.get())           // a signal: fetches once it turns true
 *         .keepPreviousData(true)                  // page 2 shows page 1 until it arrives
 *         .refetchInterval(Duration.ofMinutes(1));
 * }</pre>
 *
 * @param maxAge               how long a result is fresh (TanStack's staleTime); 0 by default:
 *                             every mount and reconnect refetches
 * @param staleWhileRevalidate passed to the client's cache ({@link CachePolicy}): how long a
 *                             stale entry still answers other callers while it is refreshed
 * @param tags                 names to invalidate the entry by; empty means the client's
 *                             defaults, {@code service} and {@code service:method}
 * @param key                  an explicit key text, or null for {@code service:method:JSON(args)}
 * @param sameForEveryCaller   whether the result is the same for every caller: only then do the
 *                             principals share one entry (and one fetch)
 * @param retry                how a failed fetch is tried again (reads are idempotent); by
 *                             default 3 retries, exponential from 1 s; null for none
 * @param enabled              read on the owner's context (tracked): while false nothing is
 *                             fetched; null for always
 * @param refetchOnMount       whether a new observer of stale data refetches it
 * @param refetchInterval      refetch this often while observed, or null
 * @param refetchOnReconnect   whether {@link AetherState#reconnected()} refetches it when stale
 * @param placeholderData      shown (not cached) while there is no data
 * @param initialData          put into the entry when it has no data (cached, stale at once
 *                             unless maxAge says otherwise)
 * @param keepPreviousData     whether the previous key's data stays shown while a new key's
 *                             first fetch runs
 * @param structuralSharing    whether a new result keeps the identity of the old one where equal
 *                             (the whole value, list elements, map values)
 * @param gcTime               how long an entry nobody observes is kept (5 minutes)
 * @param <T>                  the method's result type
 */
public record QueryOptions<T>(Duration maxAge, Duration staleWhileRevalidate, Set<String> tags, String key, boolean sameForEveryCaller,
                              RetryPolicy retry, Supplier<Boolean> enabled, boolean refetchOnMount, Duration refetchInterval,
                              boolean refetchOnReconnect, T placeholderData, T initialData, boolean keepPreviousData,
                              boolean structuralSharing, Duration gcTime) {
    /** TanStack's: 3 retries, exponential backoff from 1 s, factor 2, at most 30 s. */
    public static final RetryPolicy DEFAULT_RETRY = RetryPolicy.attempts(4);
    /** TanStack's gcTime: 5 minutes. */
    public static final Duration DEFAULT_GC_TIME = Duration.ofMinutes(5);

    public QueryOptions {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(staleWhileRevalidate, "staleWhileRevalidate");
        Objects.requireNonNull(gcTime, "gcTime");
        if (maxAge.isNegative() || staleWhileRevalidate.isNegative() || gcTime.isNegative()) {
            throw new IllegalArgumentException("maxAge, staleWhileRevalidate and gcTime cannot be negative");
        }
        if (refetchInterval != null && (refetchInterval.isNegative() || refetchInterval.isZero())) {
            throw new IllegalArgumentException("refetchInterval must be positive, got " + refetchInterval);
        }
        tags = Set.copyOf(tags);
    }

    /** maxAge 0, 3 retries, refetch on mount and reconnect, structural sharing, gcTime 5 minutes. */
    public static <T> QueryOptions<T> defaults() {
        return new QueryOptions<>(Duration.ZERO, Duration.ZERO, Set.of(), null, false, DEFAULT_RETRY, null, true, null, true,
                null, null, false, true, DEFAULT_GC_TIME);
    }

    public QueryOptions<T> maxAge(Duration maxAge) {
        return new QueryOptions<>(maxAge, staleWhileRevalidate, tags, key, sameForEveryCaller, retry, enabled, refetchOnMount, refetchInterval,
                refetchOnReconnect, placeholderData, initialData, keepPreviousData, structuralSharing, gcTime);
    }

    public QueryOptions<T> staleWhileRevalidate(Duration window) {
        return new QueryOptions<>(maxAge, window, tags, key, sameForEveryCaller, retry, enabled, refetchOnMount, refetchInterval,
                refetchOnReconnect, placeholderData, initialData, keepPreviousData, structuralSharing, gcTime);
    }

    public QueryOptions<T> tags(String... tags) {
        return new QueryOptions<>(maxAge, staleWhileRevalidate, Set.of(tags), key, sameForEveryCaller, retry, enabled, refetchOnMount,
                refetchInterval, refetchOnReconnect, placeholderData, initialData, keepPreviousData, structuralSharing, gcTime);
    }

    public QueryOptions<T> key(String key) {
        return new QueryOptions<>(maxAge, staleWhileRevalidate, tags, key, sameForEveryCaller, retry, enabled, refetchOnMount, refetchInterval,
                refetchOnReconnect, placeholderData, initialData, keepPreviousData, structuralSharing, gcTime);
    }

    /** The result is the same whoever calls: every principal shares one entry. */
    public QueryOptions<T> publicResult() {
        return new QueryOptions<>(maxAge, staleWhileRevalidate, tags, key, true, retry, enabled, refetchOnMount, refetchInterval,
                refetchOnReconnect, placeholderData, initialData, keepPreviousData, structuralSharing, gcTime);
    }

    /** How failed fetches are tried again; null for not at all. */
    public QueryOptions<T> retry(RetryPolicy retry) {
        return new QueryOptions<>(maxAge, staleWhileRevalidate, tags, key, sameForEveryCaller, retry, enabled, refetchOnMount, refetchInterval,
                refetchOnReconnect, placeholderData, initialData, keepPreviousData, structuralSharing, gcTime);
    }

    /** {@code retries} retries (0 for none) with the default backoff. */
    public QueryOptions<T> retry(int retries) {
        return retry(retries == 0 ? null : RetryPolicy.attempts(retries + 1));
    }

    public QueryOptions<T> enabled(Supplier<Boolean> enabled) {
        return new QueryOptions<>(maxAge, staleWhileRevalidate, tags, key, sameForEveryCaller, retry, enabled, refetchOnMount, refetchInterval,
                refetchOnReconnect, placeholderData, initialData, keepPreviousData, structuralSharing, gcTime);
    }

    public QueryOptions<T> refetchOnMount(boolean refetchOnMount) {
        return new QueryOptions<>(maxAge, staleWhileRevalidate, tags, key, sameForEveryCaller, retry, enabled, refetchOnMount, refetchInterval,
                refetchOnReconnect, placeholderData, initialData, keepPreviousData, structuralSharing, gcTime);
    }

    public QueryOptions<T> refetchInterval(Duration every) {
        return new QueryOptions<>(maxAge, staleWhileRevalidate, tags, key, sameForEveryCaller, retry, enabled, refetchOnMount, every,
                refetchOnReconnect, placeholderData, initialData, keepPreviousData, structuralSharing, gcTime);
    }

    public QueryOptions<T> refetchOnReconnect(boolean refetchOnReconnect) {
        return new QueryOptions<>(maxAge, staleWhileRevalidate, tags, key, sameForEveryCaller, retry, enabled, refetchOnMount, refetchInterval,
                refetchOnReconnect, placeholderData, initialData, keepPreviousData, structuralSharing, gcTime);
    }

    public QueryOptions<T> placeholderData(T placeholder) {
        return new QueryOptions<>(maxAge, staleWhileRevalidate, tags, key, sameForEveryCaller, retry, enabled, refetchOnMount, refetchInterval,
                refetchOnReconnect, placeholder, initialData, keepPreviousData, structuralSharing, gcTime);
    }

    public QueryOptions<T> initialData(T initial) {
        return new QueryOptions<>(maxAge, staleWhileRevalidate, tags, key, sameForEveryCaller, retry, enabled, refetchOnMount, refetchInterval,
                refetchOnReconnect, placeholderData, initial, keepPreviousData, structuralSharing, gcTime);
    }

    public QueryOptions<T> keepPreviousData(boolean keep) {
        return new QueryOptions<>(maxAge, staleWhileRevalidate, tags, key, sameForEveryCaller, retry, enabled, refetchOnMount, refetchInterval,
                refetchOnReconnect, placeholderData, initialData, keep, structuralSharing, gcTime);
    }

    public QueryOptions<T> structuralSharing(boolean share) {
        return new QueryOptions<>(maxAge, staleWhileRevalidate, tags, key, sameForEveryCaller, retry, enabled, refetchOnMount, refetchInterval,
                refetchOnReconnect, placeholderData, initialData, keepPreviousData, share, gcTime);
    }

    public QueryOptions<T> gcTime(Duration gcTime) {
        return new QueryOptions<>(maxAge, staleWhileRevalidate, tags, key, sameForEveryCaller, retry, enabled, refetchOnMount, refetchInterval,
                refetchOnReconnect, placeholderData, initialData, keepPreviousData, structuralSharing, gcTime);
    }

    /** The client cache policy a fetch carries: the client's cache, dedupe and partition apply to it. */
    CachePolicy cachePolicy() {
        CachePolicy policy = CachePolicy.maxAge(maxAge).staleWhileRevalidate(staleWhileRevalidate);
        if (!tags.isEmpty()) {
            policy = policy.tags(tags.toArray(String[]::new));
        }
        if (key != null) {
            policy = policy.key(key);
        }
        return sameForEveryCaller ? policy.publicResult() : policy;
    }
}
