package dev.aether.netron.client;

import dev.aether.netron.client.cache.CacheInterceptor;
import dev.aether.netron.client.cache.Invalidation;
import dev.aether.netron.client.cache.ResponseCache;
import dev.aether.netron.client.call.Call;
import dev.aether.netron.client.call.CallInterceptor;
import dev.aether.netron.client.call.CallOptions;
import dev.aether.netron.client.call.InterceptorChain;
import dev.aether.netron.client.fluent.FluentCall;
import dev.aether.netron.client.fluent.FluentContext;
import dev.aether.netron.client.http.HttpTransport;
import dev.aether.netron.client.event.EventHandler;
import dev.aether.netron.client.event.EventSource;
import dev.aether.netron.client.event.EventSubscription;
import dev.aether.netron.client.ws.ReconnectingTransport;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import dev.aether.netron.protocol.ServiceId;
import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.http.AuthenticateResponse;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;

/**
 * The typed Netron client: a service's Java interface is the contract.
 *
 * <pre>{@code
 * @Service("calculator@1.0.0")
 * public interface Calculator {
 *     int add(int a, int b);                              // blocks (cheap on virtual threads)
 *     CompletableFuture<Integer> addAsync(int a, int b);  // does not block
 * }
 *
 * try (NetronClient client = NetronClient.over(transport)) {
 *     Calculator calc = client.service(Calculator.class);
 *     int five = calc.add(2, 3);
 * }
 * }</pre>
 *
 * <p>Errors arrive as the same {@link dev.aether.netron.protocol.error.NetronException}
 * subclass the server threw. Calls time out after {@link #DEFAULT_TIMEOUT} unless the client
 * was built with another timeout. A client is thread-safe; share one per server.
 *
 * <p>Every call passes through the client's {@link CallInterceptor}s, in the order they were
 * added, then the transport (see docs/data-layer.md):
 *
 * <pre>{@code
 * NetronClient client = NetronClient.builder(transport)
 *         .defaults(CallOptions.builder().timeout(Duration.ofSeconds(10)).build())
 *         .interceptor(new CacheInterceptor(cache))
 *         .interceptor(new DeduplicationInterceptor())
 *         .build();
 * Users users = client.withOptions(o -> o.idempotent(true)).service(Users.class);
 * }</pre>
 */
public final class NetronClient implements AutoCloseable {
    /** How long calls wait by default: 30 seconds, as browser clients do. */
    public static final Duration DEFAULT_TIMEOUT = CallOptions.DEFAULT_TIMEOUT;

