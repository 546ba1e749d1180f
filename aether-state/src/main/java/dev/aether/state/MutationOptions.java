package dev.aether.state;

import dev.aether.netron.client.cache.Invalidation;
import dev.aether.netron.client.call.RetryDecision;
import dev.aether.netron.client.call.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a {@link Mutation} does around its call, as TanStack Query's mutation options. Immutable.
 * Callbacks run on the mutation's context, in this order: onMutate, the optimistic updates (at
 * once), the call; then onSuccess or onError (after the optimistic updates were rolled back),
 * then onSettled, then the tags are invalidated (success only).
 *
 * <pre>{@code
 * MutationOptions<Todo, Todo> options = MutationOptions.<Todo, Todo>defaults()
 *         .optimistic(Invalidation.tags("todos"), (List<Todo> old, Todo draft) -> append(old, draft))
 *         .onError((error, draft, context) -> toast("Not saved: " + error.getMessage()))
 *         .invalidates("todos");
 * }</pre>
 *
 * @param onMutate   before the call: returns the context later callbacks get (TanStack's
 *                   rollback context), or null
 * @param onSuccess  with the result
 * @param onError    with the error
 * @param onSettled  after either
 * @param invalidates tags invalidated after a success: every observed query carrying one refetches
 * @param optimistic updates written into the matching entries at once and undone on error
 * @param retry      how a failed call is tried again; null (the default) for never. A retried
 *                   mutation carries one idempotency key on every attempt, so a server that keeps
 *                   results by key (Titan) runs it once ({@link #retry(int)})
 * @param <I>        the input
 * @param <R>        the result
 */
public record MutationOptions<I, R>(Function<? super I, Object> onMutate, OnSuccess<I, R> onSuccess, OnError<I> onError,
                                    OnSettled<I, R> onSettled, Set<String> invalidates, List<Optimistic<I>> optimistic,
                                    RetryPolicy retry) {
    public MutationOptions {
        invalidates = Set.copyOf(invalidates);
        optimistic = List.copyOf(optimistic);
    }

    /** After a success, with the result, the input and onMutate's context. */
    @FunctionalInterface
    public interface OnSuccess<I, R> {
        void accept(R result, I input, Object context);
    }

    /** After a failure (and the optimistic rollback), with the error, the input and onMutate's context. */
    @FunctionalInterface
    public interface OnError<I> {
        void accept(Throwable error, I input, Object context);
    }

    /** After either: result or error is null. */
    @FunctionalInterface
    public interface OnSettled<I, R> {
        void accept(R result, Throwable error, I input, Object context);
    }

    /** An optimistic update: the entries {@code which} matches get {@code update(old, input)} at once. */
    public record Optimistic<I>(Invalidation which, BiFunction<Object, ? super I, Object> update) {
        public Optimistic {
            Objects.requireNonNull(which, "which");
            Objects.requireNonNull(update, "update");
        }
    }

    /** No callbacks, no invalidation, no optimistic update, no retry. */
    public static <I, R> MutationOptions<I, R> defaults() {
        return new MutationOptions<>(null, null, null, null, Set.of(), List.of(), null);
    }

    public MutationOptions<I, R> onMutate(Function<? super I, Object> onMutate) {
        return new MutationOptions<>(onMutate, onSuccess, onError, onSettled, invalidates, optimistic, retry);
    }

    public MutationOptions<I, R> onSuccess(OnSuccess<I, R> onSuccess) {
        return new MutationOptions<>(onMutate, onSuccess, onError, onSettled, invalidates, optimistic, retry);
    }

    public MutationOptions<I, R> onError(OnError<I> onError) {
        return new MutationOptions<>(onMutate, onSuccess, onError, onSettled, invalidates, optimistic, retry);
    }

    public MutationOptions<I, R> onSettled(OnSettled<I, R> onSettled) {
        return new MutationOptions<>(onMutate, onSuccess, onError, onSettled, invalidates, optimistic, retry);
    }

    /** Tags to invalidate after a success. */
    public MutationOptions<I, R> invalidates(String... tags) {
        return new MutationOptions<>(onMutate, onSuccess, onError, onSettled, Set.of(tags), optimistic, retry);
    }

    /**
     * Adds an optimistic update of the entries {@code which} matches; {@code update} gets the
     * entry's data (null when it has none) and the input. The cast to {@code T} is unchecked:
     * name entries of one type.
     */
    @SuppressWarnings("unchecked")
    public <T> MutationOptions<I, R> optimistic(Invalidation which, BiFunction<T, ? super I, T> update) {
        List<Optimistic<I>> more = new ArrayList<>(optimistic);
        more.add(new Optimistic<>(which, (old, input) -> update.apply((T) old, input)));
        return new MutationOptions<>(onMutate, onSuccess, onError, onSettled, invalidates, more, retry);
    }

    /** Retries as {@code policy} says (null: never). */
    public MutationOptions<I, R> retry(RetryPolicy policy) {
        return new MutationOptions<>(onMutate, onSuccess, onError, onSettled, invalidates, optimistic, policy);
    }

    /**
     * {@code retries} retries with the default backoff, trusting the server's idempotency keys
     * ({@link RetryDecision#standardWithKeys()}): a mutation whose answer was lost runs once on a
     * Titan. Do not use it against a server that ignores the keys.
     */
    public MutationOptions<I, R> retry(int retries) {
        return retry(retries == 0 ? null : RetryPolicy.attempts(retries + 1).retryIf(RetryDecision.standardWithKeys()));
    }
}
