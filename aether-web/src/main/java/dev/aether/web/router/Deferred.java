package dev.aether.web.router;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A value a loader hands over later: the loader returns at once with a {@code Deferred} whose
 * work runs on a virtual thread of its own, and the page renders its shell without waiting for
 * it. A view shows it with {@link RouteContext#await}: a fallback first, the value when it
 * arrives — a streamed chunk of the same response on a server-rendered GET, a patch on a live page.
 *
 * <p>Bounded: the work fails with a {@link java.util.concurrent.TimeoutException} (and is
 * interrupted) at its deadline, and is cancelled when the page that asked for it is gone.
 *
 * <pre>{@code
 * record Product(String name, Deferred<List<Review>> reviews) {}
 * static final Loader<ProductParams, Product> PRODUCT = Loader.of("product", args ->
 *         new Product(products.name(args.params().id()), args.defer("reviews", () -> reviews.slowlyFor(args.params().id()))));
 *
 * Level.page(PRODUCT_ROUTE, "Product", ctx -> div(
 *         h1(text(ctx.data(PRODUCT).name())),
 *         ctx.await(ctx.data(PRODUCT).reviews(), list -> ul(fragment(list.stream().map(r -> li(text(r.text()))).toList())), () -> p(text("Loading reviews…")))))
 * }</pre>
 *
 * @param <T> what it delivers
 */
public final class Deferred<T> {
    private final String name;
    private final CompletableFuture<T> result;

    private Deferred(String name, CompletableFuture<T> result) {
        this.name = Objects.requireNonNull(name, "name");
        this.result = result;
    }

    /**
     * Starts {@code work} on a virtual thread now; it fails at {@code deadline}. When it ends
     * otherwise than by finishing (its deadline, {@link #cancel}), its thread is interrupted.
     */
    static <T> Deferred<T> start(String name, Duration deadline, Callable<? extends T> work) {
        Objects.requireNonNull(work, "work");
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("deferred-" + name).unstarted(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        result.orTimeout(deadline.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS)
                .whenComplete((value, failure) -> {
                    if (failure != null) {
                        worker.interrupt();   // timed out or cancelled: the work need not go on
                    }
                });
        worker.start();
        return new Deferred<>(name, result);
    }

    /** One the router completes itself (what a level behind a loading view fills, once it is in). */
    static <T> Deferred<T> of(String name, CompletableFuture<T> result) {
        return new Deferred<>(name, result);
    }

    /** A deferred value that is already there: for a loader that sometimes has it at once (a cache hit). */
    public static <T> Deferred<T> resolved(String name, T value) {
        return new Deferred<>(name, CompletableFuture.completedFuture(value));
    }

    /** Its name, in logs and errors. */
    public String name() {
        return name;
    }

    /** Whether it has ended: delivered, failed, timed out or cancelled. */
    public boolean isDone() {
        return result.isDone();
    }

    CompletionStage<T> result() {
        return result.minimalCompletionStage();
    }

    /** Stops waiting for it (its work is interrupted); an await still showing its fallback then shows its error view. */
    void cancel() {
        result.cancel(false);
    }

    @Override
    public String toString() {
        return "Deferred[" + name + (result.isDone() ? ", done" : "") + "]";
    }
}
