package dev.aether.titan;

import dev.aether.netron.protocol.stream.StreamLimits;
import dev.aether.titan.ws.WebSocketOptions;
import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.protocol.ServiceId;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import dev.aether.titan.call.Dispatcher;
import dev.aether.titan.call.RateLimiting;
import dev.aether.titan.http.HeaderReadTimeout;
import dev.aether.titan.http.HttpEndpoint;
import dev.aether.titan.inbound.InboundBudget;
import dev.aether.titan.http.SecurityHeaders;
import dev.aether.titan.local.InProcessTransport;
import dev.aether.titan.service.ServiceModel;
import dev.aether.titan.service.ServiceRegistry;
import dev.aether.titan.event.EventAccess;
import dev.aether.titan.event.EventBus;
import dev.aether.titan.event.EventCatalog;
import dev.aether.titan.event.EventLimits;
import dev.aether.titan.event.Events;
import dev.aether.titan.event.InProcessEventBus;
import dev.aether.titan.ws.WebSocketEndpoint;
import dev.aether.titan.ws.WebSocketOptions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service host: serves {@code @Service} classes over Netron HTTP and WebSocket on Jetty 12,
 * every request on a virtual thread, and in process to callers in the same JVM.
 *
 * <pre>{@code
 * Titan titan = Titan.builder()
 *         .port(8080)                                 // 0: any free port
 *         .service(new CalculatorService())            // an instance...
 *         .service(UserService.class)                  // ...or a class Guice builds, with @Inject
 *         .modules(new PersistenceModule())            // Guice modules; @Service bindings are served too
 *         .authenticator(tokens)
 *         .build()
 *         .start();
 * Calculator calc = titan.client().service(Calculator.class);   // in process, no sockets
 * titan.stop();                                                  // drains calls in flight
 * }</pre>
 *
 * <p>{@link #stop()} is graceful: new calls get 503 while those in flight finish (up to the stop
 * timeout), then the server closes.
 */
