package dev.aether.web.router;

import dev.aether.titan.Principal;
import dev.aether.web.PageRequest;
import java.util.Optional;

/**
 * What a {@link Loader} is given: its level's params record (path and search params, already
 * converted), the request, and the principal if the tree {@linkplain RouteTree.Builder#principal
 * knows how to find one}.
 *
 * <pre>{@code
 * Loader.of("orders", args -> orders.of(args.principal().orElseThrow().id(), args.params().page().orElse(1)))
 * }</pre>
 */
public record LoaderArgs<P extends Record>(P params, PageRequest request, Optional<Principal> principal) {
}
