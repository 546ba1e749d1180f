package dev.aether.netron.client.recording;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The one method a lambda calls on a service contract, with the arguments it passed, found by
 * running the lambda against a recording proxy: nothing is sent. Fluent calls turn it into the
 * call they send; a query records it on its owner's context (so the signals the lambda reads
 * become its arguments) and replays it later, on any thread, without reading them again.
 *
 * <pre>{@code
 * RecordedCall call = RecordedCall.of(Users.class, u -> u.find(42));
 * call.method().getName();                       // "find"
 * User user = call.replay(client.service(Users.class));   // the same call, on a real proxy
 * }</pre>
 *
 * @param method    the contract's method the lambda called
 * @param arguments the arguments it passed, in order (may contain nulls)
 */
public record RecordedCall(Method method, List<Object> arguments) {
    private static final Map<Class<?>, Object> RECORDERS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Recording> RECORDING = new ThreadLocal<>();

    public RecordedCall {
        Objects.requireNonNull(method, "method");
        arguments = Collections.unmodifiableList(Arrays.asList(arguments.toArray()));
    }

    /**
     * The call {@code pick} makes on {@code contract}, which must be an interface; the lambda
     * must call exactly one of its methods. A lambda may record another call while it runs.
     */
    public static <S> RecordedCall of(Class<S> contract, Function<? super S, ?> pick) {
        Recording recording = new Recording();
        Recording outer = RECORDING.get();
        RECORDING.set(recording);
        try {
            pick.apply(contract.cast(RECORDERS.computeIfAbsent(contract, RecordedCall::recorder)));
        } finally {
            if (outer == null) {
                RECORDING.remove();
            } else {
                RECORDING.set(outer);
            }
        }
        if (recording.calls != 1) {
            throw new IllegalArgumentException("the lambda must call exactly one method of " + contract.getSimpleName()
                    + ", it called " + recording.calls);
        }
        return recording.first;
    }

    /** Whether the method answers with a {@code CompletionStage} rather than the value itself. */
    public boolean returnsFuture() {
        return CompletionStage.class.isAssignableFrom(method.getReturnType());
    }

    /** Makes the same call on {@code service} (a proxy of the client, say); its runtime exceptions pass through. */
    @SuppressWarnings("unchecked")
    public <R> R replay(Object service) {
        try {
            return (R) method.invoke(service, arguments.toArray());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What the recording proxy saw: the first call, and how many calls in all. */
    private static final class Recording {
        RecordedCall first;
        int calls;
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
            Recording recording = RECORDING.get();
            Objects.requireNonNull(recording, "the recorder is only called while a call is recorded");
            if (recording.calls++ == 0) {
                recording.first = new RecordedCall(method, args == null ? List.of() : Arrays.asList(args));
            }
            return defaultValue(method.getReturnType());
        };
        return Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] {contract}, record);
    }

    /** What the recorder answers, so that a lambda like {@code u -> u.count() + 1} runs to its end. */
    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive() || type == void.class) {
            return null;
        }
        return Array.get(Array.newInstance(type, 1), 0);
    }
}
