package dev.aether.examples.showcase.web;

import static dev.aether.web.html.Html.*;

import dev.aether.web.router.Level;
import dev.aether.web.router.NoParams;
import dev.aether.web.router.Route;

/**
 * The root layout around every page: a top bar with the brand, a navigation of plain links (they
 * work without JavaScript, the current page marked) and a connection badge the runtime's
 * {@code ae-*} classes on {@code <html>} light up; the look is {@code /showcase.css}
 * ({@link StaticFiles}).
 *
 * <pre>{@code
 * RouteTree.builder().layout(Layout.level(), site -> site.page(...))
 * }</pre>
 */
final class Layout {
    /** Trusted, constant markup: the DSL has no {@code <link>}; a stylesheet link is allowed in the body. */
    private static final String STYLESHEET = "<link rel=\"stylesheet\" href=\"/showcase.css\">";

    private Layout() {
    }

    static Level<NoParams> level() {
        return Level.<NoParams>layout(Route.of("/"), (ctx, outlet) -> fragment(
                        dangerouslyUnescapedHtml(STYLESHEET),
                        header(cls("top"), div(cls("top-inner"),
                                a(cls("brand"), href("/"), img(attr("src", "/favicon.svg"), attr("alt", "")), text("Aether"), small(text("showcase"))),
                                nav(attr("aria-label", "Pages"), fragment(WebPages.PAGES.stream()
                                        .map(p -> a(href(p.path()), attr("aria-current", p.path().equals(ctx.request().path()) ? "page" : null),
                                                text(p.title())))
                                        .toList())),
                                span(cls("badge"), attr("title", "The page's connection to the server")))),
                        main(outlet),
                        footer(text("Rendered in Java on the server and kept live over a WebSocket. Every page works without JavaScript too."))))
                .meta("viewport", "width=device-width, initial-scale=1");
    }
}
