package dev.aether.netron.client.call;

import java.util.concurrent.CompletableFuture;

/**
 * One link of the chain every call passes through, as OkHttp's {@code Interceptor}: look at the
 * call, answer it yourself (a cache hit), or pass it on with {@link Chain#proceed(Call)} and work
 * on the answer. The transport is the last link.
 *
 * <pre>{@code
 * CallInterceptor logging = chain -> {
 *     long start = System.nanoTime();
 *     return chain.proceed(chain.call()).whenComplete((result, error) ->
 *             log.info("{} took {} µs", chain.call().describe(), (System.nanoTime() - start) / 1000));
 * };
 * NetronClient client = NetronClient.builder(transport).interceptor(logging).build();
 * }</pre>
 *
 * <p>Interceptors are shared by every call of a client: they must be thread-safe and must not
 * block (return a future instead).
 */
@FunctionalInterface
public interface CallInterceptor {
    /** Answers the chain's call, usually by proceeding and transforming the answer. */
    CompletableFuture<Object> intercept(Chain chain);

    /**
     * The rest of the chain, from one interceptor's point of view.
     *
     * <pre>{@code
     * CallInterceptor shorter = chain -> chain.proceed(chain.call().withOptions(
     *         chain.call().options().toBuilder().timeout(Duration.ofSeconds(1)).build()));
     * }</pre>
     */
    interface Chain {
        /** The call as it reached this interceptor. */
        Call call();

        /** Passes {@code call} (this one or a changed one) to the next link; may be called again, to retry. */
        CompletableFuture<Object> proceed(Call call);
    }
}
