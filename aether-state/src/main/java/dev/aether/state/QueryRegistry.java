package dev.aether.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every shared query entry of an application, by key, on Caffeine: an entry lives as long as
 * someone observes it, then {@code gcTime} more (so an owner that comes back soon finds its
 * data), then goes. Observed entries never expire, so the registry holds what is on screen plus
 * what left it within gcTime.
 */
final class QueryRegistry {
    private static final long FOREVER = Long.MAX_VALUE;

    private final Cache<QueryKey, SharedQuery> entries;

    QueryRegistry(Ticker ticker) {
        this.entries = Caffeine.newBuilder()
                .ticker(ticker)
                .executor(Runnable::run)
                .expireAfter(new UntilForgotten())
                .build();
    }

    /** Held while an entry's expiry is written ({@link #keepFor}). */
    private final Object expiryWrites = new Object();

    /** The entry for {@code key} (made by {@code create} when there is none), with one more observer. */
    SharedQuery observe(QueryKey key, Function<QueryKey, SharedQuery> create) {
        // compute() is atomic with the entry's expiry: an entry cannot expire between being found and counted.
        SharedQuery entry = entries.asMap().compute(key, (k, existing) -> {
            SharedQuery found = existing != null ? existing : create.apply(k);
            found.observe();
            return found;
        });
        keepFor(entry);
        return entry;
    }

    /** One observer fewer; the entry expires gcTime after the last one left. */
    void forget(SharedQuery entry) {
        entries.asMap().computeIfPresent(entry.key, (k, existing) -> {
            if (existing == entry) {
                entry.forget();
            }
            return existing;
        });
        keepFor(entry);
    }

    /** The entries {@code which} matches. */
    List<SharedQuery> matching(Predicate<SharedQuery> which) {
        return entries.asMap().values().stream().filter(which).toList();
    }

    SharedQuery find(QueryKey key) {
        return entries.getIfPresent(key);
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private void keepFor(SharedQuery entry) {
        // Not the entry's monitor: compute() above holds the key's lock in Caffeine and then takes
        // the entry's (observe), so holding the entry's while setExpiresAfter takes the key's lock
        // deadlocked two pages observing one key at once. One lock for the registry's expiry
        // writes keeps them in order: the last one reads the latest observer count.
        synchronized (expiryWrites) {
            long nanos = entry.observed() ? FOREVER : entry.gcTime.toNanos();
            entries.policy().expireVariably().ifPresent(expiry -> {
                if (entries.asMap().get(entry.key) == entry) {
                    expiry.setExpiresAfter(entry.key, java.time.Duration.ofNanos(nanos));
                }
            });
        }
    }

    /** Observed: never; otherwise gcTime after the last change of observers. */
    private static final class UntilForgotten implements Expiry<QueryKey, SharedQuery> {
        @Override
        public long expireAfterCreate(QueryKey key, SharedQuery entry, long now) {
            return entry.observed() ? FOREVER : entry.gcTime.toNanos();
        }

        @Override
        public long expireAfterUpdate(QueryKey key, SharedQuery entry, long now, long remaining) {
            return entry.observed() ? FOREVER : entry.gcTime.toNanos();
        }

        @Override
        public long expireAfterRead(QueryKey key, SharedQuery entry, long now, long remaining) {
            return entry.observed() ? FOREVER : remaining;
        }
    }
}
