package dev.aether.web.html;

/** Java code run for a DOM event (by the live runtime; SSR only marks the element). */
@FunctionalInterface
public interface EventHandler {
    void handle(DomEvent event);
}
