package dev.aether.examples.showcase.web;

import static dev.aether.web.html.Html.*;
import static dev.aether.web.router.Links.to;

import dev.aether.examples.showcase.web.WebPages.CounterParams;
import dev.aether.examples.showcase.web.WebPages.SignupParams;
import dev.aether.examples.showcase.web.WebPages.StocksParams;
import dev.aether.web.router.Level;
import dev.aether.web.router.NoParams;
import dev.aether.web.router.Route;
import java.util.Optional;

/**
 * The root layout around every page: a top bar with the brand, a navigation of router links
 * (live navigations with the runtime, plain links without it; the current page marked) and a connection badge the runtime's
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
    /** The class of the navigation's link to the page shown (it follows live navigations). */
    private static final String CURRENT = "current";

    private Layout() {
    }

    private static String title(String path) {
        return WebPages.link(path).title();
    }

    static Level<NoParams> level() {
        return Level.<NoParams>layout(Route.of("/"), (ctx, outlet) -> fragment(
                        dangerouslyUnescapedHtml(STYLESHEET),
                        header(cls("top"), div(cls("top-inner"),
                                a(cls("brand"), href("/"), img(attr("src", "/favicon.svg"), attr("alt", "")), text("Aether"), small(text("showcase"))),
                                nav(attr("aria-label", "Pages"),
                                        to(WebPages.HOME, NoParams.NONE, text(title("/"))).activeClass(CURRENT),
                                        to(WebPages.COUNTER, CounterParams.START, text(title("/counter"))).activeClass(CURRENT),
                                        to(WebPages.TODOS, NoParams.NONE, text(title("/todos"))).activeClass(CURRENT),
                                        to(WebPages.SIGNUP, SignupParams.FORM, text(title("/signup"))).activeClass(CURRENT),
                                        to(WebPages.STOCKS, new StocksParams(Optional.empty()), text(title("/stocks"))).activeClass(CURRENT),
                                        to(WebPages.SIGNUPS, NoParams.NONE, text(title("/signups"))).activeClass(CURRENT),
                                        to(WebPages.TEAM, NoParams.NONE, text(title("/team"))).activeClass(CURRENT)),
                                span(cls("badge"), attr("title", "The page's connection to the server")))),
                        main(outlet),
                        footer(text("Rendered in Java on the server and kept live over a WebSocket. Every page works without JavaScript too."))))
                .meta("viewport", "width=device-width, initial-scale=1");
    }
}
