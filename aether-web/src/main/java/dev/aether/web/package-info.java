/**
 * What a page author imports: {@link dev.aether.web.AetherWeb} (the pages and form actions,
 * mounted into Titan), {@link dev.aether.web.Page} (a document), {@link dev.aether.web.PageRequest}
 * (what a page or action is given) and {@link dev.aether.web.ActionResult} (what a form post
 * leads to). The HTML DSL stays a static import of {@link dev.aether.web.html.Html}; components
 * are in {@link dev.aether.web.component}, rendering to a string in {@link dev.aether.web.ssr}.
 *
 * <pre>{@code
 * import static dev.aether.web.html.Html.*;
 * import static dev.aether.reactive.Reactive.*;
 *
 * AetherWeb web = AetherWeb.builder()
 *         .page("/", request -> Page.of("Counter", () -> {
 *             Signal<Integer> count = signal(0);
 *             return button(on("click", () -> count.update(n -> n + 1)), text(() -> "Clicked " + count.get()));
 *         }))
 *         .build();
 * Titan.builder().mount(web).build().start();
 * }</pre>
 */
package dev.aether.web;
