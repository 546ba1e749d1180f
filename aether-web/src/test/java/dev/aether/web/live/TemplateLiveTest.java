package dev.aether.web.live;

import static dev.aether.web.live.Frames.*;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.web.ssr.Template;
import org.junit.jupiter.api.Test;

/** A compiled template in a live page: its live parts are bound as anywhere else, and forms keep their CSRF field. */
class TemplateLiveTest {
    record Item(String name) {
    }

    Signal<Integer> clicks;   // made on the session's context, as a page's state is

    @Test
    void anEventInANodeHoleRunsAndItsBindingsSendPatches() {
        Template<Item> row = Template.of(t -> li(t.text(Item::name), t.node(item -> button(
                on("click", () -> clicks.update(n -> n + 1)), text(() -> item.name() + " " + clicks.get())))));
        try (LiveHarness live = LiveHarness.render(() -> {
            clicks = Reactive.signal(0);
            return ul(row.with(new Item("a")), row.with(new Item("b")));
        })) {
            assertThat(live.html).contains("<li>a<button data-ae=\"1\" data-ae-on=\"click\"><!--ae:t2-->a 0<!--/ae:t2--></button></li>")
                    .contains("<li>b<button data-ae=\"3\" data-ae-on=\"click\"><!--ae:t4-->b 0<!--/ae:t4--></button></li>");
            live.event("3", "click");
            assertThat(live.patches()).containsExactlyInAnyOrder(new Patch.Text("2", "a 1"), new Patch.Text("4", "b 1"));
        }
    }

    @Test
    void aPostingFormInATemplateGetsTheSessionsCsrfField() {
        Template<Item> form = Template.of(t -> form(attr("method", "post"), attr("action", "/save"), input(t.attr("value", Item::name))));
        try (LiveHarness live = LiveHarness.render(() -> form.with(new Item("x")))) {
            assertThat(live.html).contains("<form method=\"post\" action=\"/save\"><input type=\"hidden\" name=\"_csrf\" value=\""
                    + LiveHarness.CSRF_TOKEN + "\"><input value=\"x\"></form>");
        }
    }
}
