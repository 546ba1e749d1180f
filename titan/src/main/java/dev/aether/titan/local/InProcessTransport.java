package dev.aether.titan.local;

import dev.aether.netron.client.Invocation;
import dev.aether.netron.client.Transport;
import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.TransportLostException;
import dev.aether.netron.protocol.http.AuthenticateResponse;
import dev.aether.titan.Principal;
import dev.aether.titan.call.Arguments;
import dev.aether.titan.call.Caller;
import dev.aether.titan.call.Dispatcher;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Calls a Titan in the same JVM: no sockets, no serialization, but the same dispatcher, so the
 * same access rules, limits, timeouts and error classes as a remote caller gets. Arguments and
 * results are passed as they are when their types fit and converted through the codec when
 * they don't (an interface declaring a DTO the service builds differently).
 *
 * <pre>{@code
 * NetronClient client = titan.client();          // an in-process client
 * Calculator calc = client.service(Calculator.class);
 * }</pre>
 */
public final class InProcessTransport implements Transport {
    private final Dispatcher dispatcher;
    private volatile Caller caller;
    private volatile boolean closed;

    public InProcessTransport(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.caller = new Caller(null, null, null, "in-process");
    }

    /** An in-process transport acting as {@code principal} from the start. */
    public InProcessTransport(Dispatcher dispatcher, Principal principal) {
        this.dispatcher = dispatcher;
        this.caller = new Caller(principal, null, null, "in-process");
    }

    @Override
    public CompletableFuture<Object> call(Invocation invocation) {
        if (closed) {
            return CompletableFuture.failedFuture(new TransportLostException("in-process transport is closed"));
        }
        return dispatcher.call(caller, invocation.service(), invocation.method(),
                        Arguments.java(new ArrayList<>(invocation.arguments())), invocation.timeout())
                .thenApply(result -> adapt(result, invocation.resultType()));
    }

    @Override
    public CompletableFuture<Definition> queryInterface(String service) {
        return attempt(() -> dispatcher.queryInterface(caller, service));
    }

    @Override
    public CompletableFuture<AuthenticateResponse.Result> authenticate(Map<String, ?> credentials) {
        return attempt(() -> {
            Principal principal = dispatcher.authenticate(caller, credentials);
            caller = caller.withPrincipal(principal);
            return AuthenticateResponse.Result.ok(principal.toAuthContext());
        });
    }

    @Override
    public void close() {
        closed = true;
    }

    private Object adapt(Object result, Type type) {
        if (result == null || type == void.class || type == Void.class) {
            return null;
        }
        Class<?> raw = type instanceof Class<?> c ? c : type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
        if (raw.isPrimitive() || raw.isInstance(result)) {
            return result;
        }
        return dispatcher.codec().convert(result, type);
    }

    private static <T> CompletableFuture<T> attempt(java.util.function.Supplier<T> work) {
        try {
            return CompletableFuture.completedFuture(work.get());
        } catch (NetronException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(Dispatcher.toNetron(e, "titan", "in-process"));
        }
    }

    @Override
    public String toString() {
        return "InProcessTransport[" + dispatcher.peerId() + "]";
    }
}
