package dev.aether.web.html;

import dev.aether.web.safety.Names;

/**
 * A valid tag name with what the renderer writes for it, worked out once per tag instead of
 * once per element: the DSL keeps one {@code Tag} per element function.
 */
record Tag(String name, String startPrefix, String start, String end, boolean isVoid, boolean isRawText) {
    /** {@code name} must be valid already ({@link Names#tagName}). */
    static Tag of(String name) {
        boolean isVoid = Names.isVoid(name);
        return new Tag(name, "<" + name, "<" + name + ">", isVoid ? "" : "</" + name + ">", isVoid, Names.isRawText(name));
    }
}
