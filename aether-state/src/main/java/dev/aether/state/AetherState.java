package dev.aether.state;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.PickedCall;
import dev.aether.netron.client.cache.Invalidation;
import dev.aether.netron.client.cache.ResponseCache;
import dev.aether.netron.client.call.Call;
import dev.aether.netron.client.call.CallKey;
import dev.aether.netron.client.call.CallOptions;
import dev.aether.netron.client.call.CachePolicy;
import dev.aether.netron.client.event.EventSubscription;
import dev.aether.netron.client.recording.RecordedCall;
import dev.aether.netron.protocol.ServiceId;
import dev.aether.reactive.ReactiveContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The Netron client bound to signals: queries, mutations, invalidation, server events. One per
 * application, shared by every session; {@link #withPrincipal} gives each user's view of it,
 * sharing the same entries (an entry belongs to one principal unless its result is public).
 *
 * <pre>{@code
 * AetherState state = AetherState.create(client);                 // at start-up
 * AetherState alice = state.withPrincipal("alice");                // per user (or withClient(hersWithToken))
 *
 * // inside an owner (a component, an effect, createRoot), on the session's context:
 * Query<List<User>> users = alice.query(Users.class, u -> u.list(page.get()),
 *         QueryOptions.<List<User>>defaults().tags("users").keepPreviousData(true));
 * Mutation<String, User> create = alice.mutation(Users.class, Users::create,
 *         MutationOptions.<String, User>defaults().invalidates("users"));
 * create.mutate("Ada");                   // on success every observed "users" query refetches
 *
 * state.invalidateOn("user.created", "users");   // a server event refetches them in every session
 * }</pre>
 *
 * <p>Threading: everything a query or mutation gives (its signals) belongs to the context that
 * made it and is read there; answers arrive on the client's threads and reach each context by a
 * task posted to it (docs/state.md, "Threading"). The entries themselves are thread-safe.
 */
public final class AetherState {
    private static final ScheduledExecutorService SHARED_SCHEDULER = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .name("aether-state").daemon(true).factory());

    private final NetronClient client;
    private final Shared shared;

    /** What every principal's view shares. */
    private record Shared(QueryRegistry registry, Ticker ticker, ScheduledExecutorService scheduler) {
    }

    private AetherState(NetronClient client, Shared shared) {
        this.client = Objects.requireNonNull(client, "client");
        this.shared = shared;
    }

    /**
     * The state layer over {@code client}. For its cache, deduplication and retries to apply,
     * build the client with a {@code CacheInterceptor}, a {@code DeduplicationInterceptor} and a
     * {@code RetryInterceptor} (docs/state.md, "Set-up").
     */
    public static AetherState create(NetronClient client) {
        return builder(client).build();
    }

    public static Builder builder(NetronClient client) {
        return new Builder(client);
    }

    /** This state for {@code principal}: the same entries, the client calling on that principal's behalf. */
    public AetherState withPrincipal(String principal) {
        return new AetherState(client.withPrincipal(principal), shared);
    }

    /** This state calling through another client (one carrying a user's token, say), sharing the entries. */
    public AetherState withClient(NetronClient other) {
        return new AetherState(other, shared);
    }

    /** Whom this view fetches for. */
    public String principal() {
        return client.principal();
    }

    public NetronClient client() {
        return client;
    }

    // ---- queries ------------------------------------------------------------------------------

    /** {@link #query(Class, Function, QueryOptions)} with the defaults. */
    public <S, T> Query<T> query(Class<S> service, Function<? super S, ? extends T> call) {
        return query(service, call, QueryOptions.defaults());
    }

    /**
     * The result of the one method {@code call} calls on {@code service}, as signals. Call it
     * inside an owner; the signals {@code call} reads are the query's arguments: when they change
     * the query moves to the new key (keeping the previous data shown if asked). Observers of the
     * same key, in any session of the same principal, share one entry and one fetch.
     *
     * @throws IllegalStateException outside an owner
     */
    public <S, T> Query<T> query(Class<S> service, Function<? super S, ? extends T> call, QueryOptions<T> options) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(options, "options");
        requireOwner("query");
        return new ObservedQuery<>(entries(service), service, call, false, options);
    }

    /**
     * {@link #query(Class, Function, QueryOptions)} for a method that returns a
     * {@code CompletableFuture} or {@code CompletionStage}: the query's data is the future's value.
     *
     * <pre>{@code
     * Query<User> user = state.queryAsync(Users.class, u -> u.findAsync(id.get()), QueryOptions.defaults());
     * }</pre>
     */
    @SuppressWarnings("unchecked")
    public <S, T> Query<T> queryAsync(Class<S> service, Function<? super S, ? extends CompletionStage<T>> call, QueryOptions<T> options) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(options, "options");
        requireOwner("queryAsync");
        return new ObservedQuery<>(entries(service), service, (Function<? super S, ? extends T>) (Function<?, ?>) call, true, options);
    }

    /**
     * The queries of {@code calls}, observed together; see {@link ParallelQueries}.
     *
     * <pre>{@code
     * ParallelQueries<User> team = state.queries(Users.class, ids.stream().<Function<Users, User>>map(id -> u -> u.find(id)).toList(),
     *         QueryOptions.defaults());
     * }</pre>
     */
    public <S, T> ParallelQueries<T> queries(Class<S> service, List<? extends Function<? super S, ? extends T>> calls, QueryOptions<T> options) {
        List<Query<T>> queries = new ArrayList<>();
        for (Function<? super S, ? extends T> call : calls) {
            queries.add(query(service, call, options));
        }
        return new ParallelQueries<>(queries);
    }

    /**
     * Pages fetched one after another by {@code page}, as signals; see {@link InfiniteQuery}.
     *
     * @throws IllegalStateException outside an owner
     */
    public <S, T, P> InfiniteQuery<T, P> infiniteQuery(Class<S> service, BiFunction<? super S, ? super P, ? extends T> page,
                                                       InfiniteOptions<T, P> options) {
        requireOwner("infiniteQuery");
        return new PagedQuery<>(this, service, page, options);
    }

    // ---- mutations ----------------------------------------------------------------------------

    /** {@link #mutation(Class, BiFunction, MutationOptions)} with the defaults (no retry, no callbacks). */
    public <S, I, R> Mutation<I, R> mutation(Class<S> service, BiFunction<? super S, ? super I, ? extends R> call) {
        return mutation(service, call, MutationOptions.defaults());
    }

    /**
     * A mutation: {@code call} picks the method and passes it the input of each
     * {@link Mutation#mutate}. Its signals belong to the calling context.
     */
    public <S, I, R> Mutation<I, R> mutation(Class<S> service, BiFunction<? super S, ? super I, ? extends R> call,
                                             MutationOptions<I, R> options) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(options, "options");
        return new RunningMutation<>(this, service, call, options);
    }

    // ---- streams and events ---------------------------------------------------------------

    /**
     * The stream the method {@code call} picks (one declared {@code Flow.Publisher<T>}), as
     * signals; the signals {@code call} reads are its arguments. Closed with its owner.
     *
     * @throws IllegalStateException outside an owner
     */
    public <S, T> LiveStream<T> stream(Class<S> service, Function<? super S, ? extends java.util.concurrent.Flow.Publisher<T>> call,
                                       StreamOptions options) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(options, "options");
        requireOwner("stream");
        return new OpenStream<>(client.service(service), call, options, shared.scheduler);
    }

    /**
     * Calls {@code handler} on this context with each {@code event} the server emits (its first
     * argument converted to {@code type}), until the owner is disposed. Needs a client that
     * delivers events (WebSocket).
     *
     * @throws IllegalStateException outside an owner
     */
    public <T> EventFeed<T> subscription(String event, Class<T> type, java.util.function.Consumer<? super T> handler) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        requireOwner("subscription");
        return new OpenSubscription<>(client, event, type, handler);
    }

    // ---- invalidation -------------------------------------------------------------------------

    /**
     * Marks the entries {@code which} matches stale, refetches those observed now (unobserved
     * ones refetch when next observed) and drops the client's cached answers it matches; returns
     * how many entries were refetched.
     */
    public int invalidate(Invalidation which) {
        Objects.requireNonNull(which, "which");
        client.invalidate(which);
        return invalidateEntries(entry -> which.matches(entry.key.text(), entry.key.tags()));
    }

    /** Invalidates the entries carrying any of {@code tags}. */
    public int invalidateTags(String... tags) {
        return invalidate(Invalidation.tags(tags));
    }

    /** Invalidates the exact key, or the keys starting with {@code prefix} for {@code "prefix*"}. */
    public int invalidate(String pattern) {
        return invalidate(Invalidation.parse(pattern));
    }

    /** Invalidates the entries whose key {@code which} accepts. */
    public int invalidate(Predicate<QueryKey> which) {
        Objects.requireNonNull(which, "which");
        return invalidateEntries(entry -> which.test(entry.key));
    }

    private int invalidateEntries(Predicate<SharedQuery> which) {
        int refetched = 0;
        for (SharedQuery entry : shared.registry.matching(which)) {
            if (entry.invalidate()) {
                refetched++;
            }
        }
        return refetched;
    }

    /**
     * Invalidates {@code tags} each time the server emits {@code event}: with a WebSocket client,
     * a {@code user.created} emitted anywhere refetches every observing query of every session.
     * Handlers of one event share one wire subscription; close the handle to stop.
     *
     * <pre>{@code
     * try (AutoCloseable refresh = state.invalidateOn("user.created", "users")) { ... }
     * }</pre>
     */
    public EventSubscription invalidateOn(String event, String... tags) {
        Objects.requireNonNull(event, "event");
        String[] copy = tags.clone();
        return client.subscribe(event, args -> invalidateTags(copy));
    }

    /** The connection came back: refetches the observed, stale entries that refetch on reconnect. Call it from the transport's listener. */
    public void reconnected() {
        shared.registry.matching(entry -> true).forEach(SharedQuery::reconnected);
    }

    // ---- writing entries ----------------------------------------------------------------------

    /**
     * Replaces the data of every entry {@code which} matches with {@code update(old)} at once (an
     * optimistic update; a fetch running for them is dropped); the returned handle puts back what
     * was there, unless something replaced it meanwhile.
     *
     * <pre>{@code
     * Rollback undo = state.setQueryData(Invalidation.tags("todos"), old -> append((List<Todo>) old, draft));
     * ... on failure: undo.run();
     * }</pre>
     */
    public Rollback setQueryData(Invalidation which, UnaryOperator<Object> update) {
        Objects.requireNonNull(which, "which");
        Objects.requireNonNull(update, "update");
        List<SharedQuery.Written> written = new ArrayList<>();
        for (SharedQuery entry : shared.registry.matching(e -> which.matches(e.key.text(), e.key.tags()))) {
            written.add(entry.write(update));
        }
        applyHere();
        return () -> {
            written.forEach(SharedQuery.Written::undo);
            applyHere();
        };
    }

    /**
     * Entries tell contexts of a change by posting to them, even the writer's own: a serial
     * context (a live session) applies it as its next task, before any answer can arrive; a
     * confined one (a test, main) is made to apply it now, so the write shows at once there too.
     */
    private static void applyHere() {
        ReactiveContext here = ReactiveContext.current();
        if (here.isConfined() && here.isCurrent()) {
            here.runPending();
        }
    }

    /** How many entries the registry holds now (observed, or unobserved within their gcTime). */
    public long entryCount() {
        return shared.registry.size();
    }

    /** How many fetches the entry for {@code key} started (0 when there is no such entry). */
    public int fetchCount(QueryKey key) {
        SharedQuery entry = shared.registry.find(key);
        return entry == null ? 0 : entry.fetchCount();
    }

    // ---- the parts behind a query ---------------------------------------------------------------

    ScheduledExecutorService scheduler() {
        return shared.scheduler;
    }

    private <S> ObservedQuery.Entries entries(Class<S> service) {
        return new ObservedQuery.Entries() {
            @Override
            public SharedQuery observe(RecordedCall call, QueryOptions<?> options) {
                QueryKey key = keyOf(service, call, options);
                return shared.registry.observe(key, k -> new SharedQuery(k, fetcher(service, call, options), options, shared.ticker,
                        shared.scheduler));
            }

            @Override
            public void forget(SharedQuery entry) {
                shared.registry.forget(entry);
            }

            @Override
            public ScheduledExecutorService scheduler() {
                return shared.scheduler;
            }
        };
    }

    /** The client's key for the call (so prefix invalidations mean the same in both), its principal, its tags. */
    <S> QueryKey keyOf(Class<S> service, RecordedCall call, QueryOptions<?> options) {
        Call picked = pick(service, call, options.cachePolicy());
        String text = options.key() != null ? options.key() : CallKey.of(picked);
        Set<String> tags = options.tags().isEmpty()
                ? new LinkedHashSet<>(List.of(picked.service(), picked.service() + ":" + picked.method()))
                : options.tags();
        return new QueryKey(text, options.sameForEveryCaller() ? null : client.principal(), tags);
    }

    private <S> Call pick(Class<S> service, RecordedCall call, CachePolicy policy) {
        return PickedCall.of(service, ServiceId.of(service).toString(), call::replay, CallOptions.builder().cache(policy).build(),
                client.principal()).call();
    }

    /**
     * How an entry fetches. The entry is the deduplication (one fetch in flight per entry), so the
     * call goes past the client's cache and dedupe, whose shared fetches could not be cancelled by
     * one caller; it carries the query's retry and is sent as idempotent. A first fetch is answered
     * by a fresh answer already in the client's cache (a plain proxy call or SSR put it there);
     * every answer is written back into that cache, so plain callers of the same method see it.
     * The future returned is the call's own: cancelling it cancels the call.
     */
    private <S> SharedQuery.Fetcher fetcher(Class<S> service, RecordedCall call, QueryOptions<?> options) {
        String name = ServiceId.of(service).toString();
        CachePolicy policy = options.cachePolicy();
        boolean async = call.returnsFuture();
        return pastTheCache -> {
            ResponseCache cache = client.caches().isEmpty() ? null : client.caches().getFirst();
            Call cached = cache == null ? null : pick(service, call, policy);
            if (!pastTheCache && cache != null && cache.isFresh(cached)) {
                return CompletableFuture.completedFuture(cache.peek(cached).orElse(null));
            }
            NetronClient fetching = client.withOptions(o -> o.cache(null).dedupe(false).idempotent(true).retry(options.retry()));
            CompletableFuture<Object> answer = async
                    ? call.<CompletionStage<Object>>replay(fetching.service(service, name)).toCompletableFuture()
                    : fetching.fluent(service, name).calling(call::<Object>replay).callAsync();
            if (cache != null) {
                answer.thenAccept(value -> cache.put(cached, value));
            }
            return answer;
        };
    }

    static void requireOwner(String what) {
        if (!dev.aether.reactive.Reactive.hasOwner()) {
            throw new IllegalStateException(what + "(...) needs an owner: call it inside a component, an effect or createRoot(...),"
                    + " so that what it observes is released with it");
        }
    }

    /**
     * Builds an {@link AetherState}.
     *
     * <pre>{@code
     * AetherState state = AetherState.builder(client).scheduler(myScheduler).build();
     * }</pre>
     */
    public static final class Builder {
        private final NetronClient client;
        private Ticker ticker = Ticker.systemTicker();
        private ScheduledExecutorService scheduler = SHARED_SCHEDULER;

        private Builder(NetronClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The clock entries age on (a fake one in tests). */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** Where intervals, staleness timers and stream reconnects run (one shared daemon thread by default). */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        public AetherState build() {
            return new AetherState(client, new Shared(new QueryRegistry(ticker), ticker, scheduler));
        }
    }
}
