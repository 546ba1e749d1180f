package dev.aether.netron.client.ws;

import dev.aether.netron.client.Invocation;
import dev.aether.netron.client.Transport;
import dev.aether.netron.client.event.EventHandler;
import dev.aether.netron.client.event.EventSource;
import dev.aether.netron.client.event.EventSubscription;
import dev.aether.netron.client.event.Subscriptions;
import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.RpcException;
import dev.aether.netron.protocol.error.TransportLostException;
import dev.aether.netron.protocol.http.AuthenticateResponse;
import dev.aether.netron.protocol.stream.StreamLimits;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Netron over WebSocket that survives the network: when the connection drops it connects again
 * (waits from {@link ReconnectPolicy}), authenticates again (the token, and the credentials of
 * the last successful {@link #authenticate}), subscribes again to every event that still has a
 * handler, and tells its {@link ConnectionListener}. What {@code NetronClient.websocket} uses.
 *
 * <pre>{@code
 * ReconnectingTransport transport = ReconnectingTransport.builder(URI.create("ws://127.0.0.1:8080/"))
 *         .token(token)
 *         .reconnect(ReconnectPolicy.defaults())
 *         .listener(state -> System.out.println("netron " + state))
 *         .connect();
 * NetronClient client = NetronClient.over(transport);
 * }</pre>
 *
 * <p>Calls: a call made while disconnected waits for the connection up to its own timeout (then
 * 408); a call in flight when the connection drops fails with {@link TransportLostException} and
 * is never sent again (it may have run: the application decides whether to retry). The first
 * connection is made by {@link Builder#connect()}, which throws when it fails; a 4001 (invalid
 * token) on a later attempt stops reconnecting ({@link ConnectionState#DISCONNECTED}).
 */
public final class ReconnectingTransport implements Transport, EventSource {
    private static final System.Logger LOG = System.getLogger(ReconnectingTransport.class.getName());

    private final URI uri;
    private final String token;
    private final Duration connectTimeout;
    private final ReconnectPolicy policy;
    private final KeepAlive keepAlive;
    private final ConnectionListener listener;
    private final Subscriptions subscriptions;
    private final Object lock = new Object();
    private volatile WebSocketTransport current;
    private volatile CompletableFuture<WebSocketTransport> ready = new CompletableFuture<>();
    private volatile ConnectionState state = ConnectionState.CONNECTING;
    private volatile Map<String, ?> credentials;
    private volatile boolean closed;
    private volatile Thread reconnecting;

    private ReconnectingTransport(Builder builder) {
        this.uri = builder.uri;
        this.token = builder.token;
        this.connectTimeout = builder.connectTimeout;
        this.policy = builder.policy;
        this.keepAlive = builder.keepAlive;
        this.listener = builder.listener;
        this.subscriptions = new Subscriptions(new Wire(), WebSocketTransport.TASK_TIMEOUT, this::subscriptionRefused);
    }

    /** A builder for a transport to {@code uri} ({@code ws://host:port/}). */
    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    /** Connects anonymously with the default policy. */
    public static ReconnectingTransport connect(URI uri) {
        return builder(uri).connect();
    }

    /** Connects with a bearer token (null: anonymous) with the default policy. */
    public static ReconnectingTransport connect(URI uri, String token) {
        return builder(uri).token(token).connect();
    }

    @Override
    public CompletableFuture<Object> call(Invocation invocation) {
        return whenConnected(invocation.timeout(), invocation.service() + "." + invocation.method(),
                (connection, remaining) -> connection.call(new Invocation(invocation.service(), invocation.method(),
                        invocation.arguments(), invocation.resultType(), remaining, invocation.idempotencyKey(),
                        invocation.revalidation(), invocation.token())));
    }

    @Override
    public CompletableFuture<Definition> queryInterface(String service) {
        return whenConnected(WebSocketTransport.TASK_TIMEOUT, "query_interface", (connection, remaining) -> connection.queryInterface(service));
    }

    @Override
    public CompletableFuture<AuthenticateResponse.Result> authenticate(Map<String, ?> credentials) {
        return whenConnected(WebSocketTransport.TASK_TIMEOUT, "authenticate", (connection, remaining) -> connection.authenticate(credentials))
                .thenApply(result -> {
                    if (result.success()) {
                        this.credentials = Map.copyOf(credentials);   // sent again after every reconnect
                    }
                    return result;
                });
    }

    @Override
    public EventSubscription subscribe(String event, EventHandler handler) {
        if (closed) {
            throw new TransportLostException("Connection is closed");
        }
        return subscriptions.add(event, handler);
    }

    /** Where the connection stands now. */
    public ConnectionState state() {
        return state;
    }

    /** Event handlers registered now (0 once every subscription is closed). */
    public int handlerCount() {
        return subscriptions.handlerCount();
    }

    /** Requests sent on the current connection and not answered yet. */
    public int inFlight() {
        WebSocketTransport c = current;
        return c == null ? 0 : c.inFlight();
    }

    /** The server's Netron id (of the current connection; null while disconnected). */
    public String serverId() {
        WebSocketTransport c = current;
        return c == null ? null : c.serverId();
    }

    /** Whether the transport is usable (connected or reconnecting); false once closed or refused. */
    public boolean isOpen() {
        return !closed;
    }

    /** Closes for good: no more attempts, calls in flight and waiting fail with {@link TransportLostException}. */
    @Override
    public void close() {
        WebSocketTransport c;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            c = current;
            current = null;
        }
        Thread t = reconnecting;
        if (t != null) {
            t.interrupt();
        }
        if (c != null) {
            c.close();
        }
        ready.completeExceptionally(new TransportLostException("Connection closed by the client"));
        subscriptions.close();
        changeState(ConnectionState.DISCONNECTED);
    }

    private <T> CompletableFuture<T> whenConnected(Duration timeout, String what, Send<T> send) {
        if (closed) {
            return CompletableFuture.failedFuture(new TransportLostException("Connection is closed"));
        }
        WebSocketTransport c = current;
        if (c != null && c.isOpen()) {
            return send.on(c, timeout);
        }
        long start = System.nanoTime();
        return ready.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(error instanceof TimeoutException
                        ? RpcException.timeout(what + " waited " + timeout.toMillis() + " ms for a connection")
                        : error))
                .thenCompose(connection -> {
                    Duration left = timeout.minusNanos(System.nanoTime() - start);
                    return send.on(connection, left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left);
                });
    }

    /** Sends one request on a connection, with the time left of the caller's timeout. */
    @FunctionalInterface
    private interface Send<T> {
        CompletableFuture<T> on(WebSocketTransport connection, Duration remaining);
    }

    private WebSocketTransport open() {
        Hooks hooks = new Hooks();
        WebSocketTransport connection = WebSocketTransport.connect(uri, token, connectTimeout, StreamLimits.defaults(), keepAlive, hooks);
        hooks.connection = connection;
        return connection;
    }

    /** The first connection, from {@link Builder#connect()}. */
    private ReconnectingTransport start() {
        changeState(ConnectionState.CONNECTING);
        WebSocketTransport first = open();
        connected(first);
        return this;
    }

    private void connected(WebSocketTransport connection) {
        synchronized (lock) {
            if (closed) {
                connection.close();
                return;
            }
            current = connection;
        }
        if (!connection.isOpen()) {
            lost(connection);   // it dropped while we were setting it up: its loss went unheard
            return;
        }
        // After current is set, new subscriptions go straight out on it; the ones made before are sent again here
        // (the server treats a repeated subscribe as one). Refusals reach the listener and the handles.
        subscriptions.resubscribe(event -> connection.task(List.of("subscribe", event)));
        ready.complete(connection);
        changeState(ConnectionState.CONNECTED);
    }

    private void lost(WebSocketTransport connection) {
        synchronized (lock) {
            if (closed || current != connection) {
                return;
            }
            current = null;
            ready = new CompletableFuture<>();
        }
        subscriptions.disconnected();
        changeState(ConnectionState.RECONNECTING);
        // Off the socket's thread: closing the old connection may wait a moment for its close frame.
        reconnecting = Thread.ofVirtual().name("netron-reconnect").start(() -> {
            connection.close();   // releases its HttpClient; its calls in flight already failed with TransportLostException
            reconnect();
        });
    }

    private void reconnect() {
        for (int attempt = 0; !closed; attempt++) {
            try {
                Thread.sleep(policy.delay(attempt, ThreadLocalRandom.current()::nextDouble));
            } catch (InterruptedException e) {
                return;   // closed
            }
            WebSocketTransport connection;
            try {
                connection = open();
                Map<String, ?> again = credentials;
                if (again != null) {
                    connection.authenticate(again).get(WebSocketTransport.TASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (AuthException refused) {
                LOG.log(System.Logger.Level.WARNING, "the server refused the token on reconnect: giving up", refused);
                giveUp(refused);
                return;
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "reconnect attempt " + (attempt + 1) + " to " + uri + " failed: " + e);
                continue;
            }
            connected(connection);
            return;
        }
    }

    private void giveUp(AuthException cause) {
        synchronized (lock) {
            closed = true;
        }
        ready.completeExceptionally(cause);
        subscriptions.close();
        changeState(ConnectionState.DISCONNECTED);
    }

    private void changeState(ConnectionState next) {
        state = next;
        try {
            listener.onStateChange(next);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "connection listener failed on " + next, e);
        }
    }

    private void subscriptionRefused(String event, NetronException cause) {
        try {
            listener.onSubscriptionRefused(event, cause);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "connection listener failed on the refusal of '" + event + "'", e);
        }
    }

    /** What each connection reports: its loss (reconnect) and the events it receives (to the handlers). */
    private final class Hooks implements WebSocketTransport.Hooks {
        private volatile WebSocketTransport connection;

        @Override
        public void lost(int code, String reason) {
            WebSocketTransport c = connection;
            if (c != null) {   // null: lost while connecting; connected() notices it
                ReconnectingTransport.this.lost(c);
            }
        }

        @Override
        public void event(String event, List<Object> args) {
            subscriptions.deliver(event, args);
        }
    }

    /** Subscribe and unsubscribe on the current connection; while reconnecting they wait for it. */
    private final class Wire implements Subscriptions.Wire {
        @Override
        public Optional<CompletableFuture<?>> subscribe(String event) {
            WebSocketTransport c = current;
            if (c == null) {
                // Reconnecting: the new connection subscribes to every event with a handler, this one included.
                return Optional.empty();
            }
            return Optional.of(c.task(List.of("subscribe", event)));
        }

        @Override
        public void unsubscribe(String event) {
            WebSocketTransport c = current;
            if (c != null) {
                c.task(List.of("unsubscribe", event));
            }
        }
    }

    /** Configures a {@link ReconnectingTransport}. */
    public static final class Builder {
        private final URI uri;
        private String token;
        private Duration connectTimeout = WebSocketTransport.CONNECT_TIMEOUT;
        private ReconnectPolicy policy = ReconnectPolicy.defaults();
        private KeepAlive keepAlive = KeepAlive.defaults();
        private ConnectionListener listener = state -> { };

        private Builder(URI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
        }

        /** A bearer token sent on every connection (null: anonymous). */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The waits between attempts (1 s → 30 s, ±15 % by default). */
        public Builder reconnect(ReconnectPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The client's own pings (every 20 s, lost after 10 s without an answer, by default). */
        public Builder keepAlive(KeepAlive keepAlive) {
            this.keepAlive = Objects.requireNonNull(keepAlive, "keepAlive");
            return this;
        }

        public Builder listener(ConnectionListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Makes the first connection, or throws as {@link WebSocketTransport#connect(URI, String, Duration)}
         * does ({@link AuthException} for 4001, {@code TransportException} otherwise).
         */
        public ReconnectingTransport connect() {
            ReconnectingTransport transport = new ReconnectingTransport(this);
            try {
                return transport.start();
            } catch (RuntimeException e) {
                transport.close();
                throw e;
            }
        }
    }
}
