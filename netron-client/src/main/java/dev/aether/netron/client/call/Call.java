package dev.aether.netron.client.call;

import dev.aether.netron.client.Invocation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One method call as the interceptor chain sees it: what to call, with which options, on whose
 * behalf. The last link turns it into the {@link Invocation} a transport sends.
 *
 * <pre>{@code
 * Call call = new Call("users@1.0.0", "find", List.of(42), User.class, CallOptions.defaults(), "u-7");
 * CompletableFuture<Object> user = chain.execute(call);
 * }</pre>
 *
 * @param service    {@code name@version} or a bare {@code name}
 * @param method     the method name
 * @param arguments  the arguments, in order (may contain nulls)
 * @param resultType the Java type the caller expects back
 * @param options    how the call behaves: timeout, cache, retry, deduplication
 * @param principal  who calls, as the client knows it ({@link #ANONYMOUS} when nobody); cache
 *                   entries and deduplicated calls are never shared between principals
 * @param idempotencyKey the key every attempt of this call carries, so that a server keeping
 *                   results runs it once however often it is retried; null for calls that may
 *                   run twice without harm (see {@link #newIdempotencyKey(CallOptions)})
 * @param revalidation the cache's validator for this fetch (see {@link Revalidation}), or null
 * @param token      the bearer token this call carries (set by an auth interceptor), or null
 *                   for the transport's own
 */
public record Call(String service, String method, List<Object> arguments, Type resultType, CallOptions options, String principal,
                   String idempotencyKey, Revalidation revalidation, String token) {
    /** The principal of a client that has not said who it calls for. */
    public static final String ANONYMOUS = "";

    public Call {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(method, "method");
        arguments = arguments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(arguments));
        resultType = resultType == null ? Object.class : resultType;
        Objects.requireNonNull(options, "options");
        principal = principal == null ? ANONYMOUS : principal;
    }

    /** A call without an idempotency key, a validator or its own token. */
    public Call(String service, String method, List<Object> arguments, Type resultType, CallOptions options, String principal) {
        this(service, method, arguments, resultType, options, principal, null, null, null);
    }

    /**
     * A fresh key for a call made with {@code options}, or null when it needs none: a call
     * declared idempotent, or cached (a read), may run twice without harm; every other call is
     * taken as a mutation. The same test decides whether the standard retry decision retries a 5xx.
     */
    public static String newIdempotencyKey(CallOptions options) {
        return options.idempotent() || options.cache() != null ? null : UUID.randomUUID().toString();
    }

    /** A call for nobody in particular, with the default options. */
    public static Call of(String service, String method, List<Object> arguments, Type resultType) {
        return new Call(service, method, arguments, resultType, CallOptions.defaults(), ANONYMOUS);
    }

    /** This call with other options (for example a shorter timeout for one attempt). */
    public Call withOptions(CallOptions options) {
        return new Call(service, method, arguments, resultType, options, principal, idempotencyKey, revalidation, token);
    }

    /** This call, carrying a cache's validator so the transport can answer a 304 with the cached value. */
    public Call withRevalidation(Revalidation revalidation) {
        return new Call(service, method, arguments, resultType, options, principal, idempotencyKey, revalidation, token);
    }

    /** This call with the idempotency key every attempt of it carries. */
    public Call withIdempotencyKey(String idempotencyKey) {
        return new Call(service, method, arguments, resultType, options, principal, idempotencyKey, revalidation, token);
    }

    /** This call carrying {@code token} as its bearer token. */
    public Call withToken(String token) {
        return new Call(service, method, arguments, resultType, options, principal, idempotencyKey, revalidation, token);
    }

    /** What a transport sends for this call. */
    public Invocation toInvocation() {
        return new Invocation(service, method, arguments, resultType, options.timeout(), idempotencyKey, revalidation, token);
    }

    /** {@code service.method}, for messages. */
    public String describe() {
        return service + "." + method;
    }
}
