package dev.aether.netron.client.call;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How one call's result is cached (needs a {@code CacheInterceptor} on the client). Fresh for
 * {@code maxAge}; then, for {@code staleWhileRevalidate} more, served stale while one background
 * call refreshes it.
 *
 * <pre>{@code
 * CachePolicy policy = CachePolicy.maxAge(Duration.ofMinutes(1))
 *         .staleWhileRevalidate(Duration.ofMinutes(5))
 *         .tags("users")
 *         .cacheOnError(true);
 * Users users = client.withOptions(o -> o.cache(policy)).service(Users.class);
 *
 * // As long as the server's @Cacheable says (hints.cache.maxAge), 30 s when an answer says nothing:
 * CachePolicy asTheServerSays = CachePolicy.serverMaxAge(Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>The server's {@code hints.cache} (a Titan {@code @Cacheable} answer over HTTP invoke) counts
 * as follows: its {@code tags} are always added to the entry's own (so invalidating a tag the
 * server named drops it); its {@code maxAge} (and {@code staleWhileRevalidate}, if it sends one)
 * replaces the policy's only when the policy was made with {@link #serverMaxAge(Duration)}. A
 * maxAge the caller wrote down explicitly wins: the caller knows how fresh it needs the data.
 *
 * @param maxAge               how long a result is fresh (served without calling)
 * @param staleWhileRevalidate how long after that it is still served, while it is refreshed
 * @param tags                 names to invalidate it by; empty means the reference's defaults,
 *                             {@code service} and {@code service:method}
 * @param cacheOnError         whether a failed call answers with the cached result, however old,
 *                             if there is one (such entries then stay until evicted by size)
 * @param key                  an explicit key, or null for {@code service:method:JSON(args)}
 * @param sameForEveryCaller   whether the result is the same whoever calls (public data): only
 *                             then is one entry shared by all principals; otherwise each
 *                             principal has its own
 * @param maxAgeFromServer     whether an answer's {@code hints.cache.maxAge} replaces {@code maxAge}
 *                             (which then only applies to answers without hints)
 */
public record CachePolicy(Duration maxAge, Duration staleWhileRevalidate, Set<String> tags, boolean cacheOnError, String key,
                          boolean sameForEveryCaller, boolean maxAgeFromServer) {
    public CachePolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(staleWhileRevalidate, "staleWhileRevalidate");
        if (maxAge.isNegative() || staleWhileRevalidate.isNegative()) {
            throw new IllegalArgumentException("maxAge and staleWhileRevalidate cannot be negative");
        }
        tags = Set.copyOf(tags);
    }

    /** Fresh for {@code maxAge}, no stale period, default tags, per principal. */
    public static CachePolicy maxAge(Duration maxAge) {
        return new CachePolicy(maxAge, Duration.ZERO, Set.of(), false, null, false, false);
    }

    /**
     * Fresh for as long as the answer's {@code hints.cache.maxAge} says, or {@code fallback} when
     * it carries no hints (a method that is not {@code @Cacheable}, a WebSocket or batched call).
     */
    public static CachePolicy serverMaxAge(Duration fallback) {
        return new CachePolicy(fallback, Duration.ZERO, Set.of(), false, null, false, true);
    }

    /** This policy, served stale for {@code window} after {@code maxAge} while refreshed in the background. */
    public CachePolicy staleWhileRevalidate(Duration window) {
        return new CachePolicy(maxAge, window, tags, cacheOnError, key, sameForEveryCaller, maxAgeFromServer);
    }

    /** This policy with these tags instead of the defaults. */
    public CachePolicy tags(String... tags) {
        return new CachePolicy(maxAge, staleWhileRevalidate, Set.of(tags), cacheOnError, key, sameForEveryCaller, maxAgeFromServer);
    }

    /** This policy, answering a failed call with the cached result if there is one. */
    public CachePolicy cacheOnError(boolean cacheOnError) {
        return new CachePolicy(maxAge, staleWhileRevalidate, tags, cacheOnError, key, sameForEveryCaller, maxAgeFromServer);
    }

    /** This policy with an explicit key (shared by every call that names it). */
    public CachePolicy key(String key) {
        return new CachePolicy(maxAge, staleWhileRevalidate, tags, cacheOnError, key, sameForEveryCaller, maxAgeFromServer);
    }

    /** This policy for a result that is the same for every caller: one entry shared by all principals. */
    public CachePolicy publicResult() {
        return new CachePolicy(maxAge, staleWhileRevalidate, tags, cacheOnError, key, true, maxAgeFromServer);
    }
}
