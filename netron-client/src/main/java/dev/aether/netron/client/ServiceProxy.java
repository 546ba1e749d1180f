package dev.aether.netron.client;

import dev.aether.netron.client.call.Call;
import dev.aether.netron.client.call.CallOptions;
import dev.aether.netron.client.call.InterceptorChain;
import dev.aether.netron.protocol.ServiceId;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns calls on a service interface into {@link Call}s through the client's interceptor chain:
 * each method's {@link MethodPlan} is worked out once when the proxy is made; default methods
 * run locally, {@code Object} methods are answered by the proxy.
 */
final class ServiceProxy implements InvocationHandler {
    private final Class<?> contract;
    private final String service;
    private final InterceptorChain chain;
    private final CallOptions options;
    private final String principal;
    private final Map<Method, MethodPlan> plans;

    private ServiceProxy(Class<?> contract, String service, InterceptorChain chain, CallOptions options, String principal) {
        this.contract = contract;
        this.service = service;
        this.chain = chain;
        this.options = options;
        this.principal = principal;
        this.plans = plan(contract, service);
    }

    static <T> T create(Class<T> contract, String service, InterceptorChain chain, CallOptions options, String principal) {
        if (!contract.isInterface()) {
            throw new IllegalArgumentException(contract.getName() + " is not an interface: a service contract is a Java interface");
        }
        ServiceId.parse(service); // fail now on a malformed name, not on the first call
        Object proxy = Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] {contract},
                new ServiceProxy(contract, service, chain, options, principal));
        return contract.cast(proxy);
    }

    /** Plans for the methods that go over the wire; a method without a plan is refused when called. */
    private static Map<Method, MethodPlan> plan(Class<?> contract, String service) {
        Map<Method, MethodPlan> plans = new HashMap<>();
        for (Method method : contract.getMethods()) {
            if (method.getDeclaringClass() != Object.class && !method.isDefault() && !Modifier.isStatic(method.getModifiers())) {
                try {
                    plans.put(method, MethodPlan.of(method, service));
                } catch (UnsupportedOperationException unsupported) {
                    // The rest of the contract stays usable; calling this method says why it cannot be.
                }
            }
        }
        return Map.copyOf(plans);
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
        MethodPlan plan = plans.get(method);
        if (plan == null) {
            MethodPlan.of(method, service); // throws the reason
            throw new IllegalStateException("no plan for " + method);
        }
        List<Object> arguments = args == null ? List.of() : Arrays.asList(args);
        Call call = new Call(service, plan.name(), arguments, plan.resultType(), options, principal, Call.newIdempotencyKey(options), null, null);
        return plan.adapter().adaptLazily(() -> chain.execute(call));
    }
}
