package dev.aether.state;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The one method a query's lambda calls on its service, with the arguments it passed, found by
 * running the lambda against a recording proxy. The lambda runs on the owner's context, so the
 * signals it reads become the query's arguments; the recorded call is replayed later, on any
 * thread, without touching them again.
 *
 * <pre>{@code
 * RecordedCall call = RecordedCall.of(Users.class, u -> u.find(userId.get()));   // userId tracked
 * client.fluent(Users.class).calling(call::replay).callAsync();                 // on any thread
 * }</pre>
 */
record RecordedCall(Method method, Object[] arguments) {
    private static final Map<Class<?>, Object> RECORDERS = new ConcurrentHashMap<>();
    private static final ThreadLocal<RecordedCall[]> RECORDING = new ThreadLocal<>();

    /** The call {@code pick} makes on {@code contract}; it must call exactly one method. */
    static <S> RecordedCall of(Class<S> contract, Function<? super S, ?> pick) {
        RecordedCall[] seen = new RecordedCall[2];
        RecordedCall[] outer = RECORDING.get();
        RECORDING.set(seen);
        try {
            pick.apply(contract.cast(RECORDERS.computeIfAbsent(contract, RecordedCall::recorder)));
        } finally {
            if (outer == null) {
                RECORDING.remove();
            } else {
                RECORDING.set(outer);
            }
        }
        if (seen[0] == null || seen[1] != null) {
            throw new IllegalArgumentException("the lambda must call exactly one method of " + contract.getSimpleName()
                    + (seen[0] == null ? ", it called none" : ", it called several"));
        }
        return seen[0];
    }

    /** Whether the method answers with a {@code CompletionStage} rather than the value itself. */
    boolean returnsFuture() {
        return java.util.concurrent.CompletionStage.class.isAssignableFrom(method.getReturnType());
    }

    /** Makes the same call on {@code service} (a recording proxy of the client, say). */
    @SuppressWarnings("unchecked")
    <R> R replay(Object service) {
        try {
            return (R) method.invoke(service, arguments);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Object recorder(Class<?> contract) {
        if (!contract.isInterface()) {
            throw new IllegalArgumentException(contract.getName() + " is not an interface: a service contract is a Java interface");
        }
        InvocationHandler record = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "Recorder[" + contract.getSimpleName() + "]";
                };
            }
            RecordedCall[] seen = RECORDING.get();
            Objects.requireNonNull(seen, "the recorder is only called while a call is recorded");
            seen[seen[0] == null ? 0 : 1] = new RecordedCall(method, args == null ? new Object[0] : args.clone());
            return defaultValue(method.getReturnType());
        };
        return Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] {contract}, record);
    }

    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive() || type == void.class) {
            return null;
        }
        return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0);
    }
}
