/**
 * The HTML renderer, {@link dev.aether.web.render.HtmlRenderer}: nodes to HTML, each dynamic part
 * evaluated once. SSR ({@code dev.aether.web.ssr}) renders with it; the live renderer
 * ({@code dev.aether.web.live}) extends it to keep the dynamic parts bound. Not exported:
 * applications render with {@code Ssr} or serve pages through {@code AetherWeb}.
 *
 * <pre>{@code
 * HtmlRenderer renderer = new HtmlRenderer("");
 * renderer.render(p("Hello"));
 * String html = renderer.htmlWithPortals();   // "<p>Hello</p>"
 * }</pre>
 */
package dev.aether.web.render;
