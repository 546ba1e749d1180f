package dev.aether.web.html;

/**
 * A node that decides at render time what to output: components, control flow, boundaries. It
 * writes through the {@link RenderTarget}, which owns escaping, ids and markers.
 */
public non-sealed interface Control extends Node {
    void render(RenderTarget target);
}
