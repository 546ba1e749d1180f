package dev.aether.web.router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            return loader.run(new LoaderArgs<>(params, shared));
        }
    }

    private LoaderResults() {
    }

    static Map<Loader<?, ?>, Outcome> run(List<Task<?>> tasks, LoaderArgs.Shared shared, Duration deadline)
            throws InterruptedException {
        Map<Loader<?, ?>, Outcome> outcomes = new HashMap<>();
        if (tasks.isEmpty()) {
            return outcomes;
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Object>> futures = new ArrayList<>();
            for (Task<?> task : tasks) {
                futures.add(threads.submit(() -> task.run(shared)));
            }
            long until = System.nanoTime() + deadline.toNanos();
            for (int i = 0; i < tasks.size(); i++) {
                outcomes.put(tasks.get(i).loader(), await(futures.get(i), until));
            }
        }
        return outcomes;
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
