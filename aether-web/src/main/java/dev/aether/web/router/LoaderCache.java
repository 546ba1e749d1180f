package dev.aether.web.router;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aether.titan.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What loaders returned, kept for a while so that a live navigation to a page seen recently (or
 * prefetched) does not wait for its loaders again. An entry is one loader's value for one params
 * record (path and search params of its level) and one principal, so two users never see each
 * other's data. Bounded in entries and age (Caffeine); failures are never kept. A value being
 * loaded now (a prefetch still running) can be waited for instead of loaded again.
 *
 * <pre>{@code
 * LoaderCache cache = new LoaderCache(50, Duration.ofMinutes(5));
 * cache.put(USER, new UserParams(42), principal, user);
 * cache.get(USER, new UserParams(42), principal)   // Optional[user], for five minutes at most
 * cache.invalidate(USER);                          // every entry of USER, whatever its params
 * }</pre>
 */
public final class LoaderCache {
    /** The defaults of {@link RouteTree.Builder#loaderCache}. */
    public static final int DEFAULT_MAX_ENTRIES = 50;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

    private record Key(Loader<?, ?> loader, Record params, Optional<String> principal) {
    }

    private final Cache<Key, Object> entries;
    /** The loads running now, by what they load: a navigation joins its prefetch instead of running the loader again. */
    private final Map<Key, CompletableFuture<Object>> loading = new ConcurrentHashMap<>();
    private final boolean keeps;

    public LoaderCache(int maxEntries, Duration maxAge) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative, got " + maxEntries);
        }
        if (maxAge == null || maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative, got " + maxAge);
        }
        // evictions on the writing thread: the bounds hold when put returns, not later on a pool
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(maxAge).executor(Runnable::run).build();
        this.keeps = maxEntries > 0 && !maxAge.isZero();
    }

    /** The value {@code loader} returned for {@code params} and {@code principal}, if still kept. */
    public Optional<Object> get(Loader<?, ?> loader, Record params, Optional<Principal> principal) {
        return Optional.ofNullable(entries.getIfPresent(key(loader, params, principal)));
    }

    /** Keeps {@code value} (null values are not kept: they cannot be told from a miss). */
    public void put(Loader<?, ?> loader, Record params, Optional<Principal> principal, Object value) {
        if (value != null && keeps) {
            entries.put(key(loader, params, principal), value);
        }
    }

    /**
     * The load of {@code loader} for {@code params} and {@code principal} running now, if any: it
     * completes with the value once it is kept, or fails when the value is not to be shared (it
     * failed, or deferred part of itself).
     */
    Optional<CompletableFuture<Object>> loading(Loader<?, ?> loader, Record params, Optional<Principal> principal) {
        return Optional.ofNullable(loading.get(key(loader, params, principal)));
    }

    /** A load of {@code loader} starts: others may wait for it ({@link #loading}) until it is {@linkplain #finished finished}. */
    CompletableFuture<Object> started(Loader<?, ?> loader, Record params, Optional<Principal> principal) {
        CompletableFuture<Object> load = new CompletableFuture<>();
        if (keeps) {
            loading.put(key(loader, params, principal), load);
        }
        return load;
    }

    /** The load {@code load} is over; it was completed (or failed) before. */
    void finished(Loader<?, ?> loader, Record params, Optional<Principal> principal, CompletableFuture<Object> load) {
        loading.remove(key(loader, params, principal), load);
    }

    /** Forgets every value of {@code loader}, for every params record and principal. */
    public void invalidate(Loader<?, ?> loader) {
        entries.asMap().keySet().removeIf(k -> k.loader() == loader);
    }

    /** Forgets everything. */
    public void invalidateAll() {
        entries.invalidateAll();
    }

    /** How many values are kept now (for tests and figures; approximate while evictions are pending). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** A snapshot of the kept values of {@code loader}, by params record (for tests). */
    Map<Record, Object> valuesOf(Loader<?, ?> loader) {
        Map<Record, Object> values = new java.util.HashMap<>();
        entries.asMap().forEach((k, v) -> {
            if (k.loader() == loader) {
                values.put(k.params(), v);
            }
        });
        return values;
    }

    private static Key key(Loader<?, ?> loader, Record params, Optional<Principal> principal) {
        return new Key(loader, params, principal.map(Principal::id));
    }
}
