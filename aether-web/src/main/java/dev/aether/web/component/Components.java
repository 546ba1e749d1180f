package dev.aether.web.component;

import dev.aether.web.html.Control;
import dev.aether.web.html.Fragment;
import dev.aether.web.html.Node;
import dev.aether.web.protocol.LiveProtocol;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Components and control flow in one static import (next to {@code dev.aether.web.html.Html.*}).
 * Every region writes comment markers (see docs/ui.md) so that a live session can replace exactly
 * that region later.
 */
public final class Components {
    private static final Node EMPTY = new Fragment(List.of());

    private Components() {
    }

    /** Renders {@code component} with {@code props} under its own owner and scope. */
    public static <P> Node component(Component<P> component, P props) {
        return new ComponentNode<>(component.getClass().getSimpleName(), component, props);
    }

    /** A component without props. */
    public static Node component(Supplier<? extends Node> body) {
        Objects.requireNonNull(body, "body");
        return new ComponentNode<Void>("component", ignored -> body.get(), null);
    }

    /** {@code then} while {@code when} yields true, else nothing. */
    public static Node show(Supplier<Boolean> when, Supplier<? extends Node> then) {
        return show(when, then, () -> EMPTY);
    }

    /** {@code then} while {@code when} yields true, else {@code fallback}. Region kind {@code s}. */
    public static Node show(Supplier<Boolean> when, Supplier<? extends Node> then, Supplier<? extends Node> fallback) {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(then, "then");
        Objects.requireNonNull(fallback, "fallback");
        Supplier<? extends Node> nothing = fallback;
        return (Control) target -> Owned.region(target, LiveProtocol.Markup.SHOW_MARKER, "show",
                () -> Boolean.TRUE.equals(when.get()) ? then : nothing, Supplier::get);
    }

    /** {@code then(value)} while {@code value} yields non-null, else {@code fallback}. Region kind {@code s}. */
    public static <T> Node when(Supplier<? extends T> value, Function<? super T, ? extends Node> then, Supplier<? extends Node> fallback) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(then, "then");
        Objects.requireNonNull(fallback, "fallback");
        return (Control) target -> Owned.region(target, LiveProtocol.Markup.SHOW_MARKER, "when", value::get,
                v -> v != null ? then.apply(v) : fallback.get());
    }

    /**
     * A keyed list: one row per item, identified by {@code key}. Region kind {@code l}; each row
     * starts with {@code <!--ae:kID KEY-->}. Keys must be unique within the list.
     */
    public static <T> Node each(Supplier<? extends Iterable<? extends T>> items, Function<? super T, ?> key,
                                Function<? super T, ? extends Node> row) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(row, "row");
        return (Control) target -> {
            Scope parent = Scope.current();
            target.list(items, key, (t, item) -> Scope.run(parent, () -> {
                Owned.render(t, Scope.child("row"), () -> row.apply(item));
                return null;
            }));
        };
    }

    /** One branch of {@link #switchOf}. */
    public record Match(Supplier<Boolean> when, Supplier<? extends Node> then) {
        public Match {
            Objects.requireNonNull(when, "when");
            Objects.requireNonNull(then, "then");
        }
    }

    public static Match match(Supplier<Boolean> when, Supplier<? extends Node> then) {
        return new Match(when, then);
    }

    /** The first match whose condition holds, else {@code fallback}. Region kind {@code w}. */
    public static Node switchOf(Supplier<? extends Node> fallback, Match... matches) {
        Objects.requireNonNull(fallback, "fallback");
        List<Match> list = List.of(matches);
        return (Control) target -> Owned.region(target, LiveProtocol.Markup.SWITCH_MARKER, "switch", () -> {
            for (Match m : list) {
                if (Boolean.TRUE.equals(m.when().get())) {
                    return m.then();
                }
            }
            return fallback;
        }, Supplier::get);
    }

    /** Whichever component {@code component} yields (nothing for null), with {@code props}. Region kind {@code d}. */
    public static <P> Node dynamic(Supplier<? extends Component<P>> component, P props) {
        Objects.requireNonNull(component, "component");
        return (Control) target -> Owned.region(target, LiveProtocol.Markup.DYNAMIC_MARKER, "dynamic", component::get,
                c -> c == null ? EMPTY : component(c, props));
    }

    /** Renders {@code content} at the end of the body; marks its place with {@code <!--ae:pID--><!--/ae:pID-->}. */
    public static Node portal(Supplier<? extends Node> content) {
        Objects.requireNonNull(content, "content");
        return (Control) target -> {
            String id = target.nextId();
            target.openMarker(LiveProtocol.Markup.PORTAL_MARKER, id, null);
            target.closeMarker(LiveProtocol.Markup.PORTAL_MARKER, id);
            Scope scope = Scope.current();
            target.portal(id, (Control) t -> Scope.run(scope, () -> {
                Owned.render(t, Scope.child("portal"), content);
                return null;
            }));
        };
    }

    /** An error boundary; see {@link ErrorBoundary}. Retries at most 3 times per render. */
    public static Node errorBoundary(Supplier<? extends Node> children, BiFunction<? super Throwable, Runnable, ? extends Node> fallback) {
        return new ErrorBoundary(children, fallback, 3);
    }

    /** A Suspense boundary; see {@link Suspense}. */
    public static Node suspense(Supplier<? extends Node> fallback, Supplier<? extends Node> content) {
        return new Suspense(fallback, content);
    }

    /** A component loaded on first use; keep the result in a constant. */
    public static <P> Lazy<P> lazy(Supplier<? extends CompletionStage<? extends Component<P>>> loader) {
        return new Lazy<>(loader);
    }
}
