package dev.aether.benchmarks.live;

import static dev.aether.web.component.Components.component;
import static dev.aether.web.html.Html.*;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.SharedSignal;
import dev.aether.reactive.Signal;
import dev.aether.web.Page;
import dev.aether.web.PageRequest;

/**
 * The page every live session of the benchmark shows: the showcase counter's shape (a counter of
 * the page's own, a count shared by every page) plus a name field, with six bindings and four
 * event handlers.
 *
 * <ul>
 *   <li>bindings: the name as text, a class on it, the input's value; the page's count as text;
 *       the shared count as text and a class on it;
 *   <li>handlers: input on the name field, click on -1, +1 and "+1 for everyone".
 * </ul>
 *
 * <p>A click on +1 changes exactly one text (the page's count reads nothing else), which is the
 * "one-text change" of the bytes-per-change measurement; a write to the shared signal also
 * changes exactly one text on every page (its class stays off below a million).
 */
final class LiveBenchPage {
    /** Not the showcase's {@code /counter}: a browser left reconnecting to a port this server now has must not add sessions. */
    static final String PATH = "/bench/live-counter";

    private final SharedSignal<Integer> everyone;

    LiveBenchPage(SharedSignal<Integer> everyone) {
        this.everyone = everyone;
    }

    Page page(PageRequest request) {
        return Page.of("Counter", () -> component(() -> {
            Signal<Integer> count = Reactive.signal(0);
            Signal<String> who = Reactive.signal("guest");
            return section(
                    h1(text("Counter")),
                    p(text("Hello, "), strong(id("who"), classIf("named", () -> !who.get().equals("guest")), text(who::get))),
                    input(type("text"), id("name"), attr("value", who::get), on("input", e -> who.set(e.value()))),
                    p(text("This page: "), strong(id("count"), text(() -> count.get()))),
                    button(id("dec"), on("click", () -> count.update(n -> n - 1)), text("−1")),
                    button(id("inc"), on("click", () -> count.update(n -> n + 1)), text("+1")),
                    p(text("Everyone: "), strong(id("everyone"), classIf("many", () -> everyone.get() >= 1_000_000), text(everyone::get))),
                    button(id("everyone-inc"), on("click", () -> everyone.update(n -> n + 1)), text("+1 for everyone")));
        }));
    }
}
