package dev.aether.web.browser;

import static dev.aether.web.component.Components.component;
import static dev.aether.web.component.Components.each;
import static dev.aether.web.component.Components.show;
import static dev.aether.web.component.Components.suspense;
import static dev.aether.web.component.Components.when;
import static dev.aether.web.html.Html.*;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Resource;
import dev.aether.reactive.SharedSignal;
import dev.aether.reactive.Signal;
import dev.aether.titan.Titan;
import dev.aether.web.AetherWeb;
import dev.aether.web.Page;
import dev.aether.web.component.Suspense;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Live pages for the browser tests, served by a real Titan on 127.0.0.1; {@link #restart()}
 * stops it and starts a new one on the same port (every session lost, as in a redeploy).
 *
 * <pre>{@code
 * try (LiveFixture live = LiveFixture.start()) {
 *     driver.get(live.url("/counter"));
 * }
 * }</pre>
 */
final class LiveFixture implements AutoCloseable {
    /** Read by every /push page: a server push changes it from the test thread. */
    final SharedSignal<String> headline = Reactive.sharedSignal("first");
    /** The items of every /todos page: they outlive sessions, as a database would. */
    final SharedSignal<List<String>> todos = Reactive.sharedSignal(List.of());
    /** Printed on the /vote page's button: a new edition renders a different button. */
    final AtomicInteger edition = new AtomicInteger(1);
    private final Duration grace;
    private Titan titan;
    private AetherWeb web;
    private int port;

    private LiveFixture(Duration grace) {
        this.grace = grace;
    }

    static LiveFixture start() {
        return start(Duration.ofSeconds(30));
    }

    /** The fixture with sessions kept {@code grace} after their connection drops. */
    static LiveFixture start(Duration grace) {
        LiveFixture f = new LiveFixture(grace);
        f.titan = f.titan(0).start();
        f.port = f.titan.port();
        return f;
    }

    /** Live sessions the server holds now. */
    int liveSessions() {
        return web.liveSessions();
    }

    /** The port the server listens on (the same after {@link #restart()}). */
    int port() {
        return port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Stops the server and starts a new one on the same port: no session survives. */
    void restart() {
        titan.stop();
        titan = titan(port).start();
    }

    @Override
    public void close() {
        titan.stop();
    }

    private Titan titan(int onPort) {
        web = AetherWeb.builder()
                .page("/counter", request -> Page.of("Counter", () -> component(() -> {
                    Signal<Integer> count = Reactive.signal(0);
                    return div(button(id("inc"), on("click", () -> count.update(n -> n + 1)), text("+1")),
                            span(id("count"), text(count::get)));
                })))
                .page("/injected", request -> Page.of("Injected", () -> component(() -> {
                    Signal<Integer> count = Reactive.signal(0);
                    // as if user input had reached raw HTML: the page's Content-Security-Policy must stop it
                    return div(dangerouslyUnescapedHtml("<script>window.__injected = true</script>"),
                            button(id("inc"), on("click", () -> count.update(n -> n + 1)), text("+1")),
                            span(id("count"), text(count::get)));
                })))
                .page("/list", request -> Page.of("List", () -> component(() -> {
                    Signal<List<String>> rows = Reactive.signal(List.of("a", "b", "c", "d", "e"));
                    return div(button(id("reverse"), on("click", () -> rows.update(r -> {
                                List<String> next = new ArrayList<>(r);
                                Collections.reverse(next);
                                return List.copyOf(next);
                            })), text("reverse")),
                            button(id("remove-c"), on("click", () -> rows.update(r -> r.stream().filter(x -> !x.equals("c")).toList())),
                                    text("remove c")),
                            button(id("insert-x"), on("click", () -> rows.update(r -> {
                                List<String> next = new ArrayList<>(r);
                                next.add(1, "x");
                                return List.copyOf(next);
                            })), text("insert x")),
                            ul(id("rows"), each(rows::get, r -> r, r -> li(attr("data-key", r), text(r)))));
                })))
                .page("/typing", request -> Page.of("Typing", () -> component(() -> {
                    Signal<String> value = Reactive.signal("");
                    return div(input(id("box"), name("box"), attr("value", value::get), on("input", e -> {
                                Waits.pause(120);      // a slow handler: echoes arrive long after the keystrokes
                                value.set(e.value());
                            })),
                            span(id("echo"), text(value::get)));
                })))
                .page("/note", request -> Page.of("Note", () -> component(() -> {
                    Signal<String> note = Reactive.signal("");
                    return div(input(id("note"), name("note"), on("input", e -> note.set(e.value()))),
                            span(id("saved"), text(note::get)));
                })))
                .page("/todos", request -> Page.of("Todos", () -> component(() -> {
                    Signal<String> draft = Reactive.signal("");
                    return div(form(id("add"), on("submit", e -> {
                                        String title = e.field("title");
                                        todos.update(list -> Stream.concat(list.stream(), Stream.of(title)).toList());
                                        draft.set("");
                                    }),
                                    input(id("title"), name("title"), attr("value", draft::get), on("input", e -> draft.set(e.value()))),
                                    button(id("add-button"), type("submit"), text("Add"))),
                            ul(id("todos"), each(todos::get, t -> t, t -> li(text(t)))));
                })))
                .page("/vote", request -> Page.of("Vote", () -> component(() -> {
                    Signal<Integer> votes = Reactive.signal(0);
                    return div(button(id("vote"), on("click", () -> votes.update(n -> n + 1)), text("Vote (edition " + edition.get() + ")")),
                            span(id("votes"), text(votes::get)));
                })))
                .page("/form", request -> Page.of("Form", () -> component(() -> {
                    Signal<String> person = Reactive.signal("");
                    Signal<String> email = Reactive.signal("");
                    Signal<Boolean> tried = Reactive.signal(false);   // validation shows once the user committed a change
                    Signal<Integer> pings = Reactive.signal(0);
                    return div(input(id("name"), name("name"), on("input", e -> person.set(e.value())), on("change", e -> tried.set(true))),
                            input(id("email"), name("email"), on("input", e -> email.set(e.value())), on("change", e -> tried.set(true))),
                            span(id("name-echo"), text(person::get)),
                            show(() -> tried.get() && email.get().isBlank(), () -> span(id("email-error"), text("Enter an e-mail address"))),
                            button(id("ping"), on("click", () -> pings.update(n -> n + 1)), text("ping")),
                            span(id("pings"), text(pings::get)));
                })))
                .page("/push", request -> Page.of("Push", () -> p(id("headline"), text(headline::get))))
                .page("/styled", request -> Page.of("Styled", () -> div(
                        // the showcase's way: constant CSS in a <style> element, and style attributes from the DSL
                        dangerouslyUnescapedHtml("<style>#by-sheet{color:rgb(4, 5, 6)}</style>"),
                        p(id("by-sheet"), text("by the sheet")),
                        p(id("by-attribute"), style("color", "rgb(1, 2, 3)"), text("by the attribute")),
                        dangerouslyUnescapedHtml("<form id=\"elsewhere\" method=\"post\" action=\"http://elsewhere.invalid/steal\"></form>"))))
                .page("/slow", request -> Page.of("Slow", () -> component(() -> {
                    Resource<String> late = Reactive.resource(() -> CompletableFuture.supplyAsync(() -> "resolved",
                            CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS)));
                    return div(suspense(() -> p(id("loading"), text("Loading…")),
                            () -> p(id("content"), text(() -> Suspense.read(late)))));
                })))
                .page("/modifiers", request -> Page.of("Modifiers", () -> component(() -> {
                    Signal<Integer> outer = Reactive.signal(0);
                    Signal<Integer> inner = Reactive.signal(0);
                    Signal<Integer> debounced = Reactive.signal(0);
                    Signal<String> debouncedValue = Reactive.signal("");
                    Signal<Integer> throttled = Reactive.signal(0);
                    Signal<String> throttledValue = Reactive.signal("");
                    Signal<Integer> enters = Reactive.signal(0);
                    return div(
                            div(id("outer"), on("click", () -> outer.update(n -> n + 1)),
                                    button(id("stopped"), on("click", () -> inner.update(n -> n + 1)).stopPropagation(), text("stopped")),
                                    button(id("bubbling"), on("click", () -> inner.update(n -> n + 1)), text("bubbling"))),
                            span(id("outer-count"), text(outer::get)), span(id("inner-count"), text(inner::get)),
                            input(id("debounced"), on("input", e -> {
                                debounced.update(n -> n + 1);
                                debouncedValue.set(e.value());
                            }).debounce(300)),
                            span(id("debounced-count"), text(debounced::get)), span(id("debounced-value"), text(debouncedValue::get)),
                            input(id("throttled"), on("input", e -> {
                                throttled.update(n -> n + 1);
                                throttledValue.set(e.value());
                            }).throttle(400)),
                            span(id("throttled-count"), text(throttled::get)), span(id("throttled-value"), text(throttledValue::get)),
                            input(id("keys"), on("keydown", () -> enters.update(n -> n + 1)).key("Enter")),
                            span(id("enters"), text(enters::get)));
                })))
                .page("/hostile", request -> Page.of("Hostile", () -> component(() -> {
                    List<String> payloads = XssPayloads.all();
                    Signal<Integer> at = Reactive.signal(-1);
                    Supplier<String> payload = () -> at.get() < 0 ? "" : payloads.get(at.get());
                    return div(button(id("next"), on("click", () -> at.update(n -> n + 1)), text("next")),
                            span(id("index"), text(at::get)),
                            p(id("as-text"), attr("title", payload), text(payload)),
                            a(id("as-link"), attr("href", payload), text("link")),
                            div(id("as-style"), style("color", payload), text("styled")),
                            textarea(id("as-textarea"), text(payload)),
                            div(id("as-region"), when(() -> at.get() < 0 ? null : payload.get(), p -> span(cls("region"), text(p)), () -> text(""))));
                })))
                .gracePeriod(grace)
                .build();
        return Titan.builder().port(onPort).mount(web).build();
    }
}
