package dev.aether.web.router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the loaders of the matched levels, all at once, one virtual thread each, and waits for all
 * of them (up to a deadline): the page then costs the slowest loader, not their sum. A failure is
 * kept as that loader's outcome, so the other levels still render.
 */
final class LoaderResults {
    /** How one loader ended. */
    sealed interface Outcome {
        record Loaded(Object value) implements Outcome {
        }

        record Failed(Throwable error) implements Outcome {
        }
    }

    /** A loader to run with its level's params. */
    record Task<P extends Record>(Loader<P, ?> loader, P params) {
        Object run(LoaderArgs.Shared shared) throws Exception {
            return run(shared, null);
        }

        /** Adds the loader to {@code deferring} (when given) if it deferred part of its value. */
        Object run(LoaderArgs.Shared shared, Set<Loader<?, ?>> deferring) throws Exception {
            LoaderArgs<P> args = new LoaderArgs<>(params, shared);
            Object value = loader.run(args);
            if (deferring != null && args.deferredAny()) {
                deferring.add(loader);
            }
            return value;
        }
    }

    private LoaderResults() {
    }

    static Map<Loader<?, ?>, Outcome> run(List<Task<?>> tasks, LoaderArgs.Shared shared, Duration deadline) throws InterruptedException {
        return run(tasks, shared, deadline, (Set<Loader<?, ?>>) null);
    }

    /** {@code deferring} (when given) collects the loaders that deferred part of their value. */
    private static Map<Loader<?, ?>, Outcome> run(List<Task<?>> tasks, LoaderArgs.Shared shared, Duration deadline,
                                                  Set<Loader<?, ?>> deferring) throws InterruptedException {
        Map<Loader<?, ?>, Outcome> outcomes = new HashMap<>();
        if (tasks.isEmpty()) {
            return outcomes;
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Object>> futures = new ArrayList<>();
            for (Task<?> task : tasks) {
                futures.add(threads.submit(() -> task.run(shared, deferring)));
            }
            long until = System.nanoTime() + deadline.toNanos();
            for (int i = 0; i < tasks.size(); i++) {
                outcomes.put(tasks.get(i).loader(), await(futures.get(i), until));
            }
        }
        return outcomes;
    }

    /**
     * Like {@link #run}, but a loader whose value {@code cache} still keeps is not run
     * ({@code readCache}: a live navigation or a prefetch; a GET or a revalidation loads afresh),
     * nor one the cache is loading now (a prefetch still running): its value is waited for, and
     * the loader runs only if that load fails. Every value loaded is kept for the next time, except
     * one that {@linkplain LoaderArgs#defer deferred} part of itself: its deferred values belong to
     * the page that asked (they end with it).
     */
    static Map<Loader<?, ?>, Outcome> run(List<Task<?>> tasks, LoaderArgs.Shared shared, Duration deadline,
                                          LoaderCache cache, boolean readCache) throws InterruptedException {
        Optional<dev.aether.titan.Principal> principal = shared.principal();
        long until = System.nanoTime() + deadline.toNanos();
        Map<Loader<?, ?>, Outcome> outcomes = new HashMap<>();
        List<Task<?>> toRun = new ArrayList<>();
        Map<Task<?>, CompletableFuture<Object>> joined = new LinkedHashMap<>();
        for (Task<?> task : tasks) {
            Optional<Object> kept = readCache ? cache.get(task.loader(), task.params(), principal) : Optional.empty();
            Optional<CompletableFuture<Object>> running = readCache ? cache.loading(task.loader(), task.params(), principal) : Optional.empty();
            if (kept.isPresent()) {
                outcomes.put(task.loader(), new Outcome.Loaded(kept.get()));
            } else if (running.isPresent()) {
                joined.put(task, running.get());
            } else {
                toRun.add(task);
            }
        }
        outcomes.putAll(runAndKeep(toRun, shared, deadline, cache));
        List<Task<?>> again = new ArrayList<>();
        joined.forEach((task, running) -> {
            try {
                outcomes.put(task.loader(), new Outcome.Loaded(running.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)));
            } catch (ExecutionException | TimeoutException | CancellationException notShared) {
                again.add(task);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcomes.put(task.loader(), new Outcome.Failed(e));
            }
        });
        outcomes.putAll(runAndKeep(again, shared, Duration.ofNanos(Math.max(0, until - System.nanoTime())), cache));
        return outcomes;
    }

    /** Runs {@code tasks}, each a load others may join while it runs, and keeps what may be kept. */
    private static Map<Loader<?, ?>, Outcome> runAndKeep(List<Task<?>> tasks, LoaderArgs.Shared shared, Duration deadline,
                                                         LoaderCache cache) throws InterruptedException {
        Optional<dev.aether.titan.Principal> principal = shared.principal();
        Map<Task<?>, CompletableFuture<Object>> loads = new HashMap<>();
        tasks.forEach(task -> loads.put(task, cache.started(task.loader(), task.params(), principal)));
        Set<Loader<?, ?>> deferring = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Map<Loader<?, ?>, Outcome> loaded = Map.of();
        try {
            loaded = run(tasks, shared, deadline, deferring);
        } finally {
            for (Task<?> task : tasks) {
                CompletableFuture<Object> load = loads.get(task);
                if (loaded.get(task.loader()) instanceof Outcome.Loaded l && !deferring.contains(task.loader())) {
                    cache.put(task.loader(), task.params(), principal, l.value());
                    load.complete(l.value());
                } else {
                    load.completeExceptionally(new IllegalStateException("not loaded, or not to be shared"));   // a joiner loads it itself
                }
                cache.finished(task.loader(), task.params(), principal, load);
            }
        }
        return loaded;
    }

    private static Outcome await(Future<Object> future, long until) throws InterruptedException {
        try {
            return new Outcome.Loaded(future.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            return new Outcome.Failed(e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);   // interrupts it, so closing the executor does not wait for it
            return new Outcome.Failed(e);
        }
    }
}
