package dev.aether.netron.client.fluent;

import dev.aether.netron.client.PickedCall;
import dev.aether.netron.client.call.CachePolicy;
import dev.aether.netron.client.call.CallOptions;
import dev.aether.netron.client.call.Priority;
import dev.aether.netron.client.call.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One call's options, starting from the client's defaults, then the method to call: the seed's
 * fluent chain, typed. Immutable: every option returns a new {@code FluentCall}, so a
 * half-configured one can be kept and reused.
 *
 * <pre>{@code
 * List<User> users = client.fluent(Users.class)
 *         .cache(CachePolicy.maxAge(Duration.ofMinutes(1)).tags("users"))
 *         .retry(3)
 *         .dedupe()
 *         .timeout(Duration.ofSeconds(5))
 *         .call(Users::list);
 *
 * String name = client.fluent(Users.class)
 *         .calling(u -> u.find(42))        // a FluentMethod: what happens to the result
 *         .transform(User::name)
 *         .fallback("unknown")
 *         .call();
 * }</pre>
 *
 * <p>The lambda runs once against a recording proxy, which notes the method and arguments;
 * it must call exactly one method of the contract, one that returns its result directly (a
 * fluent call has {@link FluentMethod#callAsync()} for a future).
 *
 * @param <S> the service contract
 */
public final class FluentCall<S> {
    private final Class<S> contract;
    private final String service;
    private final FluentContext context;
    private final CallOptions options;
    private final Set<String> invalidateOn;
    private final MetricsListener metrics;

    private FluentCall(Class<S> contract, String service, FluentContext context, CallOptions options, Set<String> invalidateOn,
                       MetricsListener metrics) {
        this.contract = contract;
        this.service = service;
        this.context = context;
        this.options = options;
        this.invalidateOn = invalidateOn;
        this.metrics = metrics;
    }

    /** A fluent call on {@code service} through the client described by {@code context}, starting from its defaults. */
    public static <S> FluentCall<S> of(Class<S> contract, String service, FluentContext context) {
        return new FluentCall<>(Objects.requireNonNull(contract, "contract"), Objects.requireNonNull(service, "service"),
                context, context.defaults(), Set.of(), null);
    }

    /** Any options, for those without a method of their own here. */
    public FluentCall<S> options(UnaryOperator<CallOptions.Builder> override) {
        return new FluentCall<>(contract, service, context, override.apply(options.toBuilder()).build(), invalidateOn, metrics);
    }

    /** Caches the result under {@code policy} (needs a CacheInterceptor on the client). */
    public FluentCall<S> cache(CachePolicy policy) {
        return options(o -> o.cache(policy));
    }

    /** Caches the result for {@code maxAge} (the reference's {@code cache(ms)}). */
    public FluentCall<S> cache(Duration maxAge) {
        return cache(CachePolicy.maxAge(maxAge));
    }

    /** Retries under {@code policy} (needs a RetryInterceptor on the client). */
    public FluentCall<S> retry(RetryPolicy policy) {
        return options(o -> o.retry(policy));
    }

    /** Makes at most {@code attempts} attempts with the reference's backoff (the reference's {@code retry(n)}). */
    public FluentCall<S> retry(int attempts) {
        return retry(RetryPolicy.attempts(attempts));
    }

    /** Whether the call may run twice without harm (so a 5xx or 408 may be retried). */
    public FluentCall<S> idempotent(boolean idempotent) {
        return options(o -> o.idempotent(idempotent));
    }

    /** Shares one request with concurrent identical calls (needs a DeduplicationInterceptor). */
    public FluentCall<S> dedupe() {
        return options(o -> o.dedupe(true));
    }

    /** Shares one request with concurrent calls of the same {@code key}, whatever their arguments. */
    public FluentCall<S> dedupe(String key) {
        return options(o -> o.dedupeKey(key));
    }

    /** Fails with 408 after {@code timeout}. */
    public FluentCall<S> timeout(Duration timeout) {
        return options(o -> o.timeout(timeout));
    }

    /** Goes before lower-priority calls when the client caps its requests in flight. */
    public FluentCall<S> priority(Priority priority) {
        return options(o -> o.priority(priority));
    }

    /** On success, drops the entries of every cache of the client that carry any of {@code tags}. */
    public FluentCall<S> invalidateOn(String... tags) {
        return new FluentCall<>(contract, service, context, options, Set.of(tags), metrics);
    }

    /** Tells {@code listener} how the call went. */
    public FluentCall<S> metrics(MetricsListener listener) {
        return new FluentCall<>(contract, service, context, options, invalidateOn, listener);
    }

    /** The options the call will be made with. */
    public CallOptions callOptions() {
        return options;
    }

    /** The method {@code pick} calls, with these options, to say what happens to its result. */
    public <R> FluentMethod<S, R> calling(Function<? super S, R> pick) {
        PickedCall picked = PickedCall.of(contract, service, pick, options, context.principal());
        if (!picked.blocking()) {
            throw new IllegalArgumentException(picked.call().describe() + " returns a future or a publisher: pick the method"
                    + " that returns the value itself, and use callAsync() for a future");
        }
        return FluentMethod.of(picked, context, invalidateOn, metrics);
    }

    /** Calls the method {@code pick} calls, with these options, and waits for its result. */
    public <R> R call(Function<? super S, R> pick) {
        return calling(pick).call();
    }

    /** Calls the method {@code pick} calls, with these options; the future completes with its result. */
    public <R> CompletableFuture<R> callAsync(Function<? super S, R> pick) {
        return calling(pick).callAsync();
    }
}
