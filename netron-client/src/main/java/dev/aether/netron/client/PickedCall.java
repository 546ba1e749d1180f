package dev.aether.netron.client;

import dev.aether.netron.client.call.Call;
import dev.aether.netron.client.call.CallOptions;
import dev.aether.netron.client.recording.RecordedCall;
import dev.aether.netron.protocol.ServiceId;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The call a lambda makes on a service contract, found by running the lambda against a
 * recording proxy (nothing is sent; see {@link RecordedCall}): the {@link Call} to send, and how
 * the chain's answer becomes the value the method declares (an absent result is
 * {@code Optional.empty()} for an Optional, an error for a primitive). Used by fluent calls.
 *
 * <pre>{@code
 * PickedCall picked = PickedCall.of(Users.class, "users@1.0.0", u -> u.find(42), CallOptions.defaults(), "u-7");
 * chain.execute(picked.call()).thenApply(picked::declared);
 * }</pre>
 */
public final class PickedCall {
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

    /**
     * The call {@code pick} makes on {@code contract}; exactly one method of the contract must be
     * called, and it must be one a proxy sends over the wire.
     */
    public static <S> PickedCall of(Class<S> contract, String service, Function<? super S, ?> pick, CallOptions options, String principal) {
        RecordedCall recorded = RecordedCall.of(contract, pick);
        MethodPlan plan = PLANS.computeIfAbsent(new PlanKey(recorded.method(), service), key -> {
            ServiceId.parse(key.service()); // a malformed name fails here, once
            return MethodPlan.of(key.method(), key.service());
        });
        return new PickedCall(new Call(service, plan.name(), recorded.arguments(), plan.resultType(), options, principal), plan);
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
}
