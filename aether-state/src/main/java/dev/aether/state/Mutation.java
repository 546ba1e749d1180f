package dev.aether.state;

import dev.aether.reactive.ReadSignal;
import java.util.concurrent.CompletableFuture;

/**
 * A service call that changes something, with its state as signals: made by
 * {@link AetherState#mutation}. Callbacks and signals run on the context that made it.
 *
 * <pre>{@code
 * Mutation<String, User> create = state.mutation(Users.class, Users::create,
 *         MutationOptions.<String, User>defaults().invalidates("users"));
 * create.mutate("Ada");                                    // errors go to error() and onError
 * User ada = create.mutateAsync("Ada").join();             // or the future, failing with the error
 * }</pre>
 *
 * @param <I> what each run is given
 * @param <R> the method's result
 */
public interface Mutation<I, R> {
    /** Runs it; the outcome goes to the signals and callbacks, never thrown. */
    void mutate(I input);

    /** Runs it; the future completes (after the callbacks) with the result or the error. */
    CompletableFuture<R> mutateAsync(I input);

    ReadSignal<MutationStatus> status();

    /** The latest successful result, or null. */
    ReadSignal<R> data();

    /** The latest error, or null. */
    ReadSignal<Throwable> error();

    /** The input of the latest run, or null. */
    ReadSignal<I> variables();

    /** Whether a run is under way. */
    ReadSignal<Boolean> isPending();

    /** Back to IDLE with no data, error or variables (a run under way still completes, unseen). */
    void reset();
}
