package dev.aether.netron.client;

import dev.aether.netron.client.call.Call;
import dev.aether.netron.client.call.CallOptions;
import dev.aether.netron.protocol.ServiceId;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The call a lambda makes on a service contract, found by running the lambda against a
 * recording proxy (nothing is sent): the {@link Call} to send, and how the chain's answer
 * becomes the value the method declares (an absent result is {@code Optional.empty()} for an
 * Optional, an error for a primitive). Used by fluent calls.
 *
 * <pre>{@code
 * PickedCall picked = PickedCall.of(Users.class, "users@1.0.0", u -> u.find(42), CallOptions.defaults(), "u-7");
 * chain.execute(picked.call()).thenApply(picked::declared);
 * }</pre>
 */
public final class PickedCall {
    private static final Map<Class<?>, Object> RECORDERS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Recording> RECORDING = new ThreadLocal<>();
    /** Plans worked out once per method and service name, as a proxy does when it is made. */
    private static final Map<PlanKey, MethodPlan> PLANS = new ConcurrentHashMap<>();

    private record PlanKey(Method method, String service) {
    }

    private final Call call;
    private final MethodPlan plan;

    private PickedCall(Call call, MethodPlan plan) {
        this.call = call;
        this.plan = plan;
    }

    /** What to send. */
    public Call call() {
        return call;
    }

    /** What the recording proxy saw: the first method called and its arguments, and how many calls in all. */
    private static final class Recording {
        Method method;
        Object[] args;
        int calls;
    }

    /**
     * The call {@code pick} makes on {@code contract}; exactly one method of the contract must be
     * called, and it must be one a proxy sends over the wire.
     */
    public static <S> PickedCall of(Class<S> contract, String service, Function<? super S, ?> pick, CallOptions options, String principal) {
        Recording recording = new Recording();
        RECORDING.set(recording);
        try {
            pick.apply(contract.cast(RECORDERS.computeIfAbsent(contract, PickedCall::recorder)));
        } finally {
            RECORDING.remove();
        }
        if (recording.calls != 1) {
            throw new IllegalArgumentException("the lambda must call exactly one method of " + contract.getSimpleName()
                    + ", it called " + recording.calls);
        }
        MethodPlan plan = PLANS.computeIfAbsent(new PlanKey(recording.method, service), key -> {
            ServiceId.parse(key.service()); // a malformed name fails here, once
            return MethodPlan.of(key.method(), key.service());
        });
        List<Object> arguments = recording.args == null ? List.of() : Arrays.asList(recording.args);
        return new PickedCall(new Call(service, plan.name(), arguments, plan.resultType(), options, principal), plan);
    }

    /** Whether the method returns its answer directly (not a future or a publisher). */
    public boolean blocking() {
        return plan.adapter() instanceof ReturnAdapter.Blocking;
    }

    /** The value the method declares for the chain's answer {@code value}. */
    public Object declared(Object value) {
        if (plan.adapter() instanceof ReturnAdapter.Blocking blocking && blocking.returnsVoid()) {
            return null;
        }
        return ReturnAdapter.orAbsent(value, plan.resultType(), call.describe());
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
            if (recording.calls++ == 0) {
                recording.method = method;
                recording.args = args;
            }
            Class<?> returns = method.getReturnType();
            return returns.isPrimitive() && returns != void.class ? Array.get(Array.newInstance(returns, 1), 0) : null;
        };
        return Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] {contract}, record);
    }
}
