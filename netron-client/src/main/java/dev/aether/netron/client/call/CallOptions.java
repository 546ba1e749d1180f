package dev.aether.netron.client.call;

import java.time.Duration;
import java.util.Objects;

/**
 * How one call behaves. A client holds global defaults; a per-call override starts from them and
 * changes only what it names.
 *
 * <pre>{@code
 * CallOptions defaults = CallOptions.builder().timeout(Duration.ofSeconds(10)).build();
 * NetronClient client = NetronClient.builder(transport).defaults(defaults).build();
 * Users patient = client.withOptions(o -> o.timeout(Duration.ofMinutes(1))).service(Users.class);
 * }</pre>
 *
 * @param timeout    how long the caller waits before the call fails with 408
 * @param idempotent whether running the call twice does no harm; only idempotent calls are
 *                   retried after a 5xx or 408
 * @param dedupe     whether concurrent identical calls (same service, method, arguments and
 *                   principal) share one request; off by default, since two identical
 *                   mutations are meant to run twice
 * @param dedupeKey  a key naming what the call fetches, shared by calls that differ but fetch
 *                   the same thing; implies {@code dedupe}; null for the call's own key
 * @param cache      how the result is cached, or null for not at all
 * @param retry      how a failed call is tried again, or null for not at all
 * @param priority   which calls go first when the client caps its requests in flight
 */
public record CallOptions(Duration timeout, boolean idempotent, boolean dedupe, String dedupeKey, CachePolicy cache, RetryPolicy retry,
                          Priority priority) {
    /** How long calls wait by default: 30 seconds, as browser clients do. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final CallOptions DEFAULTS = builder().build();

    public CallOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        priority = priority == null ? Priority.NORMAL : priority;
    }

    /** Options without a priority, which is then {@link Priority#NORMAL}. */
    public CallOptions(Duration timeout, boolean idempotent, boolean dedupe, String dedupeKey, CachePolicy cache, RetryPolicy retry) {
        this(timeout, idempotent, dedupe, dedupeKey, cache, retry, Priority.NORMAL);
    }

    /** A 30 s timeout, not idempotent, not deduplicated, not cached, not retried, normal priority. */
    public static CallOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options, to override some of them. */
    public Builder toBuilder() {
        return new Builder().timeout(timeout).idempotent(idempotent).dedupe(dedupe).dedupeKey(dedupeKey).cache(cache).retry(retry).priority(priority);
    }

    /**
     * Builds {@link CallOptions}.
     *
     * <pre>{@code
     * CallOptions options = CallOptions.builder().timeout(Duration.ofSeconds(5)).idempotent(true).build();
     * }</pre>
     */
    public static final class Builder {
        private Duration timeout = DEFAULT_TIMEOUT;
        private boolean idempotent;
        private boolean dedupe;
        private String dedupeKey;
        private CachePolicy cache;
        private RetryPolicy retry;
        private Priority priority = Priority.NORMAL;

        private Builder() {
        }

        /** How long the caller waits; must be positive. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Whether the call may run twice without harm (reads, puts of a whole value). */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        /** Whether concurrent identical calls share one request (needs a {@code DeduplicationInterceptor}). */
        public Builder dedupe(boolean dedupe) {
            this.dedupe = dedupe;
            return this;
        }

        /** Calls with this key (and the same principal) share one request, whatever their arguments; null to use each call's own key. */
        public Builder dedupeKey(String dedupeKey) {
            this.dedupeKey = dedupeKey;
            return this;
        }

        /** How the result is cached (needs a {@code CacheInterceptor}); null for not at all. */
        public Builder cache(CachePolicy cache) {
            this.cache = cache;
            return this;
        }

        /** How a failed call is tried again (needs a {@code RetryInterceptor}); null for not at all. */
        public Builder retry(RetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        /** Which calls go first when the client caps its requests in flight; null for {@link Priority#NORMAL}. */
        public Builder priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        public CallOptions build() {
            return new CallOptions(timeout, idempotent, dedupe || dedupeKey != null, dedupeKey, cache, retry, priority);
        }
    }
}
