package dev.aether.examples.showcase.web;

import static dev.aether.web.html.Html.*;

import dev.aether.web.ssr.Page;

/** The index: what each live page shows. */
final class HomePage {
    private HomePage() {
    }

    static Page page() {
        return Layout.page("Home", () -> section(
                h1(text("Aether showcase")),
                p(text("Pages rendered in Java on the server and kept live over a WebSocket. Each works without JavaScript too.")),
                ul(li(a(href("/counter"), text("Counter")), text(": per-page state, and one counter shared by every open page")),
                        li(a(href("/todos"), text("Todos")), text(": a keyed list: add, toggle, remove, reorder")),
                        li(a(href("/signup"), text("Sign up")), text(": a form validated as you type")),
                        li(a(href("/stocks"), text("Stocks")), text(": table rows from a compiled template, filtered as you type")))));
    }
}
