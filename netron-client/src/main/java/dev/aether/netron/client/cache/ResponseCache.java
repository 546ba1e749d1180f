package dev.aether.netron.client.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.aether.netron.client.call.CachePolicy;
import dev.aether.netron.client.call.Call;
import dev.aether.netron.client.call.CallKey;
import dev.aether.netron.client.call.Revalidation;
import dev.aether.netron.protocol.http.CacheHints;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Cached call results on Caffeine, with the reference's behaviour (netron-wire.md §7): a fresh
 * entry answers at once; a stale one (within staleWhileRevalidate) answers at once and starts
 * exactly one background refresh per key; otherwise the call goes on, and if it fails with
 * {@code cacheOnError} the cached result, however old, answers instead.
 *
 * <pre>{@code
 * ResponseCache cache = ResponseCache.builder().maxEntries(10_000).maxSizeBytes(64 << 20).build();
 * NetronClient client = NetronClient.builder(transport).interceptor(new CacheInterceptor(cache)).build();
 * Users users = client.withOptions(o -> o.cache(CachePolicy.maxAge(Duration.ofMinutes(1)).tags("users")))
 *         .service(Users.class);
 * users.find(42);                 // calls the server
 * users.find(42);                 // from the cache
 * cache.invalidateTags("users");  // the next find calls again
 * }</pre>
 *
 * <p>Entries belong to the principal that fetched them unless the policy says the result is
 * the same for every caller: one user's data is never served to another. Both bounds hold at
 * once: each entry weighs its estimated encoded size but at least maxSizeBytes / maxEntries, so
 * there are never more than maxEntries entries nor more than maxSizeBytes in all (small entries
 * are then evicted a little early: Caffeine bounds by count or by weight, not both). Cached
 * values are shared between callers: treat them as read-only.
 */
public final class ResponseCache {
    /** At most this many entries unless configured (the reference leaves it to each app). */
    public static final int DEFAULT_MAX_ENTRIES = 1000;
    /** At most this many estimated bytes unless configured. */
    public static final long DEFAULT_MAX_SIZE_BYTES = 50L * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(ResponseCache.class.getName());

    private final Ticker ticker;
    private final Cache<CacheKey, CacheEntry> store;
    private final Map<CacheKey, Fetch> inFlight = new ConcurrentHashMap<>();
    private final List<CacheListener> listeners = new CopyOnWriteArrayList<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final AtomicLong sizeBytes = new AtomicLong();

    /** A call to the server whose result may be stored; invalidation voids it so it cannot store an old result. */
    private static final class Fetch {
        final String key;
        final Set<String> tags;
        final boolean background;
        final CompletableFuture<Object> result = new CompletableFuture<>();
        boolean voided; // guarded by this
        /**
         * Invalidations made while it ran that did not match it then: the answer may bring the
         * server's tags, and one of these may name them. Guarded by this.
         */
        final List<Invalidation> missed = new java.util.ArrayList<>();

        Fetch(String key, Set<String> tags, boolean background) {
            this.key = key;
            this.tags = tags;
            this.background = background;
        }
    }

    private ResponseCache(Builder builder) {
        this.ticker = builder.ticker;
        long minimumWeight = Math.max(1, builder.maxSizeBytes / builder.maxEntries);
        this.store = Caffeine.newBuilder()
                .ticker(ticker)
                .executor(Runnable::run) // events on the thread that caused them, in order
                .maximumWeight(builder.maxSizeBytes)
                .weigher((CacheKey key, CacheEntry entry) -> (int) Math.min(Integer.MAX_VALUE, Math.max(entry.sizeBytes(), minimumWeight)))
                .expireAfter(new KeepUntil())
                .removalListener(this::removed)
                .build();
    }

