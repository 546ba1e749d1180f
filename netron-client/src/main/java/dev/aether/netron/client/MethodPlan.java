package dev.aether.netron.client;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Everything about one interface method that does not change between calls, worked out once
 * when the proxy is made (as Retrofit's {@code ServiceMethod}): the wire name, the type the
 * transport converts the result to, and how the answer reaches the caller.
 *
 * @param name       the method name on the wire
 * @param resultType the type inside a future, or the return type of a blocking method
 * @param adapter    blocking, future or publisher
 */
record MethodPlan(String name, Type resultType, ReturnAdapter adapter) {

    static MethodPlan of(Method method, String service) {
        Class<?> returns = method.getReturnType();
        String what = service + "." + method.getName();
        Type inside = method.getGenericReturnType() instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
        if (returns == Flow.Publisher.class) {
            // The result type is the item type: a transport converts a single answer to it, or each item of
            // a stream answer (a typed publisher the adapter hands over once it is there).
            Type item = inside;
            if (item instanceof WildcardType w) {
                item = w.getUpperBounds()[0];
            }
            return new MethodPlan(method.getName(), item, new ReturnAdapter.Streaming(what));
        }
        if (CompletionStage.class.isAssignableFrom(returns)) {
            return new MethodPlan(method.getName(), inside, new ReturnAdapter.Future(inside, what));
        }
        Type type = method.getGenericReturnType();
        return new MethodPlan(method.getName(), type, new ReturnAdapter.Blocking(type, returns == void.class, what));
    }
}
