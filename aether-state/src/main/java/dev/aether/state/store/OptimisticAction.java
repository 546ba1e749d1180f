package dev.aether.state.store;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.ReactiveContext;
import dev.aether.reactive.ReadSignal;
import dev.aether.reactive.Signal;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A store action that shows its effect at once: {@code update} runs now, then the action; if the
 * action fails, {@code rollback} undoes the update. One run at a time: a run asked for while one
 * is in flight is refused (its future fails with an {@link IllegalStateException}, nothing is
 * applied). Made and run on one context; the outcome is applied there.
 *
 * <pre>{@code
 * OptimisticAction<Item, Cart> add = OptimisticAction.optimistic(
 *         item -> carts.addAsync(item),                      // the server call
 *         item -> items.update(list -> append(list, item)),  // shown at once
 *         item -> items.update(list -> remove(list, item))); // undone if the call fails
 * add.run(book);
 * button(attr("disabled", () -> add.pending().get()), text("Add"));
 * }</pre>
 */
public final class OptimisticAction<I, R> {
    private final ReactiveContext context = ReactiveContext.current();
    private final Function<? super I, ? extends CompletionStage<R>> action;
    private final Consumer<? super I> update;
    private final Consumer<? super I> rollback;
    private final Signal<Boolean> pending = Reactive.signal(false);

    private OptimisticAction(Function<? super I, ? extends CompletionStage<R>> action, Consumer<? super I> update, Consumer<? super I> rollback) {
        this.action = Objects.requireNonNull(action, "action");
        this.update = Objects.requireNonNull(update, "update");
        this.rollback = Objects.requireNonNull(rollback, "rollback");
    }

    /** An action showing {@code update} before {@code action} completes, undone by {@code rollback} if it fails. */
    public static <I, R> OptimisticAction<I, R> optimistic(Function<? super I, ? extends CompletionStage<R>> action,
                                                          Consumer<? super I> update, Consumer<? super I> rollback) {
        return new OptimisticAction<>(action, update, rollback);
    }

    /** Whether a run is in flight. */
    public ReadSignal<Boolean> pending() {
        return pending;
    }

    /** Applies the update, runs the action; the future completes on the context after a rollback, if any. */
    public CompletableFuture<R> run(I input) {
        if (pending.peek()) {
            return CompletableFuture.failedFuture(new IllegalStateException("an optimistic action runs one at a time; one is in flight"));
        }
        pending.set(true);
        update.accept(input);
        CompletableFuture<R> result = new CompletableFuture<>();
        CompletionStage<R> running;
        try {
            running = action.apply(input);
        } catch (RuntimeException failure) {
            settle(input, null, failure, result);
            return result;
        }
        running.whenComplete((value, failure) -> {
            Runnable settle = () -> settle(input, value, failure, result);
            if (context.isCurrent()) {
                settle.run();
                return;
            }
            try {
                context.post(settle);
            } catch (RejectedExecutionException closed) {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
            }
        });
        return result;
    }

    private void settle(I input, R value, Throwable failure, CompletableFuture<R> result) {
        pending.set(false);
        if (failure == null) {
            result.complete(value);
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        try {
            rollback.accept(input);
        } catch (RuntimeException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
        }
        result.completeExceptionally(cause);
    }
}