    private static final NetronMsgpack EVENT_ARGS = NetronMsgpack.standard();
    /** Where background refreshes run unless the builder names a scheduler: one daemon thread shared by all clients. */
    private static final ScheduledExecutorService SHARED_SCHEDULER = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .name("netron-background").daemon(true).factory());

    private final Transport transport;
    private final InterceptorChain chain;
    private final CallOptions defaults;
    private final String principal;
    private final List<ResponseCache> caches;
    private final ScheduledExecutorService scheduler;

    private NetronClient(Transport transport, InterceptorChain chain, CallOptions defaults, String principal, List<ResponseCache> caches,
                         ScheduledExecutorService scheduler) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.principal = principal == null ? Call.ANONYMOUS : principal;
        this.caches = List.copyOf(caches);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** A client over any transport, with the default timeout and no interceptors. */
    public static NetronClient over(Transport transport) {
        return builder(transport).build();
    }

    /** A client over any transport, with the given call timeout and no interceptors. */
    public static NetronClient over(Transport transport, Duration timeout) {
        return builder(transport).defaults(CallOptions.builder().timeout(timeout).build()).build();
    }

    /**
     * A builder for a client over {@code transport}: global call defaults, interceptors, principal.
     *
     * <pre>{@code
     * NetronClient client = NetronClient.builder(transport).interceptor(new DeduplicationInterceptor()).build();
     * }</pre>
     */
    public static Builder builder(Transport transport) {
        return new Builder(transport);
    }

    /**
     * A client over Netron HTTP to the Titan at {@code baseUri} ({@code http://host:port}).
     *
     * <pre>{@code
     * NetronClient client = NetronClient.http(URI.create("http://localhost:8080"));
     * }</pre>
     */
    public static NetronClient http(URI baseUri) {
        return over(new HttpTransport(baseUri));
    }

    /** A client over Netron HTTP that sends {@code token} as {@code Authorization: Bearer} on every call. */
    public static NetronClient http(URI baseUri, String token) {
        return over(new HttpTransport(baseUri, token));
    }

    /**
     * A client over Netron WebSocket ({@code ws://host:port/}), connected and past the handshake,
     * that reconnects by itself when the connection drops (see {@link ReconnectingTransport}); throws {@link dev.aether.netron.protocol.error.TransportException} (503) if the server cannot be reached.
     */
    public static NetronClient websocket(URI uri) {
        return over(ReconnectingTransport.connect(uri));
    }

    /**
     * A client over Netron WebSocket authenticated with a bearer token (sent as
     * {@code Authorization: Bearer}); an invalid token throws
     * {@link dev.aether.netron.protocol.error.AuthException} (the server closes with 4001).
     */
    public static NetronClient websocket(URI uri, String token) {
        return over(ReconnectingTransport.connect(uri, token));
    }

    /** This client with another call timeout, sharing the same transport and interceptors. */
    public NetronClient withTimeout(Duration timeout) {
        return withOptions(options -> options.timeout(timeout));
    }

    /**
     * This client with some call options overridden, sharing the transport, the interceptors
     * (and so the cache) and the principal; the proxies it makes use the new options.
     *
     * <pre>{@code
     * Users cachedUsers = client.withOptions(o -> o.cache(CachePolicy.maxAge(Duration.ofMinutes(1)))).service(Users.class);
     * }</pre>
     */
    public NetronClient withOptions(UnaryOperator<CallOptions.Builder> override) {
        return new NetronClient(transport, chain, override.apply(defaults.toBuilder()).build(), principal, caches, scheduler);
    }

    /**
     * This client calling on behalf of {@code principal} (a user id, say): cache entries and
     * deduplicated calls are kept apart per principal, so one user's data never reaches another.
     * The principal only partitions client-side state; the server authenticates by token.
     */
    public NetronClient withPrincipal(String principal) {
        return new NetronClient(transport, chain, defaults, principal, caches, scheduler);
    }

    /** A proxy for the service named by {@code @Service} on {@code contract}. */
    public <T> T service(Class<T> contract) {
        return service(contract, ServiceId.of(contract).toString());
    }

    /**
     * A proxy for the service {@code name} (or {@code name@version}), for contracts without a
     * {@code @Service} annotation or to pin another version.
     */
    public <T> T service(Class<T> contract, String name) {
        return ServiceProxy.create(contract, name, chain, defaults, principal);
    }

    /**
     * Calls {@code handler} with each {@code event} the server emits, its first argument converted
     * to {@code type} (as call results are). Handlers of the same event share one wire
     * subscription; a handler that throws does not affect the others. The transport must deliver
     * events (WebSocket); a refusal (401/403, 429 past the server's cap) is thrown here.
     *
     * <pre>{@code
     * try (EventSubscription s = client.subscribe("user.created", User.class, user -> System.out.println(user.name()))) {
     *     ...
     * }
     * }</pre>
     */
    public <T> EventSubscription subscribe(String event, Class<T> type, Consumer<? super T> handler) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        return subscribe(event, args -> handler.accept(args.isEmpty() ? null : EVENT_ARGS.convert(args.get(0), type)));
    }

    /** Calls {@code handler} with every argument of each {@code event}, as they came off the wire. */
    public EventSubscription subscribe(String event, EventHandler handler) {
        if (!(transport instanceof EventSource events)) {
            throw new UnsupportedOperationException("Events need a transport that delivers them (WebSocket); this one is "
                    + transport.getClass().getSimpleName());
        }
        return events.subscribe(event, handler);
    }

    /**
     * A fluent call on the service named by {@code @Service} on {@code contract}: options for one
     * call, starting from this client's defaults, then the method.
     *
     * <pre>{@code
     * List<User> users = client.fluent(Users.class).cache(Duration.ofMinutes(1)).retry(3).call(Users::list);
     * }</pre>
     */
    public <S> FluentCall<S> fluent(Class<S> contract) {
        return fluent(contract, ServiceId.of(contract).toString());
    }

    /** A fluent call on the service {@code name} (or {@code name@version}). */
    public <S> FluentCall<S> fluent(Class<S> contract, String name) {
        return FluentCall.of(contract, name, new FluentContext(chain, defaults, principal, caches, scheduler));
    }

    /**
     * Drops the matching entries of every cache of this client ({@code "prefix*"}: keys starting
     * with prefix; anything else: the exact key), and stops matching fetches in flight from
     * storing; returns how many entries were dropped.
     */
    public int invalidate(String pattern) {
        return invalidate(Invalidation.parse(pattern));
    }

    /** Drops the entries whose key {@code regex} matches whole, in every cache of this client. */
    public int invalidate(Pattern regex) {
        return invalidate(new Invalidation.Matching(regex));
    }

    /** Drops the entries carrying any of {@code tags}, in every cache of this client. */
    public int invalidateTags(String... tags) {
        return invalidate(Invalidation.tags(tags));
    }

    /** Drops what {@code which} matches in every cache of this client. */
    public int invalidate(Invalidation which) {
        return caches.stream().mapToInt(cache -> cache.invalidate(which)).sum();
    }

    /** Empties every cache of this client. */
    public void clearCache() {
        caches.forEach(ResponseCache::clear);
    }

    /** The caches of this client's cache interceptors, in chain order. */
    public List<ResponseCache> caches() {
        return caches;
    }

    /** The definition of a service, as the caller may see it (404 if it may not). */
    public Definition queryInterface(String service) {
        return await(transport.queryInterface(service));
    }

    /** Authenticates with credentials ({@code username}/{@code password}, or {@code token}). */
    public AuthenticateResponse.Result authenticate(Map<String, ?> credentials) {
        return await(transport.authenticate(credentials));
    }

    /** The transport this client talks through. */
    public Transport transport() {
        return transport;
    }

    /** The call timeout. */
    public Duration timeout() {
        return defaults.timeout();
    }

    /** The options every call of this client starts from. */
    public CallOptions defaults() {
        return defaults;
    }

    /** Who this client calls for ({@link Call#ANONYMOUS} when nobody was named). */
    public String principal() {
        return principal;
    }

    /** Closes the transport; calls in flight fail with TransportLostException. */
    @Override
    public void close() {
        transport.close();
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new CompletionException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    /**
     * Builds a {@link NetronClient}: interceptors run in the order added, then the transport.
     *
     * <pre>{@code
     * NetronClient client = NetronClient.builder(transport)
     *         .defaults(CallOptions.builder().timeout(Duration.ofSeconds(5)).build())
     *         .interceptor(new DeduplicationInterceptor())
     *         .principal("u-7")
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final Transport transport;
        private final List<CallInterceptor> interceptors = new ArrayList<>();
        private CallOptions defaults = CallOptions.defaults();
        private String principal = Call.ANONYMOUS;
        private ScheduledExecutorService scheduler = SHARED_SCHEDULER;

        private Builder(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
        }

        /** The options every call starts from (global defaults). */
        public Builder defaults(CallOptions defaults) {
            this.defaults = Objects.requireNonNull(defaults, "defaults");
            return this;
        }

        /** Adds an interceptor after those already added. */
        public Builder interceptor(CallInterceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /** Who the client calls for; see {@link NetronClient#withPrincipal(String)}. */
        public Builder principal(String principal) {
            this.principal = principal;
            return this;
        }

        /** Where background refreshes run (the shared daemon thread unless given). */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        public NetronClient build() {
            List<ResponseCache> caches = interceptors.stream()
                    .filter(CacheInterceptor.class::isInstance).map(link -> ((CacheInterceptor) link).cache()).toList();
            return new NetronClient(transport, new InterceptorChain(interceptors, transport), defaults, principal, caches, scheduler);
        }
    }
}
