package dev.aether.state;

import dev.aether.netron.client.NetronClient;
import dev.aether.netron.protocol.ServiceId;
import dev.aether.reactive.Computed;
import dev.aether.reactive.ReactiveContext;
import dev.aether.reactive.ReadSignal;
import dev.aether.reactive.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiFunction;

import static dev.aether.reactive.Reactive.batch;
import static dev.aether.reactive.Reactive.computed;
import static dev.aether.reactive.Reactive.signal;

/**
 * A {@link Mutation} on the context that made it: each run applies its optimistic updates, calls
 * through the client (past its cache, with a fresh idempotency key shared by its retries), and
 * settles on the context, where the callbacks run.
 */
final class RunningMutation<S, I, R> implements Mutation<I, R> {
    private final AetherState state;
    private final Class<S> service;
    private final String serviceName;
    private final BiFunction<? super S, ? super I, ? extends R> call;
    private final MutationOptions<I, R> options;
    private final ReactiveContext context = ReactiveContext.current();
    private final Signal<MutationStatus> status = signal(MutationStatus.IDLE);
    private final Signal<R> data = signal(null, (a, b) -> a == b);
    private final Signal<Throwable> error = signal(null, (a, b) -> a == b);
    private final Signal<I> variables = signal(null, (a, b) -> a == b);
    private final Computed<Boolean> pending = computed(() -> status.get() == MutationStatus.PENDING);
    /** The latest run: an older run's outcome (after a newer run or a reset) reaches callbacks but not the signals. */
    private int latest;

    RunningMutation(AetherState state, Class<S> service, BiFunction<? super S, ? super I, ? extends R> call, MutationOptions<I, R> options) {
        this.state = state;
        this.service = service;
        this.serviceName = ServiceId.of(service).toString();
        this.call = call;
        this.options = options;
    }

    @Override
    public void mutate(I input) {
        mutateAsync(input).exceptionally(failure -> null); // the outcome is in the signals and callbacks
    }

    @Override
    public CompletableFuture<R> mutateAsync(I input) {
        int run = ++latest;
        batch(() -> {
            status.set(MutationStatus.PENDING);
            variables.set(input);
            error.set(null);
        });
        CompletableFuture<R> result = new CompletableFuture<>();
        Object mutationContext;
        List<Rollback> rollbacks = new ArrayList<>();
        CompletableFuture<R> sent;
        try {
            mutationContext = options.onMutate() == null ? null : options.onMutate().apply(input);
            for (MutationOptions.Optimistic<I> update : options.optimistic()) {
                rollbacks.add(state.setQueryData(update.which(), old -> update.update().apply(old, input)));
            }
            NetronClient mutating = state.client().withOptions(o -> o.cache(null).dedupe(false).idempotent(false).retry(options.retry()));
            sent = mutating.fluent(service, serviceName).<R>calling(s -> call.apply(s, input)).callAsync();
        } catch (RuntimeException failure) {
            rollbacks.forEach(Rollback::run);
            settleFailure(run, input, null, failure, result);
            return result;
        }
        Object finalContext = mutationContext;
        sent.whenComplete((value, failure) -> onContext(() -> {
            if (failure != null) {
                rollbacks.forEach(Rollback::run);
                settleFailure(run, input, finalContext, unwrap(failure), result);
            } else {
                settleSuccess(run, input, finalContext, value, result);
            }
        }, () -> {
            if (failure != null) {
                result.completeExceptionally(unwrap(failure));
            } else {
                result.complete(value);
            }
        }));
        return result;
    }

    private void settleSuccess(int run, I input, Object mutationContext, R value, CompletableFuture<R> result) {
        try {
            if (run == latest) {
                batch(() -> {
                    data.set(value);
                    status.set(MutationStatus.SUCCESS);
                });
            }
            if (options.onSuccess() != null) {
                options.onSuccess().accept(value, input, mutationContext);
            }
            if (options.onSettled() != null) {
                options.onSettled().accept(value, null, input, mutationContext);
            }
            if (!options.invalidates().isEmpty()) {
                state.invalidateTags(options.invalidates().toArray(String[]::new));
            }
            result.complete(value);
        } catch (RuntimeException callbackFailed) {
            result.completeExceptionally(callbackFailed);
        }
    }

    private void settleFailure(int run, I input, Object mutationContext, Throwable failure, CompletableFuture<R> result) {
        try {
            if (run == latest) {
                batch(() -> {
                    error.set(failure);
                    status.set(MutationStatus.ERROR);
                });
            }
            if (options.onError() != null) {
                options.onError().accept(failure, input, mutationContext);
            }
            if (options.onSettled() != null) {
                options.onSettled().accept(null, failure, input, mutationContext);
            }
        } catch (RuntimeException callbackFailed) {
            failure.addSuppressed(callbackFailed);
        }
        result.completeExceptionally(failure);
    }

    /** Runs {@code task} on the mutation's context; {@code orElse} when the context is closed (the page is gone). */
    private void onContext(Runnable task, Runnable orElse) {
        if (context.isCurrent()) {
            task.run();
            return;
        }
        try {
            context.post(task);
        } catch (RejectedExecutionException closed) {
            orElse.run();
        }
    }

    @Override
    public ReadSignal<MutationStatus> status() {
        return status;
    }

    @Override
    public ReadSignal<R> data() {
        return data;
    }

    @Override
    public ReadSignal<Throwable> error() {
        return error;
    }

    @Override
    public ReadSignal<I> variables() {
        return variables;
    }

    @Override
    public ReadSignal<Boolean> isPending() {
        return pending;
    }

    @Override
    public void reset() {
        latest++;
        batch(() -> {
            status.set(MutationStatus.IDLE);
            data.set(null);
            error.set(null);
            variables.set(null);
        });
    }

    private static Throwable unwrap(Throwable failure) {
        while ((failure instanceof CompletionException || failure instanceof ExecutionException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    @Override
    public String toString() {
        return "Mutation[" + serviceName + ", " + status.peek() + "]";
    }
}
