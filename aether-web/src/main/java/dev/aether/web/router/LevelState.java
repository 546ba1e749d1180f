package dev.aether.web.router;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.web.html.Node;
import java.util.HashMap;
import java.util.Map;

/**
 * One matched level as a live page holds it: its level and params, a signal per loader holding
 * what the loader returned (so that {@code ctx.data} is reactive and a revalidation reaches the
 * views that read it), and, for a layout, the signal its outlet shows (the level below it,
 * already rendered). Kept by the {@link Navigator} while the level is on the page; a navigation
 * that shares this level keeps it, and with it everything the layout rendered. Session context only.
 */
final class LevelState {
    /**
     * A level's rendered content: the region of its parent's outlet re-renders when this changes
     * (identity). {@code state} is null while the level is loading (its loading view shows) and
     * set once it is in; {@code fills} are the named outlets of the layout above, as it fills them,
     * and for a level still loading {@code fillsLater} is them once it is in (null otherwise).
     */
    static final class Subtree {
        LevelState state;
        Node node;
        final Map<String, Node> fills;
        final Deferred<Map<String, Node>> fillsLater;

        Subtree(LevelState state, Node node, Map<String, Node> fills) {
            this(state, node, fills, null);
        }

        Subtree(LevelState state, Node node, Map<String, Node> fills, Deferred<Map<String, Node>> fillsLater) {
            this.state = state;
            this.node = node;
            this.fills = Map.copyOf(fills);
            this.fillsLater = fillsLater;
        }
    }

    final MatchedLevel match;
    final LevelState parent;
    final Map<Loader<?, ?>, Signal<LoaderResults.Outcome>> data = new HashMap<>();
    /** A layout's outlet; null for a page, and until the level below it is built. */
    Signal<Subtree> child;
    /** Its error boundary shows instead of its view: nothing below it is on the page. */
    boolean showsBoundary;

    LevelState(MatchedLevel match, LevelState parent, Map<Loader<?, ?>, LoaderResults.Outcome> results) {
        this.match = match;
        this.parent = parent;
        for (Loader<?, ?> loader : match.level().loaders()) {
            data.put(loader, Reactive.signal(results.get(loader)));
        }
    }

    /** The error view of the nearest level at or above this one that has a boundary; null: none. */
    Level.ErrorView nearestBoundary() {
        for (LevelState s = this; s != null; s = s.parent) {
            if (s.match.level().errorBoundaryView() != null) {
                return s.match.level().errorBoundaryView();
            }
        }
        return null;
    }

    /** The signal of {@code loader}'s value at this level or the nearest level above it that has it; null: none. */
    Signal<LoaderResults.Outcome> dataOf(Loader<?, ?> loader) {
        for (LevelState s = this; s != null; s = s.parent) {
            Signal<LoaderResults.Outcome> signal = s.data.get(loader);
            if (signal != null) {
                return signal;
            }
        }
        return null;
    }
}
