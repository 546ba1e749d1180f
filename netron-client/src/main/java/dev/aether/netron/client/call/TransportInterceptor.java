package dev.aether.netron.client.call;

import dev.aether.netron.client.Transport;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The last link of every chain, as OkHttp's {@code CallServerInterceptor}: sends the call over
 * the transport and never proceeds.
 *
 * <pre>{@code
 * InterceptorChain chain = new InterceptorChain(List.of(), transport); // ends in a TransportInterceptor
 * }</pre>
 */
public final class TransportInterceptor implements CallInterceptor {
    private final Transport transport;

    public TransportInterceptor(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public CompletableFuture<Object> intercept(Chain chain) {
        return transport.call(chain.call().toInvocation());
    }
}
