package dev.aether.web.html;

import dev.aether.web.protocol.LiveProtocol;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a {@link Control} may do while it renders. The SSR renderer evaluates everything once;
 * the live renderer overrides {@link #region}, {@link #list}, {@link #defer} and {@link #onMount}
 * to keep those parts up to date in the browser.
 *
 * <p>Public, in the exported package, because it is application API: {@link Control} is open to
 * applications (a control of their own writes through this), and it is the one type every
 * renderer and component shares. The renderers themselves are internal.
 *
 * <pre>{@code
 * Control greeting = target -> target.writeText("Hello, " + user.name());   // escaped by the target
 * }</pre>
 */
public interface RenderTarget {
    /** Renders {@code node} here. */
    void render(Node node);

    /**
     * Writes {@code html} as it is. For markup that Aether made safe already, such as the static
     * parts of a compiled {@code Template}; a control gains nothing it could not do with
     * {@code render(dangerouslyUnescapedHtml(html))}, which is what the default does.
     */
    default void writeTrustedHtml(String html) {
        render(new RawHtml(html));
    }

    /** Writes {@code text} escaped, as text content or inside a double-quoted attribute value. */
    default void writeText(String text) {
        render(new Text(text));
    }

    /** The next marker id, stable for a given tree and data (see docs/ui.md). */
    String nextId();

    /** Writes the comment marker {@code <!--ae:KIND ID[ KEY]-->}; {@code key} may be null. */
    void openMarker(String kind, String id, Object key);

    /** Writes the closing comment marker {@code <!--/ae:KIND ID-->}. */
    void closeMarker(String kind, String id);

    /** The current output position, to {@link #rollback} to (drops output, portals and deferrals made since). */
    Mark mark();

    /** Drops everything written since {@code mark}: an error boundary or Suspense replacing failed output. */
    void rollback(Mark mark);

    /** Renders {@code node} at the end of the document body (portals). */
    void portal(String id, Node node);

    /**
     * Asks the renderer to render {@code content} once {@code ready} holds and to stream the result
     * into the Suspense boundary {@code id}. {@code content} must restore whatever scope it needs.
     */
    void defer(String id, BooleanSupplier ready, Node content);

    /**
     * A region: markers of {@code kind} around the content {@code part} renders for the value
     * {@code choose} yields. {@code choose} is tracked; {@code part} is not. SSR evaluates both
     * once; a live target re-runs {@code choose} when what it read changes and, when it yields a
     * value not {@link Objects#equals equal} to the previous one, replaces the region's content.
     */
    default <K> void region(String kind, Supplier<? extends K> choose, BiConsumer<RenderTarget, ? super K> part) {
        String id = nextId();
        openMarker(kind, id, null);
        part.accept(this, choose.get());
        closeMarker(kind, id);
    }

    /**
     * A keyed list (region kind {@code l}, each row opened by {@code <!--ae:kID KEY-->}). Keys must
     * be unique. A live target inserts, moves and removes rows by key and renders a row again only
     * when its item is no longer equal to the one it was rendered from.
     */
    default <T> void list(Supplier<? extends Iterable<? extends T>> items, Function<? super T, ?> key,
                          BiConsumer<RenderTarget, ? super T> row) {
        String id = nextId();
        openMarker(LiveProtocol.Markup.LIST_MARKER, id, null);
        Set<Object> seen = new HashSet<>();
        for (T item : items.get()) {
            Object k = Objects.requireNonNull(key.apply(item), "each(...): the key of an item is null");
            if (!seen.add(k)) {
                throw new IllegalStateException("duplicate key in each(...): " + k);
            }
            openMarker(LiveProtocol.Markup.ROW_MARKER, id, k);
            row.accept(this, item);
        }
        closeMarker(LiveProtocol.Markup.LIST_MARKER, id);
    }

    /**
     * Called, in the owner of the component that registered it, for each {@code onMount} callback
     * once the component has rendered. SSR ignores it; a live target runs it after the HTML is in
     * the page and runs the cleanup it returns when that owner is disposed.
     */
    default void onMount(Supplier<Runnable> mount) {
    }

    /**
     * The page needs the runtime part served at {@code path} (a {@code LiveProtocol.Paths} value,
     * such as the persist part): a live page loads it after the core runtime. SSR without the
     * runtime ignores it.
     */
    default void requireRuntimePart(String path) {
    }

    /**
     * As {@link #requireRuntimePart(String)}, and the part's tag carries {@code setting} (a JSON
     * value) with the others its page gave it, in render order: what the part needs to know before
     * the page is live (the persist part: which stored values to restore, before the first paint).
     */
    default void requireRuntimePart(String path, String setting) {
        requireRuntimePart(path);
    }

    /** A position in the output; opaque to controls. */
    interface Mark {
    }
}