public final class Titan implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Titan.class);
    /** The gauge of the bytes held in unfinished WebSocket messages (see {@link Limits#maxUnfinishedMessageBytes()}). */
    public static final String UNFINISHED_BYTES_METRIC = "netron.websocket.unfinished.bytes";

    private final TitanSettings settings;
    private final Injector injector;
    private final ServiceRegistry registry;
    private final Dispatcher dispatcher;
    private final PrometheusMeterRegistry meters;
    private final List<Mount> mounts;
    private final Events events;
    private final StreamLimits streamLimits;
    private Server server;
    private ServerConnector connector;
    private HttpEndpoint http;

    private Titan(Builder builder) {
        this.settings = builder.settings();
        this.events = new Events(builder.eventBus, new EventCatalog(builder.events, settings.defaultDeny()), builder.eventLimits);
        List<Module> modules = new ArrayList<>(builder.modules);
        // Services and application code publish with an injected EventBus.
        modules.add(binder -> binder.bind(EventBus.class).toInstance(events.bus()));
        this.injector = Guice.createInjector(modules);
        this.registry = new ServiceRegistry();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object instance : builder.instances) {
            injector.injectMembers(instance);
            register(instance, seen);
        }
        for (Class<?> type : builder.classes) {
            register(injector.getInstance(type), seen);
        }
        discoverServices(injector, seen);
        for (List<Module> scope : builder.scopes) {
            discoverServices(injector.createChildInjector(scope), seen);
        }
        this.mounts = List.copyOf(builder.mounts);
        this.streamLimits = builder.streamLimits;
        this.meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RateLimiting rateLimiting = builder.rateLimit == null ? null : new RateLimiting(builder.rateLimit, builder.rateWindow);
        this.dispatcher = new Dispatcher(registry, NetronMsgpack.standard(), builder.authenticator, settings.defaultDeny(),
                rateLimiting, meters, builder.peerId, settings.limits().authAttempts());
        builder.cacheInvalidations.forEach(dispatcher.cacheInvalidations()::register);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts serving. */
    public synchronized Titan start() {
        if (server != null) {
            throw new IllegalStateException("Titan is already started");
        }
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("titan");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(16 * 1024);
        http.setSendServerVersion(false);
        ServerConnector serverConnector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        serverConnector.setHost(settings.host());
        serverConnector.setPort(settings.port());
        // Jetty's default backlog (50) overflows when thousands of browsers reconnect after a restart.
        serverConnector.setAcceptQueueSize(1024);
        serverConnector.setIdleTimeout(settings.limits().idleTimeout().toMillis());
        HeaderReadTimeout headerTimeout = new HeaderReadTimeout(settings.limits().headerReadTimeout(),
                settings.limits().idleTimeout().plus(settings.limits().headerReadTimeout()), jetty.getScheduler());
        serverConnector.addEventListener(headerTimeout);
        jetty.addConnector(serverConnector);
        // One budget for every WebSocket of this server (Netron's and the mounts' alike): InboundBudget.of(jetty) finds it.
        InboundBudget budget = new InboundBudget(settings.limits().maxUnfinishedMessageBytes(), settings.limits().messageTimeout(),
                jetty.getScheduler());
        jetty.addBean(budget);
        Gauge.builder(UNFINISHED_BYTES_METRIC, budget, InboundBudget::used)
                .description("Bytes held in WebSocket messages not finished yet, over all connections")
                .baseUnit("bytes")
                .register(meters);
        HttpEndpoint netronHttp = new HttpEndpoint(dispatcher, settings, meters);
        Handler app = WebSocketEndpoint.wrap(jetty, netronHttp, dispatcher, settings, WebSocketOptions.defaults(), events, streamLimits);
        for (int i = mounts.size() - 1; i >= 0; i--) {
            app = mounts.get(i).wrap(jetty, app, settings);   // the first mount sees requests first
        }
        headerTimeout.setHandler(new SecurityHeaders(app));
        jetty.setHandler(new GracefulHandler(headerTimeout));
        jetty.setStopTimeout(settings.stopTimeout().toMillis());
        try {
            jetty.start();
        } catch (Exception e) {
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // already failing
            }
            throw new IllegalStateException("Titan could not start on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        this.server = jetty;
        this.connector = serverConnector;
        this.http = netronHttp;
        LOG.info("Titan serving {} services on {}", registry.all().size(), httpUri());
        return this;
    }

    /** Stops gracefully: new calls get 503, calls in flight finish (up to the stop timeout), then the server closes. */
    public synchronized void stop() {
        dispatcher.startDraining();
        for (Mount mount : mounts) {
            try {
                mount.stop();
            } catch (RuntimeException e) {
                LOG.warn("error while stopping mount {}", mount, e);
            }
        }
        try {
            if (!dispatcher.awaitIdle(settings.stopTimeout())) {
                LOG.warn("{} calls still running after {}; stopping anyway", dispatcher.inFlight(), settings.stopTimeout());
            }
            if (http != null) {
                http.abortBodyReads(); // uploads still arriving get 503 + Retry-After instead of a closed connection
            }
            if (server != null) {
                server.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("error while stopping Titan", e);
        } finally {
            dispatcher.shutdown();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The port the server listens on (the real one when started with port 0). */
    public int port() {
        if (connector == null) {
            throw new IllegalStateException("Titan is not started");
        }
        return connector.getLocalPort();
    }

    /** {@code http://host:port}: the base of {@code /netron/invoke} and friends. */
    public URI httpUri() {
        return URI.create("http://" + settings.host() + ":" + port());
    }

    /** The Netron WebSocket address, {@code ws://host:port/}. */
    public URI webSocketUri() {
        return URI.create("ws://" + settings.host() + ":" + port() + settings.webSocketPath());
    }

    /** An anonymous in-process client: no sockets, same rules and errors as a remote caller. */
    public NetronClient client() {
        return NetronClient.over(new InProcessTransport(dispatcher), settings.requestTimeout());
    }

    /** An in-process client acting as {@code principal}. */
    public NetronClient client(Principal principal) {
        return NetronClient.over(new InProcessTransport(dispatcher, principal), settings.requestTimeout());
    }

    public Injector injector() {
        return injector;
    }

    /** The metrics Titan records (also served at {@code GET /metrics}). */
    public PrometheusMeterRegistry meterRegistry() {
        return meters;
    }

    public TitanSettings settings() {
        return settings;
    }

    /** The caches the {@code invalidate_cache} task acts on; register one while the server runs. */
    public CacheInvalidations cacheInvalidations() {
        return dispatcher.cacheInvalidations();
    }

    /**
     * The event bus: what is emitted on it reaches every WebSocket peer subscribed to the event
     * (services get the same bus injected as {@link EventBus}).
     *
     * <pre>{@code
     * titan.events().emit("user.created", user);
     * }</pre>
     */
    public EventBus events() {
        return events.bus();
    }

    /** This server's Netron peer id. */
    public String peerId() {
        return dispatcher.peerId();
    }

    private void register(Object instance, Set<Object> seen) {
        if (seen.add(instance)) {
            registry.register(ServiceModel.of(instance));
        }
    }

    /** Serves every binding of {@code scope} whose type (or an interface of it) carries {@code @Service}. */
    private void discoverServices(Injector scope, Set<Object> seen) {
        for (Map.Entry<Key<?>, Binding<?>> entry : scope.getBindings().entrySet()) {
            Class<?> type = entry.getKey().getTypeLiteral().getRawType();
            if (ServiceId.isDeclaredOn(type)) {
                register(scope.getInstance(entry.getKey()), seen);
            }
        }
    }



    /** Configures a {@link Titan}; every setting has a default that works on a developer machine. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxBodyBytes = 10 * 1024 * 1024;
        private int maxPacketBytes = 4 * 1024 * 1024;
        private Limits limits = Limits.defaults();
        private IdempotencySettings idempotency = IdempotencySettings.defaults();
        private boolean defaultDeny;
        private String metricsToken;
        private List<String> allowedOrigins = List.of();
        private Duration stopTimeout = Duration.ofSeconds(30);
        private String webSocketPath = "/";
        private Authenticator authenticator;
        private Integer rateLimit;
        private Duration rateWindow;
        private String peerId = UUID.randomUUID().toString();
        private final List<Object> instances = new ArrayList<>();
        private final List<Class<?>> classes = new ArrayList<>();
        private final List<Module> modules = new ArrayList<>();
        private final List<List<Module>> scopes = new ArrayList<>();
        private final List<Mount> mounts = new ArrayList<>();
        private final List<CacheInvalidation> cacheInvalidations = new ArrayList<>();
        private final Map<String, EventAccess> events = new java.util.LinkedHashMap<>();
        private EventLimits eventLimits = EventLimits.defaults();
        private EventBus eventBus = new InProcessEventBus();
        private StreamLimits streamLimits = StreamLimits.defaults();

        private Builder() {
        }

        /**
         * Declares who may subscribe to {@code event} (an undeclared event is open to every peer,
         * or every authenticated one when default-deny is on).
         *
         * <pre>{@code
         * Titan.builder().event("user.created", EventAccess.roles("admin"));
         * }</pre>
         */
        public Builder event(String event, EventAccess access) {
            EventCatalog.checkName(event);
            events.put(event, Objects.requireNonNull(access, "access"));
            return this;
        }

        /**
         * The event bus to serve (a fresh {@link InProcessEventBus} by default): pass one to reach
         * it before Titan is built, from a page mounted on it, say.
         *
         * <pre>{@code
         * EventBus events = new InProcessEventBus();
         * Titan.builder().eventBus(events).mount(SignupsPage.mount(events));
         * }</pre>
         */
        public Builder eventBus(EventBus bus) {
            this.eventBus = Objects.requireNonNull(bus, "bus");
            return this;
        }

        /** Subscriptions per connection (1,000) and events queued per connection before a slow subscriber is dropped (1,024). */
        public Builder eventLimits(EventLimits limits) {
            this.eventLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Serves {@code mount} (live pages, say) in front of the Netron routes; the first mount added sees requests first. */
        /** Bounds of the streams of each WebSocket connection (window, buffer, streams per peer, inactivity timeout). */
        public Builder streamLimits(StreamLimits limits) {
            this.streamLimits = java.util.Objects.requireNonNull(limits, "limits");
            return this;
        }

        public Builder mount(Mount mount) {
            mounts.add(Objects.requireNonNull(mount, "mount"));
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; 0 picks a free one ({@link Titan#port()} tells which). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Serves a service instance (its {@code @Inject} fields and methods are injected). */
        public Builder service(Object instance) {
            instances.add(Objects.requireNonNull(instance, "instance"));
            return this;
        }

        /** Serves a service class that Guice creates, with its dependencies. */
        public Builder service(Class<?> type) {
            classes.add(Objects.requireNonNull(type, "type"));
            return this;
        }

        /** Guice modules for the application; bindings of {@code @Service} types are served. */
        public Builder modules(Module... modules) {
            this.modules.addAll(List.of(modules));
            return this;
        }

        /**
         * A child injector of the application's, with its own bindings (a tenant, a feature with
         * private dependencies); the {@code @Service} bindings it declares are served.
         */
        public Builder scope(Module... modules) {
            scopes.add(List.of(modules));
            return this;
        }

        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = authenticator;
            return this;
        }

        /** A cache the {@code invalidate_cache} task asks to drop entries (see {@link CacheInvalidation}); may be called again for more. */
        public Builder cacheInvalidation(CacheInvalidation cache) {
            cacheInvalidations.add(Objects.requireNonNull(cache, "cache"));
            return this;
        }

        /** When true, methods without {@link Auth} need an authenticated caller. */
        public Builder defaultDeny(boolean defaultDeny) {
            this.defaultDeny = defaultDeny;
            return this;
        }

        /** At most {@code limit} calls per {@code window} for each peer and each IP address (off by default). */
        public Builder rateLimit(int limit, Duration window) {
            this.rateLimit = limit;
            this.rateWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        public Builder maxBodyBytes(int bytes) {
            this.maxBodyBytes = bytes;
            return this;
        }

        public Builder maxPacketBytes(int bytes) {
            this.maxPacketBytes = bytes;
            return this;
        }

        /** Items one {@code /netron/batch} may carry (100 by default); a larger batch answers 413 and runs nothing. */
        public Builder maxBatchItems(int max) {
            this.limits = limits.withMaxBatchItems(max);
            return this;
        }

        /**
         * Slow clients: how long a connection may take to send a request's headers (and a kept-alive
         * one may wait for its next request), 10 s by default, and how long any HTTP connection may
         * stay silent, 30 s. A client trickling its headers is closed after the first.
         */
        public Builder connectionTimeouts(Duration headerRead, Duration idle) {
            this.limits = limits.withTimeouts(headerRead, idle);
            return this;
        }

        /**
         * Fragmented WebSocket messages: all connections together may hold {@code maxBytes} in
         * messages not finished yet (64 MiB by default; a peer that would need more is closed with
         * 1013, try again later), and each message must be finished within {@code timeout} (30 s,
         * else 1008). One message is at most {@link #maxPacketBytes(int)} either way.
         */
        public Builder unfinishedMessages(long maxBytes, Duration timeout) {
            this.limits = limits.withUnfinishedMessages(maxBytes, timeout);
            return this;
        }

        /**
         * Authentication attempts allowed per window, per IP address and per identity (30 and 10 per
         * minute by default; one more answers 429 with {@code Retry-After}). 0 turns one off.
         */
        public Builder authAttempts(int perIp, int perIdentity, Duration window) {
            this.limits = limits.withAuthAttempts(new Limits.AuthAttempts(perIp, perIdentity, window));
            return this;
        }

        /**
         * How long (10 min by default) and in how much memory (16 MiB) results of calls that
         * carried an idempotency key are kept, so that a retried call gets the first result.
         */
        public Builder idempotency(IdempotencySettings idempotency) {
            this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
            return this;
        }

        /** The Bearer token for {@code GET /metrics}; without one the endpoint stays closed (401). */
        public Builder metricsToken(String token) {
            this.metricsToken = token;
            return this;
        }

        /**
         * Origins besides the server's own whose pages may call it from a browser (CORS and the
         * WebSocket origin check), e.g. {@code "https://app.example.com"}. None given: same origin
         * only. Clients that send no Origin (anything but a browser) are not affected.
         */
        public Builder allowedOrigins(String... origins) {
            this.allowedOrigins = List.of(origins);
            return this;
        }

        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder webSocketPath(String path) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("webSocketPath must start with /, got " + path);
            }
            this.webSocketPath = path;
            return this;
        }

        /** This server's Netron id (a random UUID by default). */
        public Builder peerId(String peerId) {
            this.peerId = Objects.requireNonNull(peerId, "peerId");
            return this;
        }

        public Titan build() {
            return new Titan(this);
        }

        TitanSettings settings() {
            return new TitanSettings(host, port, requestTimeout, maxBodyBytes, maxPacketBytes, defaultDeny, metricsToken,
                    allowedOrigins, stopTimeout, webSocketPath, limits, idempotency);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }
    }
}
