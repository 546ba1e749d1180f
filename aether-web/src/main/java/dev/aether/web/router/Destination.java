package dev.aether.web.router;

import dev.aether.titan.Principal;
import dev.aether.web.PageRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a navigation goes, as its guards and after hooks see it: the matched page's route and
 * typed params, the request (path and search params), the principal, and how the navigation
 * came about.
 *
 * <pre>{@code
 * RouteTree.builder().beforeEach(to -> to.paramsOf(ADMIN).isPresent() && !isAdmin(to.principal())
 *         ? GuardDecision.cancel() : GuardDecision.allow())
 * }</pre>
 *
 * @param route     the matched page's route (the innermost level)
 * @param params    its params record, already converted (read it typed with {@link #paramsOf})
 * @param request   the request: for a live navigation, built from the target URL
 * @param principal who is asking, if the tree {@linkplain RouteTree.Builder#principal knows}
 * @param kind      how the navigation came about
 */
public record Destination(Route<?> route, Record params, PageRequest request, Optional<Principal> principal, Kind kind) {
    /** How a navigation came about. */
    public enum Kind {
        /** A full page load: the browser asked the server for the document (a GET). */
        DOCUMENT,
        /** A live link or {@code navigate}: a new history entry. */
        PUSH,
        /** A live navigation that replaces the current history entry. */
        REPLACE,
        /** Back or forward. */
        POP,
        /** A prefetch: nothing is shown; only an allowed one runs the loaders. */
        PREFETCH
    }

    public Destination {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(kind, "kind");
    }

    /** The params, typed, when the matched page is {@code route}'s; else empty. */
    public <P extends Record> Optional<P> paramsOf(Route<P> route) {
        return this.route == route ? Optional.of(route.paramsType().cast(params)) : Optional.empty();
    }

    /** The path navigated to (decoded), as the request has it. */
    public String path() {
        return request.path();
    }
}
