package dev.aether.netron.client;

import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.http.AuthenticateResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How a {@link NetronClient} reaches services: over a WebSocket, over HTTP, or directly to a
 * Titan in the same JVM. Implementations are thread-safe.
 *
 * <p>Every future fails with a {@link dev.aether.netron.protocol.error.NetronException} (the same
 * subclass the server threw, by code): 404 for unknown services or methods, 408 on timeout,
 * {@link dev.aether.netron.protocol.error.TransportLostException} (503) when the connection
 * drops while the call is in flight.
 *
 * <pre>{@code
 * NetronClient client = NetronClient.over(myTransport);
 * }</pre>
 */
public interface Transport extends AutoCloseable {
    /** Calls a method; the result is converted to {@link Invocation#resultType()}. */
    CompletableFuture<Object> call(Invocation invocation);

    /**
     * The definition of a service (its public methods and properties) as the caller may see
     * it; a service the caller may not access fails with 404, as if it did not exist.
     */
    CompletableFuture<Definition> queryInterface(String service);

    /**
     * Authenticates this connection (or, over HTTP, validates the credentials and returns the
     * result): {@code {"token": ...}} is validated as a token, anything else goes to the server's
     * authenticator.
     */
    CompletableFuture<AuthenticateResponse.Result> authenticate(Map<String, ?> credentials);

    /** Closes the transport; calls still in flight fail with TransportLostException. */
    @Override
    void close();
}
