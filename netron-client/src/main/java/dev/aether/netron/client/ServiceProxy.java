package dev.aether.netron.client;

import dev.aether.netron.protocol.ServiceId;
import dev.aether.netron.protocol.error.RpcException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Turns calls on a service interface into {@link Invocation}s: blocking methods wait for the
 * answer and throw the server's error itself, {@code CompletionStage} methods return at once,
 * default methods run locally, {@code Object} methods are answered by the proxy.
 */
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
        String what = service + "." + method.getName();
        CompletableFuture<Object> result = transport.call(new Invocation(service, method.getName(), arguments, resultType, timeout));
        if (async) {
            return rawClass(resultType) == Optional.class ? result.thenApply(value -> orAbsent(value, resultType, what)) : result;
        }
        try {
            Object value = result.get();
            return method.getReturnType() == void.class ? null : orAbsent(value, resultType, what);
        } catch (ExecutionException | CompletionException e) {
            throw e.getCause() != null ? e.getCause() : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw e;
        }
    }

    /**
     * What a method declared to return {@code type} gives for a value: an absent result (null or
     * undefined on the wire) is {@code Optional.empty()} for an Optional, and an invalid response
     * (500) for a primitive, which cannot be null.
     */
    private static Object orAbsent(Object value, Type type, String what) {
        if (value != null) {
            return value;
        }
        Class<?> raw = rawClass(type);
        if (raw == Optional.class) {
            return Optional.empty();
        }
        if (raw.isPrimitive()) {
            throw RpcException.invalidResponse(what + " answered no value where " + raw.getName() + " was declared");
        }
        return null;
    }

    private static Class<?> rawClass(Type type) {
        return type instanceof Class<?> c ? c : type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : Object.class;
    }

    private static Type futureValueType(Method method) {
        Type type = method.getGenericReturnType();
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }
}
