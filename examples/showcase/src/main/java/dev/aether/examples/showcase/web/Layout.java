package dev.aether.examples.showcase.web;

import static dev.aether.web.html.Html.*;

import dev.aether.web.html.Node;
import dev.aether.web.ssr.Page;
import java.util.function.Supplier;

/**
 * The frame of every page: a navigation bar of plain links (they work without JavaScript) and a
 * connection badge the runtime's {@code ae-*} classes on {@code <html>} light up.
 *
 * <pre>{@code
 * Page page = Layout.page("Counter", () -> section(h1(text("Counter"))));
 * }</pre>
 */
final class Layout {
    /** Trusted, constant CSS (the DSL refuses {@code <style>}: only framework-owned text goes through here). */
    private static final String CSS = """
            <style>
            body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1b1b1f}
            nav a{margin-right:1rem} button{margin:.2rem} .done{text-decoration:line-through;color:#777}
            .error{color:#b00020;font-size:.9rem} .badge{float:right;font-size:.8rem;padding:.1rem .5rem;border-radius:1rem;background:#eee}
            .ae-connected .badge{background:#d7f5dd} .ae-connected .badge::after{content:"live"}
            .ae-disconnected .badge{background:#ffe0e0} .ae-disconnected .badge::after{content:"reconnecting…"}
            li{margin:.3rem 0} label{display:block;margin:.5rem 0}
            table{border-collapse:collapse;margin-top:1rem} th,td{padding:.2rem .6rem;text-align:left} .number{text-align:right} tr.down td:last-child{color:#b00020}
            </style>""";

    private Layout() {
    }

    static Page page(String title, Supplier<? extends Node> content) {
        return Page.of(title + " – Aether showcase", () -> fragment(
                dangerouslyUnescapedHtml(CSS),
                header(span(cls("badge")),
                        nav(a(href("/"), text("Home")), a(href("/counter"), text("Counter")), a(href("/todos"), text("Todos")),
                                a(href("/signup"), text("Sign up")), a(href("/stocks"), text("Stocks")))),
                main(content.get())));
    }
}
