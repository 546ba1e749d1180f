package dev.aether.netron.client.middleware;

import dev.aether.netron.client.call.Call;

/**
 * Code around calls, in three stages, each optional: {@link #before} (pre-request: change the
 * call, or answer it without calling on), {@link #after} (post-response: change the result) and
 * {@link #error} (change the error). Registered on a {@link MiddlewareInterceptor}; stages run
 * onion-style: befores in priority order, afters and errors in reverse.
 *
 * <pre>{@code
 * Middleware tenant = new Middleware() {
 *     public Before before(MiddlewareContext context) {
 *         return Before.proceed(context.call().withToken(tokenFor(context.call().service())));
 *     }
 * };
 * Middleware offline = context -> Before.answer(List.of());   // short-circuit: the server is never called
 * }</pre>
 *
 * <p>Stages run on the calling thread or the thread that completes the call: they must be quick
 * and must not block (an interceptor that returns a future is the place for slow work).
 */
@FunctionalInterface
public interface Middleware {
    /** Pre-request: the call to send (this one or a changed one), or an answer that skips the rest. */
    Before before(MiddlewareContext context);

    /** Post-response: the result the caller (and the middleware before this one) gets. */
    default Object after(MiddlewareContext context, Object result) {
        return result;
    }

    /** Error: the error the caller (and the middleware before this one) gets; never a CompletionException wrapper. */
    default Throwable error(MiddlewareContext context, Throwable error) {
        return error;
    }

    /**
     * What a pre-request stage decided: go on with a call, or answer now.
     *
     * <pre>{@code
     * return cached != null ? Before.answer(cached) : Before.proceed(context.call());
     * }</pre>
     */
    sealed interface Before {
        /** Go on with {@code call}. */
        static Before proceed(Call call) {
            return new Proceed(call);
        }

        /** Answer with {@code value}: the middleware after this one and the server are not called. */
        static Before answer(Object value) {
            return new Answer(value);
        }

        /** Go on with this call. */
        record Proceed(Call call) implements Before {
            public Proceed {
                java.util.Objects.requireNonNull(call, "call");
            }
        }

        /** The call's answer, without calling on. */
        record Answer(Object value) implements Before {
        }
    }
}
