package dev.aether.web.router;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aether.titan.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What loaders returned, kept for a while so that a live navigation to a page seen recently (or
 * prefetched) does not wait for its loaders again. An entry is one loader's value for one params
 * record (path and search params of its level) and one principal, so two users never see each
 * other's data. Bounded in entries and age (Caffeine); failures are never kept.
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
