package dev.aether.examples.showcase.web;

import static dev.aether.web.html.Html.*;

import dev.aether.web.router.Level;
import dev.aether.web.router.NoParams;

/** The index: a tile for each live page, saying what it shows. */
final class HomePage {
    private HomePage() {
    }

    static Level<NoParams> level() {
        return Level.page(WebPages.HOME, WebPages.title("/"), ctx -> section(
                h1(text("Aether showcase")),
                p(cls("lead"), text("Pages rendered in Java on the server and kept live over a WebSocket. Each works without JavaScript too.")),
                ul(cls("tiles"), fragment(WebPages.PAGES.stream().filter(page -> !page.path().equals("/"))
                        .map(page -> li(a(cls("card"), href(page.path()), strong(text(page.title())), span(text(capitalized(page.summary()) + ".")))))
                        .toList()))));
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
