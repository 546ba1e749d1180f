package dev.aether.state.web;

import dev.aether.state.AetherState;
import dev.aether.state.Query;
import dev.aether.state.QueryStatus;
import dev.aether.titan.Principal;
import dev.aether.web.LivePage;
import dev.aether.web.component.SuspendedException;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Aether state on live pages. A query, mutation or stream made while a live component renders
 * needs nothing more than {@link AetherState}: the component is its owner (disposed with it,
 * which cancels its in-flight fetch and closes its stream), the page's live session is the context
 * its answers are posted to, and the page rendered during the GET is the live page, so a query
 * answered while the page streamed is the live one (no second fetch). What this class adds is the
 * visitor and the wait:
 *
 * <ul>
 *   <li>{@link #forVisitor} — the state as the page's visitor ({@link LivePage#principal()}) sees
 *       it: each visitor's entries are their own, shared only by that visitor's pages;
 *   <li>{@link #await} — inside a {@code suspense(...)} boundary, the query's data, streamed into
 *       the page when it arrives instead of a loading placeholder.
 * </ul>
 *
 * <pre>{@code
 * static Node team(AetherState app) {
 *     AetherState state = LiveState.forVisitor(app);
 *     Query<List<Member>> members = state.query(Team.class, t -> t.members(), QueryOptions.<List<Member>>defaults().tags("team"));
 *     return suspense(() -> p(text("Loading…")),
 *             () -> ul(each(() -> LiveState.await(members), Member::id, m -> li(text(m.name())))));
 * }
 * }</pre>
 */
public final class LiveState {
    private LiveState() {
    }

    /** {@code state} for the page's visitor: {@link AetherState#withPrincipal} with their id, or {@code state} when anonymous. */
    public static AetherState forVisitor(AetherState state) {
        return forVisitor(state, (s, visitor) -> s.withPrincipal(visitor.id()));
    }

    /**
     * {@code state} for the page's visitor as {@code view} makes it (say, {@code withClient} of a
     * client calling with the visitor's token), or {@code state} when anonymous. Call it while the
     * page renders.
     */
    public static AetherState forVisitor(AetherState state, BiFunction<AetherState, Principal, AetherState> view) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(view, "view");
        return LivePage.principal().map(visitor -> view.apply(state, visitor)).orElse(state);
    }

    /**
     * The query's data; while it has none yet (its first fetch is running), suspends the nearest
     * {@code suspense} boundary, which renders again once the query has an answer: its data, or
     * its error thrown to the nearest error boundary.
     */
    public static <T> T await(Query<T> query) {
        QueryStatus status = query.status().get();
        return switch (status) {
            case PENDING -> throw new SuspendedException(() -> query.status().get() != QueryStatus.PENDING);
            case ERROR -> {
                if (query.data().get() != null) {
                    yield query.data().get();
                }
                throw query.error().get() instanceof RuntimeException e ? e : new IllegalStateException("query failed", query.error().get());
            }
            case SUCCESS -> query.data().get();
        };
    }
}
