package dev.aether.web.router;

import dev.aether.netron.client.NetronClient;
import dev.aether.titan.Principal;
import dev.aether.web.PageRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * What a {@link Loader} is given: its level's params record (path and search params, already
 * converted), the request, the principal if the tree {@linkplain RouteTree.Builder#principal
 * knows how to find one}, the tree's Netron {@linkplain #client() client}, and a way to hand
 * over part of its result later ({@link #defer}).
 *
 * <pre>{@code
 * Loader.of("orders", args -> args.client().service(Orders.class)
 *         .of(args.principal().orElseThrow().id(), args.params().page().orElse(1)))
 * }</pre>
 */
public final class LoaderArgs<P extends Record> {
    /** What every loader of one request shares. */
    record Shared(PageRequest request, Optional<Principal> principal, NetronClient client, DeferredWork deferred) {
        Shared {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(deferred, "deferred");
        }
    }

    private final P params;
    private final Shared shared;
    private volatile boolean deferredAny;

    LoaderArgs(P params, Shared shared) {
        this.params = params;
        this.shared = shared;
    }

    public P params() {
        return params;
    }

    public PageRequest request() {
        return shared.request();
    }

    public Optional<Principal> principal() {
        return shared.principal();
    }

    /**
     * The typed Netron client the tree was given ({@link RouteTree.Builder#client}): call a
     * service with {@code client().service(Users.class).find(id)}. Blocking is fine, each loader
     * has its own virtual thread.
     *
     * @throws IllegalStateException when the tree was built without a client
     */
    public NetronClient client() {
        if (shared.client() == null) {
            throw new IllegalStateException("this route tree has no Netron client: give it one with RouteTree.builder().client(...)");
        }
        return shared.client();
    }

    /**
     * Starts {@code work} on a virtual thread of its own and returns at once: the page renders
     * without waiting for it, and shows it where a view {@linkplain RouteContext#await awaits}
     * it. It fails if it is still running at the tree's {@linkplain RouteTree.Builder#deferredDeadline
     * deferred deadline}, and is cancelled when the page is gone.
     */
    public <T> Deferred<T> defer(String name, Callable<? extends T> work) {
        deferredAny = true;
        return shared.deferred().start(name, work);
    }

    /** The same, with its own deadline instead of the tree's. */
    public <T> Deferred<T> defer(String name, Duration deadline, Callable<? extends T> work) {
        deferredAny = true;
        return shared.deferred().start(name, deadline, work);
    }

    /** Whether the loader deferred anything: its value then holds work of this page and is not cached. */
    boolean deferredAny() {
        return deferredAny;
    }

    @Override
    public String toString() {
        return "LoaderArgs[" + params + ", " + shared.request().path() + "]";
    }
}
