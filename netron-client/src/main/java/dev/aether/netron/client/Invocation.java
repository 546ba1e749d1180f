package dev.aether.netron.client;

import dev.aether.netron.client.call.Revalidation;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One method call on its way to a service, as a {@link Transport} receives it.
 *
 * @param service    {@code name@version} or a bare {@code name} (highest version)
 * @param method     the method name
 * @param arguments  the arguments, in order (may contain nulls)
 * @param resultType the Java type the caller expects back; transports convert the result to it
 * @param timeout    how long the caller waits before the call fails with code 408
 * @param idempotencyKey the same for every attempt of one logical call, so a server that keeps
 *                   results runs it once; null for none (HTTP sends it as {@code Idempotency-Key}, a
 *                   WebSocket to a Titan in the CALL's key slot)
 * @param revalidation a cache's validator (HTTP sends {@code If-None-Match} and answers a 304 with
 *                   the cached value); null for none; other transports ignore it
 * @param token      the bearer token to send with this call instead of the transport's own,
 *                   or null (HTTP sends it as {@code Authorization: Bearer}; a WebSocket is
 *                   authenticated per connection and ignores it)
 *
 * <pre>{@code
 * transport.call(new Invocation("calculator@1.0.0", "add", List.of(2, 3), Integer.class, Duration.ofSeconds(5)));
 * }</pre>
 */
public record Invocation(String service, String method, List<Object> arguments, Type resultType, Duration timeout, String idempotencyKey,
                         Revalidation revalidation, String token) {
    public Invocation {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(method, "method");
        arguments = arguments == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arguments));
        resultType = resultType == null ? Object.class : resultType;
        Objects.requireNonNull(timeout, "timeout");
    }

    /** An invocation without an idempotency key. */
    public Invocation(String service, String method, List<Object> arguments, Type resultType, Duration timeout) {
        this(service, method, arguments, resultType, timeout, null, null, null);
    }
}
