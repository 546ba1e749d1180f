package dev.aether.titan.service;

import dev.aether.netron.protocol.definition.ArgumentInfo;
import dev.aether.netron.protocol.definition.MethodInfo;
import dev.aether.titan.Cacheable;
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
 * @param cache       its {@link Cacheable} settings, or null when its results must not be cached
 */
public record MethodModel(String name, Method method, MethodHandle invoker, Type[] parameters, boolean async, AccessRule rule,
                          Cache cache) {
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

    /**
     * A method's {@link Cacheable} settings, checked once at registration so a bad value fails at
     * start-up instead of producing a broken header on every call.
     *
     * @param maxAge how long caches may keep a result, in milliseconds
     * @param tags   invalidation tags, in declaration order
     * @param shared whether the result is the same for every caller ({@link Cacheable#shared()})
     */
    public record Cache(long maxAge, List<String> tags, boolean shared) {
        public Cache {
            if (maxAge < 0) {
                throw new IllegalArgumentException("@Cacheable maxAge must not be negative: " + maxAge);
            }
            tags = List.copyOf(tags);
            for (String tag : tags) {
                // Tags travel comma-joined in one header: a comma would split a tag, a control character break the header.
                if (tag.isBlank() || tag.chars().anyMatch(c -> c == ',' || Character.isISOControl(c))) {
                    throw new IllegalArgumentException("@Cacheable tag '" + tag + "' must be non-blank, without commas or control characters");
                }
            }
        }

        /** The settings of {@code cacheable}, or null when the method is not annotated. */
        static Cache of(Cacheable cacheable) {
            return cacheable == null ? null : new Cache(cacheable.maxAge(), List.of(cacheable.tags()), cacheable.shared());
        }

        /** The {@code Cache-Control} of a result: {@code public} only when it is the same for every caller. */
        public String cacheControl() {
            return (shared ? "public" : "private") + ", max-age=" + maxAgeSeconds();
        }

        /** The {@code max-age} of {@code Cache-Control}: whole seconds, rounded down. */
        public long maxAgeSeconds() {
            return maxAge / 1000;
        }
    }
}
