package dev.aether.netron.client.ws;

import dev.aether.netron.client.Invocation;
import dev.aether.netron.client.Transport;
import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.definition.StreamReference;
import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.RemoteError;
import dev.aether.netron.protocol.error.RpcException;
import dev.aether.netron.protocol.error.SerializationException;
import dev.aether.netron.protocol.error.TransportException;
import dev.aether.netron.protocol.error.TransportLostException;
import dev.aether.netron.protocol.handshake.Handshake;
import dev.aether.netron.protocol.http.AuthenticateResponse;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import dev.aether.netron.protocol.msgpack.Undefined;
import dev.aether.netron.protocol.packet.IdSequence;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketCodec;
import dev.aether.netron.protocol.packet.PacketType;
import dev.aether.netron.protocol.stream.InboundStream;
import dev.aether.netron.protocol.stream.OutboundStream;
import dev.aether.netron.protocol.stream.PeerStreams;
import dev.aether.netron.protocol.stream.StreamLimits;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Netron over WebSocket with the JDK's {@link java.net.http.WebSocket}: connects with
 * {@code ?id=<uuid>} and {@code x-netron-id} (and {@code Authorization: Bearer} when given a
 * token), waits for the server's {@code {"type":"id"}} message, answers {@code client-id} in a
 * text frame, then sends binary packets with ids from its own {@link IdSequence} and matches
 * the replies. Many calls may be in flight at once.
 *
 * <pre>{@code
 * try (NetronClient client = NetronClient.websocket(URI.create("ws://127.0.0.1:8080/"))) {
 *     Calculator calc = client.service(Calculator.class);
 *     int five = calc.add(2, 3);
 * }
 * }</pre>
 *
 * <p>Failures: each call fails with 408 ({@link RpcException}) after its timeout and its id is
 * forgotten; every call in flight fails with {@link TransportLostException} (503) when the
 * connection drops or {@link #close()} is called; server errors arrive as the same
 * {@link NetronException} subclass the server threw. PING packets from the server are
 * answered. This is one connection: {@link ReconnectingTransport} (what {@code NetronClient.websocket}
 * uses) reconnects and keeps subscriptions across connections.
 *
 * <p>Idempotency keys: the client-id offers {@code "keys":true}; a Titan answers
 * {@code {"type":"keys"}} before any packet, and {@link #connect} waits for that (one PING round
 * trip) so that every CALL of the connection then carries the invocation's key after the method,
 * {@code [service, method, key|nil, ...args]}, which Titan strips before dispatch and uses to run
 * a retried call once (docs/protocol.md). A server that does not answer (the TypeScript
 * reference) gets the reference's {@code [service, method, ...args]} and no keys.
 */
public final class WebSocketTransport implements Transport {
    /** How long {@link #connect} waits for the upgrade and the server's id message. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The core task the server forwards events with: {@code ["emit", eventName, ...args]}. */
    static final String EMIT_TASK = "emit";
    /** How long core tasks ({@code authenticate}, {@code query_interface}) wait for their reply. */
    public static final Duration TASK_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Runs the socket's own work: reading frames and answering the server's pings. Platform
     * threads, because the OS schedules them fairly: on virtual threads a process busy with
     * other virtual threads could starve the pong and have a healthy idle connection dropped by
     * the server's heartbeat. Callers' futures complete on virtual threads instead.
     */
    private static final ExecutorService SOCKET_IO = Executors.newCachedThreadPool(runnable -> {
        Thread t = new Thread(runnable, "netron-ws-io");
        t.setDaemon(true);
        return t;
    });

    private final String clientId;
    private final HttpClient http;
    private final ExecutorService executor;
    private final PacketCodec codec = PacketCodec.standard();
    private final NetronMsgpack msgpack = NetronMsgpack.standard();
    private final IdSequence ids = new IdSequence();
    private final PendingCalls pending;
    private final CompletableFuture<String> serverId = new CompletableFuture<>();
    private volatile Hooks hooks = Hooks.NONE;
    private final StreamLimits streamLimits;
    private final PeerStreams streams;
    private volatile boolean packetsStarted;
    /** Id of the PING sent after client-id; its answer (or a silent server) settles {@link #creditsSettled}. */
    private final long creditsPingId = ids.next();
    private final CompletableFuture<Void> creditsSettled = new CompletableFuture<>();
    /** The server took up our idempotency-key offer: every CALL then carries a key slot (Handshake.KeysAccepted). */
    private volatile boolean keysAccepted;
    private volatile OrderedSender sender;
    private volatile Pinger pinger;
    private volatile WebSocket socket;
    private volatile boolean closed;

    private WebSocketTransport(String clientId, HttpClient http, ExecutorService executor, StreamLimits streamLimits) {
        this.clientId = clientId;
        this.streamLimits = streamLimits;
        this.streams = new PeerStreams(this::sendStreamPacket, streamLimits, WebSocketTransport::streamFailureText);
        this.http = http;
        this.executor = executor;
        this.pending = new PendingCalls(executor);
    }

    /** Connects anonymously. */
    public static WebSocketTransport connect(URI uri) {
        return connect(uri, null, CONNECT_TIMEOUT);
    }

    /** Connects with a bearer token (null: anonymous); an invalid token fails with {@link AuthException} (close 4001). */
    public static WebSocketTransport connect(URI uri, String token) {
        return connect(uri, token, CONNECT_TIMEOUT);
    }

    /**
     * Connects and completes the handshake, or throws: {@link AuthException} when the server
     * closes with 4001, {@link TransportException} (503) for anything else (refused, wrong path
     * 4000, no handshake within {@code connectTimeout}).
     */
    public static WebSocketTransport connect(URI uri, String token, Duration connectTimeout) {
        return connect(uri, token, connectTimeout, StreamLimits.defaults());
    }

    /**
     * The same, with the bounds of this connection's streams: {@link StreamLimits#credits()} is the
     * window offered to the server, how far a stream it sends may run ahead of our subscribers.
     */
    public static WebSocketTransport connect(URI uri, String token, Duration connectTimeout, StreamLimits streamLimits) {
        return connect(uri, token, connectTimeout, streamLimits, KeepAlive.defaults());
    }

    /**
     * The same, with the client's own pings: when the server does not answer one within
     * {@code keepAlive.timeout()}, the connection is treated as lost (calls in flight fail with
     * {@link TransportLostException}) without waiting for the OS to notice a dead peer.
     */
    public static WebSocketTransport connect(URI uri, String token, Duration connectTimeout, StreamLimits streamLimits, KeepAlive keepAlive) {
        return connect(uri, token, connectTimeout, streamLimits, keepAlive, Hooks.NONE);
    }

    /** Connects as {@link #connect(URI, String, Duration, StreamLimits, KeepAlive)}, reporting the connection's end and the events it receives to {@code hooks}. */
    static WebSocketTransport connect(URI uri, String token, Duration connectTimeout, StreamLimits streamLimits, KeepAlive keepAlive,
            Hooks hooks) {
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(streamLimits, "streamLimits");
        String clientId = UUID.randomUUID().toString();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient http = HttpClient.newBuilder().executor(SOCKET_IO).connectTimeout(connectTimeout).build();
        WebSocketTransport transport = new WebSocketTransport(clientId, http, executor, streamLimits);
        transport.hooks = hooks;
        try {
            transport.open(withId(uri, clientId), token, connectTimeout);
            transport.keepAlive(keepAlive);
            return transport;
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    private void open(URI uri, String token, Duration timeout) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(timeout).header("x-netron-id", clientId);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            WebSocket ws = builder.buildAsync(uri, new MessageListener(new Inbound(), PacketCodec.MAX_PACKET_SIZE))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            socket = ws;
            sender = new OrderedSender(ws);
            serverId.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            // Our extension: offer credit-based stream flow control. A server that takes it up says so before
            // any packet, so once the ping below is answered we know how the streams we send must run.
            sender.text(new Handshake.ClientId(clientId, streamLimits.credits(), true).toJson()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            sender.binary(codec.encode(Packet.request(creditsPingId, PacketType.PING, null)));
            // The shape of our CALL packets depends on the server's answer to the keys offer: know it before the first call.
            // A server that does not answer the ping in time gets reference CALLs (no keys).
            creditsSettled.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof NetronException n ? n
                    : TransportException.unavailable("Cannot connect to " + uri + ": " + e.getCause());
        } catch (TimeoutException e) {
            throw TransportException.unavailable("No Netron handshake from " + uri + " within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TransportException.unavailable("Interrupted while connecting to " + uri);
        }
    }

    private void keepAlive(KeepAlive keepAlive) {
        WebSocket ws = socket;
        pinger = Pinger.start(keepAlive, ws, () -> {
            onLost(CloseCode.NO_ANSWER_TO_PING, "no answer to a ping within " + keepAlive.timeout().toMillis() + " ms");
            ws.abort();   // the server may be gone for good: no close handshake to wait for
        });
        if (closed) {
            pinger.stop();   // lost while we were starting it
        }
    }

    @Override
    public CompletableFuture<Object> call(Invocation invocation) {
        List<Object> data = new ArrayList<>(invocation.arguments().size() + 2);
        data.add(invocation.service());
        data.add(invocation.method());
        if (keysAccepted) {
            data.add(invocation.idempotencyKey()); // the key slot, nil for none; the server strips it before dispatch
        }
        List<OutboundStream> sent = new ArrayList<>();
        for (Object argument : invocation.arguments()) {
            if (argument instanceof Flow.Publisher<?> publisher) {
                // client → server stream: the call carries its reference, the chunks follow the call
                OutboundStream out;
                try {
                    out = streams.open(publisher);
                } catch (NetronException e) {
                    sent.forEach(OutboundStream::start);
                    return CompletableFuture.failedFuture(e);
                }
                sent.add(out);
                data.add(out.reference(clientId));
            } else {
                data.add(argument);
            }
        }
        Type type = invocation.resultType();
        CompletableFuture<Object> reply = request(PacketType.CALL, data, invocation.timeout(), invocation.service() + "." + invocation.method());
        if (!sent.isEmpty()) {
            // Our chunks may go only once we know whether the server counts credits; a server that never
            // answers the handshake ping gets the reference behaviour after the connect timeout.
            creditsSettled.completeOnTimeout(null, CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .thenRun(() -> sent.forEach(OutboundStream::start));
        }
        return reply.thenApply(result -> adapt(result, type));
    }

    @Override
    public CompletableFuture<Definition> queryInterface(String service) {
        return request(PacketType.TASK, List.of("query_interface", service), TASK_TIMEOUT, "query_interface")
                .thenApply(result -> (Definition) adapt(result, Definition.class));
    }

    @Override
    public CompletableFuture<AuthenticateResponse.Result> authenticate(Map<String, ?> credentials) {
        return request(PacketType.TASK, List.of("authenticate", credentials), TASK_TIMEOUT, "authenticate")
                .thenApply(result -> (AuthenticateResponse.Result) adapt(result, AuthenticateResponse.Result.class));
    }

    /** Runs a core task ({@code ["subscribe", name]}, say) and completes with its result. */
    CompletableFuture<Object> task(List<Object> data) {
        return request(PacketType.TASK, data, TASK_TIMEOUT, String.valueOf(data.get(0)));
    }

    /** Streams open on this connection, both directions (for tests and metrics). */
    public int openStreams() {
        return streams.inboundCount() + streams.outboundCount();
    }

    /** Pongs received in answer to the client's keep-alive pings (for tests and metrics). */
    public long pongsReceived() {
        Pinger p = pinger;
        return p == null ? 0 : p.pongs();
    }

    /** Whether the server accepted credit-based stream flow control in the handshake. */
    public boolean streamCreditsNegotiated() {
        return streams.creditsEnabled();
    }

    /** Requests sent and not answered yet. */
    public int inFlight() {
        return pending.size();
    }

    /** The id this client announced in the handshake. */
    public String clientId() {
        return clientId;
    }

    /** The server's Netron id, from its handshake message. */
    public String serverId() {
        return serverId.getNow(null);
    }

    /** Whether the connection is still usable. */
    public boolean isOpen() {
        return !closed;
    }

    /** Closes the connection (close code 1000); calls in flight fail with {@link TransportLostException}. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopPinging();
        WebSocket ws = socket;
        if (ws != null) {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException ignored) {
                // the connection is going away either way
            }
            ws.abort();
        }
        pending.failAll(() -> new TransportLostException("Connection closed by the client"));
        streams.closeAll(new TransportLostException("Connection closed by the client"));
        serverId.completeExceptionally(TransportException.unavailable("Connection closed by the client"));
        http.shutdownNow();
        executor.shutdown();
    }

    private CompletableFuture<Object> request(PacketType type, Object data, Duration timeout, String what) {
        if (closed) {
            return CompletableFuture.failedFuture(new TransportLostException("Connection is closed"));
        }
        byte[] frame;
        long id;
        CompletableFuture<Object> reply = new CompletableFuture<>();
        do {
            id = ids.next();
        } while (!pending.open(id, reply, timeout, what));
        try {
            frame = codec.encode(Packet.request(id, type, data));
        } catch (SerializationException e) {
            pending.fail(id, e);
            return reply;
        }
        long sentId = id;
        sender.binary(frame).whenComplete((ignored, error) -> {
            if (error != null) {
                pending.fail(sentId, new TransportLostException("Could not send " + what + ": " + error.getMessage()));
            }
        });
        if (closed) {
            // close() may have run between the check above and open(): nothing would fail this call
            pending.fail(id, new TransportLostException("Connection is closed"));
        }
        return reply;
    }

    private Object adapt(Object result, Type type) {
        if (result == null || type == void.class || type == Void.class) {
            return null;
        }
        if (result instanceof InboundStream stream) {
            return typedStream(stream, type, msgpack);
        }
        Class<?> raw = type instanceof Class<?> c ? c : type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
        if (!raw.isPrimitive() && raw.isInstance(result) && !(type instanceof ParameterizedType)) {
            return result;
        }
        try {
            return msgpack.convert(result, type);
        } catch (RuntimeException e) {
            throw RpcException.invalidResponse("Cannot read the result as " + type.getTypeName() + ": " + e.getMessage());
        }
    }

    /**
     * A stream answer as a publisher of {@code itemType} (for a {@code Flow.Publisher<T>} method the
     * call's result type is {@code T}), each item converted as it is handed over.
     */
    private static Object typedStream(InboundStream stream, Type itemType, NetronMsgpack msgpack) {
        if (itemType != Object.class) {
            stream.convertWith(value -> msgpack.convert(value, itemType));
        }
        return stream;
    }

    private void sendStreamPacket(Packet packet, Runnable written) {
        byte[] frame = codec.encode(packet);
        OrderedSender out = sender;
        if (out == null) {
            written.run();
            return;
        }
        out.binary(frame).whenComplete((ignored, error) -> written.run());
    }

    private static String streamFailureText(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    private void onPacket(Packet packet) {
        try {
            if (streams.route(packet)) {
                return;
            }
        } catch (SerializationException e) {
            return; // a STREAM_ERROR/STREAM_CLOSE naming no stream: nothing to end
        }
        if (!packet.impulse() && packet.type() == PacketType.PING && packet.id() == creditsPingId) {
            creditsSettled.complete(null);
            return;
        }
        if (packet.impulse()) {
            if (packet.type() == PacketType.PING) {
                sender.binary(codec.encode(packet.reply(packet.data())));
            } else if (packet.type() == PacketType.TASK && packet.data() instanceof List<?> task && task.size() >= 2
                    && EMIT_TASK.equals(task.get(0)) && task.get(1) instanceof String event) {
                // A TypeScript Titan waits for this answer (runTask); ours ignores it.
                sender.binary(codec.encode(packet.reply(Undefined.VALUE)));
                hooks.event(event, java.util.Collections.unmodifiableList(new ArrayList<Object>(task.subList(2, task.size()))));
            }
            return; // streams are not handled by this transport yet
        }
        if (!packet.error() && packet.data() instanceof StreamReference reference) {
            // Registered here, on the reading thread, so the chunks right behind the reply find their stream.
            InboundStream stream;
            try {
                stream = streams.accept(reference);
            } catch (NetronException e) {
                pending.fail(packet.id(), e);
                return;
            }
            if (!pending.complete(packet.id(), stream)) {
                stream.cancelIfUnread(); // the call timed out meanwhile: no one will read it
            }
        } else if (!packet.error()) {
            pending.complete(packet.id(), packet.data());
        } else if (packet.data() instanceof NetronException error) {
            pending.fail(packet.id(), error);
        } else if (packet.data() instanceof RemoteError error) {
            pending.fail(packet.id(), new NetronException(500, error.getMessage(), Map.of("name", error.name()), error));
        } else {
            pending.fail(packet.id(), new NetronException(NetronException.UNKNOWN_ERROR, String.valueOf(packet.data())));
        }
    }

    private void onLost(int code, String reason) {
        boolean wasOpen = !closed;
        closed = true;
        stopPinging();
        NetronException cause = code == 4001 ? new AuthException("Unauthorized: " + reason)
                : TransportException.unavailable("Connection closed (" + code + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
        serverId.completeExceptionally(cause);
        if (wasOpen) {
            pending.failAll(() -> new TransportLostException("Connection lost (" + code + ")"));
            streams.closeAll(new TransportLostException("Connection lost (" + code + ")"));
            hooks.lost(code, reason);
        }
    }

    private void stopPinging() {
        Pinger p = pinger;
        if (p != null) {
            p.stop();
        }
    }

    /** Close codes this client reports for an end it decided itself. */
    static final class CloseCode {
        /** No frame came back within the keep-alive timeout (1006: "abnormal closure", no close frame). */
        static final int NO_ANSWER_TO_PING = 1006;

        private CloseCode() {
        }
    }

    /** What the transport that owns this connection hears from it: its end and the events the server forwards. */
    interface Hooks {
        Hooks NONE = new Hooks() {
            @Override
            public void lost(int code, String reason) {
            }

            @Override
            public void event(String event, List<Object> args) {
            }
        };

        /** The server or the network ended the connection (not {@link #close()}). */
        void lost(int code, String reason);

        /** The server forwarded an event this connection subscribed to; runs on the socket's thread, must not block. */
        void event(String event, List<Object> args);
    }

    private static URI withId(URI uri, String clientId) {
        String id = "id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8);
        String s = uri.toString();
        int hash = s.indexOf('#');
        String base = hash < 0 ? s : s.substring(0, hash);
        return URI.create(base + (uri.getRawQuery() == null ? "?" : "&") + id);
    }

    /** What the listener delivers: the handshake first, then packets. */
    private final class Inbound implements MessageListener.Inbound {
        @Override
        public void binary(byte[] message) {
            heard();
            if (!serverId.isDone()) {
                handshake(message);
                return;
            }
            if (!packetsStarted && Handshake.looksLikeHandshake(message)) {
                acceptCredits(message);
                return;
            }
            packetsStarted = true;
            Packet packet;
            try {
                packet = codec.decode(message);
            } catch (SerializationException e) {
                return; // nothing to match it to; the call it answered (if any) times out
            }
            onPacket(packet);
        }

        @Override
        public void text(String message) {
            heard();
            if (!serverId.isDone()) {
                handshake(message.getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void pong() {
            Pinger p = pinger;
            if (p != null) {
                p.pong();
            }
        }

        @Override
        public void closed(int code, String reason) {
            onLost(code, reason);
        }

        private void heard() {
            Pinger p = pinger;
            if (p != null) {
                p.heard();
            }
        }

        /** The server's answers to our credits and keys offers; anything else there is ignored, as before. */
        private void acceptCredits(byte[] message) {
            try {
                Handshake answer = Handshake.parse(message);
                if (answer instanceof Handshake.CreditsAccepted accepted) {
                    streams.enableCredits(accepted.credits());
                } else if (answer instanceof Handshake.KeysAccepted) {
                    keysAccepted = true;
                }
            } catch (SerializationException ignored) {
                // not ours to understand: streams keep the reference behaviour
            }
        }

        private void handshake(byte[] message) {
            try {
                if (Handshake.parse(message) instanceof Handshake.ServerId id) {
                    serverId.complete(id.id());
                    return;
                }
            } catch (SerializationException e) {
                // fall through: not a handshake
            }
            serverId.completeExceptionally(TransportException.unavailable("Invalid Netron handshake from the server"));
        }
    }
}
