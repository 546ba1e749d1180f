package dev.aether.titan.service;

import dev.aether.netron.protocol.definition.ArgumentInfo;
import dev.aether.netron.protocol.definition.MethodInfo;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One {@code @Public} method of a service: how to call it and who may.
 *
 * @param invoker     the method bound to the service instance, taking an {@code Object[]} of arguments
 * @param parameters  the generic parameter types, for converting wire arguments
 * @param async       whether it returns a {@link CompletionStage} (awaited by the dispatcher)
 */
public record MethodModel(String name, Method method, MethodHandle invoker, Type[] parameters, boolean async, AccessRule rule) {
    /** The definition entry, with JavaScript type names as the reference sends them. */
    MethodInfo info() {
        List<ArgumentInfo> arguments = new ArrayList<>(parameters.length);
        Class<?>[] raw = method.getParameterTypes();
        for (int i = 0; i < raw.length; i++) {
            arguments.add(new ArgumentInfo(i, JsTypeNames.of(raw[i])));
        }
        return new MethodInfo(async ? "Promise" : JsTypeNames.of(method.getReturnType()), arguments);
    }

    /** {@code name(Type, Type)} for error messages. */
    public String signature() {
        StringBuilder text = new StringBuilder(name).append('(');
        Class<?>[] raw = method.getParameterTypes();
        for (int i = 0; i < raw.length; i++) {
            text.append(i == 0 ? "" : ", ").append(raw[i].getSimpleName());
        }
        return text.append(')').toString();
    }
}
