package dev.aether.netron.client;

import dev.aether.netron.client.http.HttpTransport;
import dev.aether.netron.client.ws.WebSocketTransport;
import dev.aether.netron.protocol.ServiceId;
import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.http.AuthenticateResponse;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

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
 */
public final class NetronClient implements AutoCloseable {
    /** How long calls wait by default: 30 seconds, as browser clients do. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Transport transport;
    private final Duration timeout;

    private NetronClient(Transport transport, Duration timeout) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /** A client over any transport, with the default timeout. */
    public static NetronClient over(Transport transport) {
        return new NetronClient(transport, DEFAULT_TIMEOUT);
    }

    /** A client over any transport, with the given call timeout. */
    public static NetronClient over(Transport transport, Duration timeout) {
        return new NetronClient(transport, timeout);
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
     * A client over Netron WebSocket ({@code ws://host:port/}), connected and past the handshake;
     * throws {@link dev.aether.netron.protocol.error.TransportException} (503) if the server cannot be reached.
     */
    public static NetronClient websocket(URI uri) {
        return new NetronClient(WebSocketTransport.connect(uri), DEFAULT_TIMEOUT);
    }

    /**
     * A client over Netron WebSocket authenticated with a bearer token (sent as
     * {@code Authorization: Bearer}); an invalid token throws
     * {@link dev.aether.netron.protocol.error.AuthException} (the server closes with 4001).
     */
    public static NetronClient websocket(URI uri, String token) {
        return new NetronClient(WebSocketTransport.connect(uri, token), DEFAULT_TIMEOUT);
    }

    /** This client with another call timeout, sharing the same transport. */
    public NetronClient withTimeout(Duration timeout) {
        return new NetronClient(transport, timeout);
    }

    /** A proxy for the service named by {@code @Service} on {@code contract}. */
    public <T> T service(Class<T> contract) {
        return ServiceProxy.create(contract, ServiceId.of(contract).toString(), transport, timeout);
    }

    /**
     * A proxy for the service {@code name} (or {@code name@version}), for contracts without a
     * {@code @Service} annotation or to pin another version.
     */
    public <T> T service(Class<T> contract, String name) {
        return ServiceProxy.create(contract, name, transport, timeout);
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
        return timeout;
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
}