    /** A cache with {@link #DEFAULT_MAX_ENTRIES} and {@link #DEFAULT_MAX_SIZE_BYTES}. */
    public static ResponseCache create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The call's result from the cache, or from {@code fetcher} (the rest of the chain, given the
     * call to send: the call itself, carrying a {@link Revalidation} with the entry's ETag when
     * there is one).
     */
    CompletableFuture<Object> get(Call call, Function<Call, CompletableFuture<Object>> fetcher) {
        CachePolicy policy = call.options().cache();
        CacheKey key = keyOf(call, policy);
        long now = ticker.read();
        CacheEntry entry = store.getIfPresent(key);
        if (entry != null && now < entry.freshUntil()) {
            hits.increment();
            emit(CacheEvent.Type.HIT, key.key());
            return CompletableFuture.completedFuture(entry.value());
        }
        if (entry != null && now < entry.staleUntil()) {
            hits.increment();
            emit(CacheEvent.Type.STALE, key.key());
            startOrJoin(key, call, fetcher, true, entry);
            return CompletableFuture.completedFuture(entry.value());
        }
        misses.increment();
        emit(CacheEvent.Type.MISS, key.key());
        // An entry past its stale period is still here when it has an ETag (or cacheOnError): revalidate it.
        return startOrJoin(key, call, fetcher, false, entry).handle((value, error) -> {
            if (error == null) {
                return value;
            }
            CacheEntry kept = policy.cacheOnError() ? store.getIfPresent(key) : null;
            if (kept == null) {
                throw error instanceof CompletionException ce ? ce : new CompletionException(error);
            }
            emit(CacheEvent.Type.ERROR_FALLBACK, key.key());
            return kept.value();
        });
    }

    /** Joins the fetch already running for {@code key}, or starts one; one per key, so one refresh per key. */
    private CompletableFuture<Object> startOrJoin(CacheKey key, Call call, Function<Call, CompletableFuture<Object>> fetcher,
                                                  boolean background, CacheEntry cached) {
        Fetch fetch = new Fetch(key.key(), tagsOf(call), background);
        Fetch running = inFlight.putIfAbsent(key, fetch);
        if (running != null) {
            return running.result;
        }
        Revalidation revalidation = cached == null ? new Revalidation(null, null) : new Revalidation(cached.etag(), cached.value());
        fetcher.apply(call.withRevalidation(revalidation)).whenComplete((value, error) -> {
            if (error == null) {
                // After a 304 the value is the cached one: storing it again resets its age.
                CacheHints hints = revalidation.notModified() && cached != null ? cached.serverHints() : revalidation.hints();
                storeUnlessVoided(fetch, key, call, value, revalidation.etag(), hints);
            } else if (background) {
                emit(CacheEvent.Type.REVALIDATION_ERROR, key.key());
            }
            inFlight.remove(key, fetch);
            if (error != null) {
                fetch.result.completeExceptionally(error);
            } else {
                fetch.result.complete(value);
            }
        });
        return fetch.result;
    }

    private void storeUnlessVoided(Fetch fetch, CacheKey key, Call call, Object value, String etag, CacheHints hints) {
        CacheEntry entry = entryFor(key, call, value, etag, hints);
        synchronized (fetch) { // invalidate() voids under the same lock: a voided fetch never stores
            if (fetch.voided || fetch.missed.stream().anyMatch(which -> which.matches(fetch.key, entry.tags()))) {
                sizeBytes.addAndGet(-entry.sizeBytes()); // counted by entryFor, never stored
                return;
            }
            store.put(key, entry);
        }
        emit(fetch.background ? CacheEvent.Type.REVALIDATED : CacheEvent.Type.SET, key.key());
    }

    /** The entry for {@code value}; {@code hints} (the answer's {@code hints.cache}, or null) as {@link CachePolicy} describes. */
    private CacheEntry entryFor(CacheKey key, Call call, Object value, String etag, CacheHints hints) {
        CachePolicy policy = call.options().cache();
        boolean serverDecides = policy.maxAgeFromServer() && hints != null;
        Duration maxAge = serverDecides && hints.maxAge() != null ? millis(hints.maxAge()) : policy.maxAge();
        Duration staleWindow = serverDecides && hints.staleWhileRevalidate() != null ? millis(hints.staleWhileRevalidate())
                : policy.staleWhileRevalidate();
        long now = ticker.read();
        long freshUntil = plus(now, maxAge);
        long staleUntil = plus(freshUntil, staleWindow);
        // An entry the server can confirm with a 304 is worth keeping past its stale period, as one kept for errors is.
        long keepUntil = policy.cacheOnError() || etag != null ? Long.MAX_VALUE : staleUntil;
        int size = estimateSize(key, value) + (etag == null ? 0 : etag.length());
        sizeBytes.addAndGet(size);
        return new CacheEntry(value, withServerTags(tagsOf(call), hints), size, freshUntil, staleUntil, keepUntil, etag, hints);
    }

    /** The server's tags are added to the call's: either side may name what invalidates the entry. */
    private static Set<String> withServerTags(Set<String> tags, CacheHints hints) {
        if (hints == null || hints.tags() == null || hints.tags().isEmpty()) {
            return tags;
        }
        Set<String> all = new java.util.HashSet<>(tags);
        hints.tags().stream().filter(java.util.Objects::nonNull).forEach(all::add);
        return Set.copyOf(all);
    }

    private static Duration millis(long millis) {
        return Duration.ofMillis(Math.max(0, millis)); // a negative hint is nonsense: not fresh at all
    }

    /**
     * Stores {@code value} as the fresh result of {@code call} (which must carry a cache policy),
     * as if the server had just answered it: for a background refresh or an optimistic guess.
     * Fetches of the same entry still running are voided, so an older answer cannot replace it.
     */
    public void put(Call call, Object value) {
        CacheKey key = keyOf(call, requirePolicy(call));
        voidFetchesOf(key);
        store.put(key, entryFor(key, call, value, null, null));
        emit(CacheEvent.Type.SET, key.key());
    }

    /** The cached value of {@code call} (which must carry a cache policy), fresh or not; does not count as a hit. */
    public java.util.Optional<Object> peek(Call call) {
        return peek(keyOf(call, requirePolicy(call)));
    }

    /** Whether {@code call} (which must carry a cache policy) would be answered from a fresh entry now. */
    public boolean isFresh(Call call) {
        CacheEntry entry = store.getIfPresent(keyOf(call, requirePolicy(call)));
        return entry != null && ticker.read() < entry.freshUntil();
    }

    /**
     * Writes {@code guess} as the result of {@code call} at once; the returned write later either
     * {@linkplain OptimisticWrite#confirm(Object) stores the real result} or
     * {@linkplain OptimisticWrite#rollBack() puts back what was there before}.
     *
     * <pre>{@code
     * OptimisticWrite write = cache.writeOptimistically(findCall, renamedUser);
     * transport.call(renameCall).whenComplete((user, error) -> {
     *     if (error == null) write.confirm(user); else write.rollBack();
     * });
     * }</pre>
     */
    public OptimisticWrite writeOptimistically(Call call, Object guess) {
        CacheKey key = keyOf(call, requirePolicy(call));
        voidFetchesOf(key);
        CacheEntry previous = store.getIfPresent(key);
        CacheEntry written = entryFor(key, call, guess, null, null);
        store.put(key, written);
        emit(CacheEvent.Type.SET, key.key());
        return new OptimisticWrite(this, call, key, previous, written);
    }

    /** Puts {@code previous} (or nothing) back where {@code written} is, unless something newer replaced it meanwhile. */
    void restore(CacheKey key, CacheEntry previous, CacheEntry written) {
        boolean restored = previous == null ? store.asMap().remove(key, written) : store.asMap().replace(key, written, previous);
        if (restored && previous != null) {
            sizeBytes.addAndGet(previous.sizeBytes()); // the removal listener subtracted it when the guess replaced it
        }
        if (restored) {
            emit(previous == null ? CacheEvent.Type.INVALIDATE : CacheEvent.Type.SET, key.key());
        }
    }

    private void voidFetchesOf(CacheKey key) {
        Fetch running = inFlight.get(key);
        if (running != null) {
            synchronized (running) {
                running.voided = true;
            }
        }
    }

    private static CachePolicy requirePolicy(Call call) {
        CachePolicy policy = call.options().cache();
        if (policy == null) {
            throw new IllegalArgumentException(call.describe() + " carries no cache policy, so it has no cache entry");
        }
        return policy;
    }

    /** Drops the entries {@code which} matches, and stops fetches it matches from storing; returns how many entries. */
    public int invalidate(Invalidation which) {
        inFlight.values().forEach(fetch -> {
            synchronized (fetch) {
                if (which.matches(fetch.key, fetch.tags)) {
                    fetch.voided = true;
                } else {
                    fetch.missed.add(which);
                }
            }
        });
        int dropped = 0;
        for (Map.Entry<CacheKey, CacheEntry> entry : store.asMap().entrySet()) {
            if (which.matches(entry.getKey().key(), entry.getValue().tags()) && store.asMap().remove(entry.getKey(), entry.getValue())) {
                dropped++;
                emit(CacheEvent.Type.INVALIDATE, entry.getKey().key());
            }
        }
        return dropped;
    }

    /** {@code "prefix*"} drops keys starting with prefix; anything else the exact key. */
    public int invalidate(String pattern) {
        return invalidate(Invalidation.parse(pattern));
    }

    /** Drops the keys {@code regex} matches whole. */
    public int invalidate(Pattern regex) {
        return invalidate(new Invalidation.Matching(regex));
    }

    /** Drops the entries carrying any of {@code tags}. */
    public int invalidateTags(String... tags) {
        return invalidate(Invalidation.tags(tags));
    }

    /** Drops every entry and stops every running fetch from storing. */
    public void clear() {
        inFlight.values().forEach(fetch -> {
            synchronized (fetch) {
                fetch.voided = true;
            }
        });
        store.asMap().keySet().forEach(key -> store.asMap().remove(key));
        emit(CacheEvent.Type.CLEAR, null);
    }

    /** The cached value for {@code key} if there is one, fresh or not; does not count as a hit. */
    public java.util.Optional<Object> peek(CacheKey key) {
        return java.util.Optional.ofNullable(store.getIfPresent(key)).map(CacheEntry::value);
    }

    /** Runs pending evictions and expiries now (Caffeine otherwise does it as the cache is used). */
    public void cleanUp() {
        store.cleanUp();
    }

    public CacheStats stats() {
        store.cleanUp();
        long h = hits.sum();
        long m = misses.sum();
        int revalidating = (int) inFlight.values().stream().filter(fetch -> fetch.background).count();
        return new CacheStats(store.estimatedSize(), h, m, h + m == 0 ? 0 : (double) h / (h + m), sizeBytes.get(), revalidating);
    }

    public void addListener(CacheListener listener) {
        listeners.add(listener);
    }

    public void removeListener(CacheListener listener) {
        listeners.remove(listener);
    }

    private static CacheKey keyOf(Call call, CachePolicy policy) {
        String text = policy.key() != null ? policy.key() : CallKey.of(call);
        return new CacheKey(text, policy.sameForEveryCaller() ? null : call.principal(), call.resultType());
    }

    /** The call's tags, or the reference's defaults {@code service} and {@code service:method}. */
    private static Set<String> tagsOf(Call call) {
        Set<String> tags = call.options().cache().tags();
        return tags.isEmpty() ? Set.of(call.service(), call.service() + ":" + call.method()) : tags;
    }

    private static int estimateSize(CacheKey key, Object value) {
        int keySize = key.key().length();
        try {
            return keySize + NetronMsgpack.standard().encode(value).length;
        } catch (RuntimeException unencodable) {
            return keySize + 1024; // a guess, so the entry still counts towards the bound
        }
    }

    private static long plus(long nanos, Duration duration) {
        long added = nanos + duration.toNanos();
        return added < nanos ? Long.MAX_VALUE : added;
    }

    private void removed(CacheKey key, CacheEntry entry, RemovalCause cause) {
        if (entry != null) {
            sizeBytes.addAndGet(-entry.sizeBytes());
        }
        if (key != null && cause == RemovalCause.EXPIRED) {
            emit(CacheEvent.Type.EXPIRED, key.key());
        } else if (key != null && cause == RemovalCause.SIZE) {
            emit(CacheEvent.Type.EVICTED, key.key());
        }
    }

    private void emit(CacheEvent.Type type, String key) {
        if (listeners.isEmpty()) {
            return;
        }
        CacheEvent event = new CacheEvent(type, key);
        for (CacheListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                // A listener's bug must not fail the call that caused the event.
                LOG.log(System.Logger.Level.WARNING, "cache listener failed on " + event, e);
            }
        }
    }

    /** Entries live until their keepUntil deadline, whatever reads them. */
    private static final class KeepUntil implements Expiry<CacheKey, CacheEntry> {
        @Override
        public long expireAfterCreate(CacheKey key, CacheEntry entry, long now) {
            return Math.max(0, entry.keepUntil() - now);
        }

        @Override
        public long expireAfterUpdate(CacheKey key, CacheEntry entry, long now, long remaining) {
            return Math.max(0, entry.keepUntil() - now);
        }

        @Override
        public long expireAfterRead(CacheKey key, CacheEntry entry, long now, long remaining) {
            return remaining;
        }
    }

    /**
     * Builds a {@link ResponseCache}.
     *
     * <pre>{@code
     * ResponseCache cache = ResponseCache.builder().maxEntries(500).maxSizeBytes(8 << 20).build();
     * }</pre>
     */
    public static final class Builder {
        private int maxEntries = DEFAULT_MAX_ENTRIES;
        private long maxSizeBytes = DEFAULT_MAX_SIZE_BYTES;
        private Ticker ticker = Ticker.systemTicker();

        private Builder() {
        }

        /** At most this many entries. */
        public Builder maxEntries(int maxEntries) {
            if (maxEntries < 1) {
                throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
            }
            this.maxEntries = maxEntries;
            return this;
        }

        /** At most this many bytes, as estimated from each result's MessagePack encoding. */
        public Builder maxSizeBytes(long maxSizeBytes) {
            if (maxSizeBytes < 1) {
                throw new IllegalArgumentException("maxSizeBytes must be at least 1, got " + maxSizeBytes);
            }
            this.maxSizeBytes = maxSizeBytes;
            return this;
        }

        /** The clock deadlines are measured on (a fake one in tests). */
        public Builder ticker(Ticker ticker) {
            this.ticker = ticker;
            return this;
        }

        public ResponseCache build() {
            return new ResponseCache(this);
        }
    }
}
