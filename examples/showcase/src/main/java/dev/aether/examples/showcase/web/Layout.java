package dev.aether.examples.showcase.web;

import static dev.aether.web.html.Html.*;

import dev.aether.web.Page;
import dev.aether.web.html.Node;
import java.util.function.Supplier;

/**
 * The frame of every page: a top bar with the brand, a navigation of plain links (they work
 * without JavaScript, the current page marked) and a connection badge the runtime's
 * {@code ae-*} classes on {@code <html>} light up; the look is {@code /showcase.css}
 * ({@link StaticFiles}).
 *
 * <pre>{@code
 * Page page = Layout.page("/counter", () -> section(h1(text("Counter"))));
 * }</pre>
 */
final class Layout {
    /** Trusted, constant markup: the DSL has no {@code <link>}; a stylesheet link is allowed in the body. */
    private static final String STYLESHEET = "<link rel=\"stylesheet\" href=\"/showcase.css\">";

    private Layout() {
    }

    /** The page at {@code path} (one of {@link WebPages#PAGES}) with {@code content} in its frame. */
    static Page page(String path, Supplier<? extends Node> content) {
        PageLink here = WebPages.PAGES.stream().filter(p -> p.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a page of the showcase: " + path));
        return Page.of(here.title() + " – Aether showcase", () -> fragment(
                        dangerouslyUnescapedHtml(STYLESHEET),
                        header(cls("top"), div(cls("top-inner"),
                                a(cls("brand"), href("/"), img(attr("src", "/favicon.svg"), attr("alt", "")), text("Aether"), small(text("showcase"))),
                                nav(attr("aria-label", "Pages"), fragment(WebPages.PAGES.stream()
                                        .map(p -> a(href(p.path()), attr("aria-current", p == here ? "page" : null), text(p.title())))
                                        .toList())),
                                span(cls("badge"), attr("title", "The page's connection to the server")))),
                        main(content.get()),
                        footer(text("Rendered in Java on the server and kept live over a WebSocket. Every page works without JavaScript too."))))
                .withMeta("viewport", "width=device-width, initial-scale=1")
                .withMeta("description", "Aether showcase: " + here.summary());
    }
}
