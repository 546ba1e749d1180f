package dev.aether.benchmarks.live;

import static dev.aether.web.component.Components.component;
import static dev.aether.web.html.Html.*;

import dev.aether.state.AetherState;
import dev.aether.state.Query;
import dev.aether.state.QueryOptions;
import dev.aether.web.Page;
import dev.aether.web.PageRequest;

/**
 * The state fan-out's page: {@link LiveBenchPage}'s shape reduced to what {@link LivePage} reads
 * (a +1 button, a {@code <strong id="everyone">} text), the text bound to a query of
 * {@link BenchCount#value()} tagged {@code count} instead of a shared signal. Every page of the
 * run is the same principal's, so all of them observe one entry.
 */
final class StateBenchPage {
    private final AetherState state;
    private final boolean withQuery;

    /** {@code withQuery} false: the same page with a constant text, for the heap per session beside it. */
    StateBenchPage(AetherState state, boolean withQuery) {
        this.state = state;
        this.withQuery = withQuery;
    }

    Page page(PageRequest request) {
        return Page.of("Count", () -> component(() -> {
            if (!withQuery) {
                return section(button(id("inc"), on("click", () -> { }), text("+1")), p(strong(id("everyone"), text(() -> "0"))));
            }
            Query<Integer> count = state.query(BenchCount.class, BenchCount::value, QueryOptions.<Integer>defaults().tags("count"));
            return section(button(id("inc"), on("click", count::refetch), text("+1")),
                    p(strong(id("everyone"), text(() -> count.data().get() == null ? "" : String.valueOf(count.data().get())))));
        }));
    }
}
