package dev.aether.web.html;

import java.util.function.BooleanSupplier;

/** What a {@link Control} may do while it renders. Implemented by the SSR renderer. */
public interface RenderTarget {
    /** Renders {@code node} here. */
    void render(Node node);

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

    /** A position in the output; opaque to controls. */
    interface Mark {
    }
}
