package dev.aether.netron.client;

import dev.aether.netron.protocol.ServiceId;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/** Turns calls on a service interface into {@link Invocation}s. */
final class ServiceProxy implements InvocationHandler {
    private final Class<?> contract;
    private final String service;
    private final Transport transport;
    private final Duration timeout;

    private ServiceProxy(Class<?> contract, String service, Transport transport, Duration timeout) {
        this.contract = contract;
        this.service = service;
        this.transport = transport;
        this.timeout = timeout;
    }

    static <T> T create(Class<T> contract, String service, Transport transport, Duration timeout) {
        if (!contract.isInterface()) {
            throw new IllegalArgumentException(contract.getName() + " is not an interface: a service contract is a Java interface");
        }
        ServiceId.parse(service); // fail now on a malformed name, not on the first call
        Object proxy = Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] {contract},
                new ServiceProxy(contract, service, transport, timeout));
        return contract.cast(proxy);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "NetronProxy[" + contract.getSimpleName() + " -> " + service + "]";
            };
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        List<Object> arguments = args == null ? List.of() : Arrays.asList(args);
        boolean async = CompletionStage.class.isAssignableFrom(method.getReturnType());
        Type resultType = async ? futureValueType(method) : method.getGenericReturnType();
        CompletableFuture<Object> result = transport.call(new Invocation(service, method.getName(), arguments, resultType, timeout));
        if (async) {
            return result;
        }
        try {
            Object value = result.get();
            return method.getReturnType() == void.class ? null : value;
        } catch (ExecutionException | CompletionException e) {
            throw e.getCause() != null ? e.getCause() : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw e;
        }
    }

    private static Type futureValueType(Method method) {
        Type type = method.getGenericReturnType();
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }
}
