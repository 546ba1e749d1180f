package dev.aether.web.live;

import static dev.aether.web.live.Frames.*;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.ReactiveContext;
import dev.aether.reactive.Signal;
import dev.aether.titan.testing.CapturedLog;
import dev.aether.web.html.DomEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DOM events in a live session: only the handlers the session rendered run, each event number
 * runs once, a failing handler is answered and the session goes on, and handlers get the
 * event's data through {@link DomEvent}.
 */
class LiveEventTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** A failing handler is logged with its error id: the tests that provoke one assert it. */
    @RegisterExtension
    final CapturedLog log = CapturedLog.of(LiveSession.class);

    Signal<Integer> count;
    Signal<String> last;
    final AtomicInteger runs = new AtomicInteger();

    /** A button (element 1) counting clicks into text 2. */
    private LiveHarness counter() {
        return LiveHarness.render(() -> {
            count = Reactive.signal(0);
            return button(on("click", () -> {
                runs.incrementAndGet();
                count.update(n -> n + 1);
            }), text(() -> count.get()));
        });
    }

    @Test
    void eventsRunInOneTaskAreAnsweredInOneFrameEachAcknowledgingItsOwnEvent() {
        try (LiveHarness live = counter()) {
            live.run(() -> {   // two events that arrived before the first one's frame went out
                live.session.receive(new InboundMessage.Event(1, "1", "click", Map.of(), 0));
                live.session.receive(new InboundMessage.Event(2, "1", "click", Map.of(), 0));
            });
            live.settle();
            // the browser applies a value as of the event that wrote it: the frame must name that event
            assertThat(live.frames()).containsExactly(frame(1, 1, new Patch.Text("2", "1")), frame(2, 2, new Patch.Text("2", "2")));
        }
    }

    // ---- what may run ---------------------------------------------------------------------

    @Test
    void anEventForAnUnknownElementIsRejectedAndRunsNothing() {
        try (LiveHarness live = counter()) {
            live.event("99", "click");
            assertThat(live.frames()).containsExactly(frame(1, 1, new Patch.Rejected(1, "no click handler on element 99")));
            assertThat(runs).hasValue(0);
        }
    }

    @Test
    void anEventOfATypeTheElementDoesNotHandleIsRejectedAndRunsNothing() {
        try (LiveHarness live = counter()) {
            live.event("1", "input");
            assertThat(live.patches()).containsExactly(new Patch.Rejected(1, "no input handler on element 1"));
            assertThat(runs).hasValue(0);
        }
    }

    @Test
    void anEventNamingTheIdOfADynamicTextIsRejected() {
        try (LiveHarness live = counter()) {
            live.event("2", "click");
            assertThat(live.patches()).singleElement().isInstanceOfSatisfying(Patch.Rejected.class, r -> assertThat(r.event()).isEqualTo(1));
            assertThat(runs).hasValue(0);
        }
    }

    @Test
    void aRejectedEventDoesNotStopTheNextOne() {
        try (LiveHarness live = counter()) {
            live.event("99", "click");
            live.patches();
            live.event("1", "click");
            assertThat(live.patches()).containsExactly(new Patch.Text("2", "1"));
        }
    }

    // ---- event numbers ----------------------------------------------------------------------

    @Test
    void anEventSentAgainWithTheSameNumberRunsOnce() {
        try (LiveHarness live = counter()) {
            live.event(1, "1", "click", Map.of());
            live.event(1, "1", "click", Map.of());
            assertThat(runs).hasValue(1);
            assertThat(live.frames()).containsExactly(frame(1, 1, new Patch.Text("2", "1")));
        }
    }

    @Test
    void anEventWithANumberBelowTheLastRunIsIgnored() {
        try (LiveHarness live = counter()) {
            live.event(1, "1", "click", Map.of());
            live.event(2, "1", "click", Map.of());
            live.takeFrames();
            live.event(1, "1", "click", Map.of());
            assertThat(runs).hasValue(2);
            assertThat(live.takeFrames()).isEmpty();
        }
    }

    @Test
    void anEventThatChangesNothingIsAcknowledgedWithAnUnnumberedFrame() {
        try (LiveHarness live = LiveHarness.render(() -> button(on("click", runs::incrementAndGet), text("noop")))) {
            live.event("1", "click");
            assertThat(runs).hasValue(1);
            assertThat(live.takeFrames()).containsExactly("[0,[],1]");
        }
    }

    // ---- failing handlers ---------------------------------------------------------------------

    @Test
    void aHandlerThatThrowsIsAnsweredWithARejectionCarryingAnErrorId() {
        try (LiveHarness live = LiveHarness.render(() -> button(on("click", () -> {
            throw new IllegalStateException("secret detail");
        }), text("boom")))) {
            live.event("1", "click");
            Patch.Rejected p = live.onlyPatch(Patch.Rejected.class);
            assertThat(p.event()).isEqualTo(1);
            assertThat(p.message()).matches("the click handler failed on the server \\(error id " + UUID + "\\)")
                    .doesNotContain("secret detail");
            String errorId = p.message().replaceAll(".*error id (" + UUID + ").*", "$1");
            assertThat(log.take()).singleElement().satisfies(e -> {   // the log has the detail the browser must not see
                assertThat(e.getLevel()).isEqualTo(Level.ERROR);
                assertThat(e.getFormattedMessage()).contains("click handler on element 1 failed (error id " + errorId + ")");
                assertThat(e.getThrowableProxy().getMessage()).isEqualTo("secret detail");
            });
        }
    }

    @Test
    void theSessionKeepsWorkingAfterAHandlerThrew() {
        try (LiveHarness live = LiveHarness.render(() -> {
            count = Reactive.signal(0);
            return div(button(on("click", () -> {
                throw new IllegalStateException("boom");
            })), button(on("click", () -> count.update(n -> n + 1))), text(() -> count.get()));
        })) {
            live.event("1", "click");
            live.patches();
            live.event("2", "click");
            assertThat(live.patches()).containsExactly(new Patch.Text("3", "1"));
            live.event("1", "click");
            assertThat(live.patches()).singleElement().isInstanceOfSatisfying(Patch.Rejected.class, r -> assertThat(r.event()).isEqualTo(3));
            assertThat(log.take(Level.ERROR)).hasSize(2);
        }
    }

    @Test
    void changesMadeBeforeAHandlerThrewAreStillSent() {
        try (LiveHarness live = LiveHarness.render(() -> {
            count = Reactive.signal(0);
            return button(on("click", () -> {
                count.set(5);
                throw new IllegalStateException("after the write");
            }), text(() -> count.get()));
        })) {
            live.event("1", "click");
            List<String> frames = live.takeFrames();
            assertThat(frames).hasSize(1);
            List<Patch> patches = LiveHarness.patchesOf(frames);
            assertThat(patches).hasSize(2).contains(new Patch.Text("2", "5"));
            assertThat(patches).anyMatch(p -> p instanceof Patch.Rejected r && r.event() == 1);
            assertThat(log.take(Level.ERROR)).singleElement()
                    .satisfies(e -> assertThat(e.getThrowableProxy().getMessage()).isEqualTo("after the write"));
        }
    }

    // ---- what a handler gets ----------------------------------------------------------------

    @Test
    void aHandlerRunsOnTheSessionsContext() {
        AtomicReference<ReactiveContext> ran = new AtomicReference<>();
        try (LiveHarness live = LiveHarness.render(() -> button(on("click", () -> ran.set(ReactiveContext.current())), text("x")))) {
            live.event("1", "click");
            assertThat(ran.get()).isSameAs(live.session.context());
        }
    }

    @Test
    void aHandlerGetsTheEventTypeAndValue() {
        try (LiveHarness live = LiveHarness.render(() -> {
            last = Reactive.signal("");
            return div(input(type("text"), on("input", e -> last.set(e.type() + ":" + e.value()))), text(() -> last.get()));
        })) {
            live.event("1", "input", Map.of("value", "Ada <3"));
            assertThat(live.patches()).containsExactly(new Patch.Text("2", "input:Ada <3"));
        }
    }

    @Test
    void aHandlerReadsCheckedKeyAndFormFields() {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (LiveHarness live = LiveHarness.render(() -> div(
                input(type("checkbox"), on("change", e -> seen.add("checked=" + e.checked()))),
                input(on("keydown", e -> seen.add("key=" + e.key() + " value=" + e.value()))),
                form(on("submit", e -> seen.add("email=" + e.field("email") + " missing=" + e.field("nope") + "."))
                        .preventDefault(), input(name("email")))))) {
            live.event("1", "change", Map.of("checked", "true", "value", "on"));
            live.event("1", "change", Map.of("checked", "false"));
            live.event("2", "keydown", Map.of("key", "Enter", "value", "typed"));
            live.event("3", "submit", Map.of("email", "ada@example.com"));
            assertThat(seen).containsExactly("checked=true", "checked=false", "key=Enter value=typed",
                    "email=ada@example.com missing=.");
        }
    }

    @Test
    void domEventHelpersDefaultToEmptyAndFalse() {
        DomEvent e = new DomEvent("click", Map.of());
        assertThat(e.value()).isEmpty();
        assertThat(e.key()).isEmpty();
        assertThat(e.field("email")).isEmpty();
        assertThat(e.checked()).isFalse();
        assertThat(new DomEvent("change", Map.of("checked", "TRUE")).checked()).isFalse();   // exactly "true"
        assertThat(new DomEvent("change", Map.of("checked", "on")).checked()).isFalse();
    }

    @Test
    void domEventDataIsACopyThatCannotChange() {
        Map<String, String> data = new HashMap<>(Map.of("value", "a"));
        DomEvent e = new DomEvent("input", data);
        data.put("value", "b");
        assertThat(e.value()).isEqualTo("a");
        assertThatThrownBy(() -> e.data().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new DomEvent(null, Map.of())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void severalHandlersOfOneEventOnOneElementAreNumberedInTheirOrder() {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (LiveHarness live = LiveHarness.render(() -> input(
                on("keydown", e -> seen.add("save")).key("Enter"),
                on("keydown", e -> seen.add("cancel")).key("Escape")))) {
            assertThat(live.body()).contains("data-ae-on=\"keydown.key-Enter keydown.key-Escape\"");
            live.event("1", "keydown", 0, Map.of("key", "Enter"));
            live.event("1", "keydown", 1, Map.of("key", "Escape"));
            assertThat(seen).containsExactly("save", "cancel");
        }
    }

    @Test
    void anEventForAHandlerNumberTheElementDoesNotHaveIsRejected() {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (LiveHarness live = LiveHarness.render(() -> input(on("keydown", e -> seen.add("save")).key("Enter")))) {
            live.event("1", "keydown", 1, Map.of("key", "Enter"));
            assertThat(live.patches()).singleElement().isInstanceOfSatisfying(Patch.Rejected.class, r -> assertThat(r.event()).isEqualTo(1));
            assertThat(seen).isEmpty();
        }
    }
}
