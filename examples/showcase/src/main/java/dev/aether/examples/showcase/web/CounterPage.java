package dev.aether.examples.showcase.web;

import static dev.aether.web.component.Components.component;
import static dev.aether.web.html.Html.*;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.SharedSignal;
import dev.aether.reactive.Signal;
import dev.aether.web.ActionResult;
import dev.aether.web.Page;
import dev.aether.web.PageRequest;

/**
 * A counter of this page's own and one shared by every open page (server push: a click in one
 * tab updates all of them). Live, the buttons run Java handlers; without JavaScript they post
 * the form and the action redirects back with the new count in the URL.
 *
 * <pre>{@code
 * CounterPage counter = new CounterPage(Reactive.sharedSignal(0));
 * web.page("/counter", counter::page).action("/counter", counter::post);
 * }</pre>
 */
public final class CounterPage {
    private final SharedSignal<Integer> everyone;

    public CounterPage(SharedSignal<Integer> everyone) {
        this.everyone = everyone;
    }

    public Page page(PageRequest request) {
        int start = parse(request.query("count"));
        return Layout.page("/counter", () -> component(() -> {
            Signal<Integer> count = Reactive.signal(start);
            return section(
                    h1(text("Counter")),
                    p(cls("lead"), text("Each click runs a Java handler on the server; only the number that changed is sent back.")),
                    form(cls("counts"), attr("method", "post"), attr("action", "/counter"),
                            input(type("hidden"), name("count"), attr("value", () -> String.valueOf(count.get()))),
                            div(cls("card"),
                                    span(cls("caption"), text("This page")),
                                    strong(id("count"), cls("count"), text(() -> count.get())),
                                    div(cls("actions"),
                                            button(id("dec"), cls("quiet"), type("submit"), name("op"), value("dec"),
                                                    on("click", () -> count.update(n -> n - 1)).preventDefault(), attr("aria-label", "minus one"), text("−1")),
                                            button(id("inc"), type("submit"), name("op"), value("inc"),
                                                    on("click", () -> count.update(n -> n + 1)).preventDefault(), attr("aria-label", "plus one"), text("+1")))),
                            div(cls("card"),
                                    span(cls("caption"), text("Everyone (shared by every open page)")),
                                    strong(id("everyone"), cls("count"), text(everyone::get)),
                                    div(cls("actions"),
                                            button(id("everyone-inc"), type("submit"), name("op"), value("everyone"),
                                                    on("click", () -> everyone.update(n -> n + 1)).preventDefault(), text("+1 for everyone"))))));
        }));
    }

    /** The same buttons without JavaScript: the form posts, the action redirects with the new count. */
    public ActionResult post(PageRequest request) {
        int count = parse(request.form("count"));
        switch (request.form("op")) {
            case "inc" -> count++;
            case "dec" -> count--;
            case "everyone" -> everyone.update(n -> n + 1);
            default -> {
                // an unknown button: nothing changes
            }
        }
        return ActionResult.redirect("/counter?count=" + count);
    }

    private static int parse(String s) {
        try {
            return s.isEmpty() ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
