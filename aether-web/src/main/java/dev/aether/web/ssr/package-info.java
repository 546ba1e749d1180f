/**
 * Server-side rendering outside a live page: {@link dev.aether.web.ssr.Ssr} renders a node or a
 * {@link dev.aether.web.Page} to a string or streams it (shell first, then resolved Suspense
 * boundaries); {@link dev.aether.web.ssr.Template} compiles a static piece of HTML once for rows
 * rendered many times; components set the document's title and meta tags through
 * {@link dev.aether.web.ssr.Head}. Live pages are served by {@link dev.aether.web.AetherWeb}.
 *
 * <pre>{@code
 * String html = Ssr.render(div(text("Hello")));   // <div>Hello</div>
 * Ssr.streamPage(Page.of("Orders", () -> orders()), response.getOutputStream());
 * }</pre>
 */
package dev.aether.web.ssr;
