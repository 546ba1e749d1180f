package dev.aether.web.live;

import static dev.aether.web.live.Frames.*;
import static dev.aether.web.component.Components.each;
import static dev.aether.web.component.Components.show;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.web.safety.Escape;
import dev.aether.web.html.Node;
import dev.aether.web.safety.UrlPolicy;
import dev.aether.web.ssr.Ssr;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What a live page sends when a dynamic text, attribute, class or style changes: one small patch
 * per changed binding, nothing for an unchanged value, the same URL and style policies as SSR,
 * and one frame per task.
 */
class PatchGenerationTest {
    private static final String BLOCKED = UrlPolicy.BLOCKED;

    // Signals are created inside the page body, on the session's context.
    Signal<String> text;
    Signal<String> second;
    Signal<Integer> number;
    Signal<Object> value;
    Signal<Boolean> flag;

    private static LiveHarness live(Supplier<? extends Node> body) {
        return LiveHarness.render(body);
    }

    // ---- dynamic text -------------------------------------------------------------------

    @Test
    void dynamicTextSendsATextPatchWithItsIdAndNewValue() {
        try (LiveHarness live = live(() -> {
            text = Reactive.signal("a");
            return p(text(() -> text.get()));
        })) {
            assertThat(live.body()).isEqualTo("<p><!--ae:t1-->a<!--/ae:t1--></p>");
            live.run(() -> text.set("b"));
            assertThat(live.patches()).containsExactly(new Patch.Text("1", "b"));
        }
    }

    @Test
    void dynamicTextIsSentAsTheRawStringForTheRuntimeToSetAsText() {
        String payload = "<img src=x onerror=alert(1)>&amp;\"'";
        try (LiveHarness live = live(() -> {
            text = Reactive.signal("a");
            return p(text(() -> text.get()));
        })) {
            live.run(() -> text.set(payload));
            assertThat(live.onlyPatch(Patch.Text.class).text()).isEqualTo(payload);
        }
    }

    @Test
    void nullDynamicTextIsSentAsEmptyText() {
        try (LiveHarness live = live(() -> {
            text = Reactive.signal("a");
            return p(text(() -> text.get()));
        })) {
            live.run(() -> text.set(null));
            assertThat(live.patches()).containsExactly(new Patch.Text("1", ""));
        }
    }

    @Test
    void aNewValueEqualToThePreviousOneSendsNothing() {
        try (LiveHarness live = live(() -> {
            number = Reactive.signal(1);
            return p(text(() -> number.get() % 2));
        })) {
            live.run(() -> number.set(3));   // the binding runs again, its text is still "1"
            assertThat(live.takeFrames()).isEmpty();
            live.run(() -> number.set(4));
            assertThat(live.patches()).containsExactly(new Patch.Text("1", "0"));
        }
    }

    @Test
    void aValueChangedAndChangedBackWithinOneTaskSendsNothing() {
        try (LiveHarness live = live(() -> {
            text = Reactive.signal("a");
            return p(text(() -> text.get()));
        })) {
            live.run(() -> dev.aether.reactive.Reactive.batch(() -> {
                text.set("b");
                text.set("a");
            }));
            assertThat(live.takeFrames()).isEmpty();
        }
    }

    @Test
    void textareaDynamicTextIsPatchedThroughTheElementId() {
        try (LiveHarness live = live(() -> {
            text = Reactive.signal("draft");
            return textarea(name("body"), text(() -> text.get()));
        })) {
            assertThat(live.body()).isEqualTo("<textarea data-ae=\"1\" name=\"body\">draft</textarea>");
            live.run(() -> text.set("</textarea><script>x</script>"));
            assertThat(live.patches()).containsExactly(new Patch.Text("1", "</textarea><script>x</script>"));
        }
    }

    // ---- attributes -------------------------------------------------------------------

    @Test
    void dynamicAttributeSendsItsNewValue() {
        try (LiveHarness live = live(() -> {
            value = Reactive.signal("first");
            return div(attr("title", () -> value.get()));
        })) {
            assertThat(live.body()).isEqualTo("<div data-ae=\"1\" title=\"first\"></div>");
            live.run(() -> value.set("second"));
            assertThat(live.patches()).containsExactly(new Patch.Attr("1", "title", "second"));
        }
    }

    @Test
    void nullRemovesADynamicAttribute() {
        try (LiveHarness live = live(() -> {
            value = Reactive.signal("first");
            return div(attr("title", () -> value.get()));
        })) {
            live.run(() -> value.set(null));
            assertThat(live.patches()).containsExactly(new Patch.Attr("1", "title", null));
            live.run(() -> value.set("back"));
            assertThat(live.patches()).containsExactly(new Patch.Attr("1", "title", "back"));
        }
    }

    @Test
    void falseRemovesABooleanAttributeAndTrueSetsItEmpty() {
        try (LiveHarness live = live(() -> {
            flag = Reactive.signal(false);
            return button(attr("disabled", () -> flag.get()), text("Save"));
        })) {
            assertThat(live.body()).isEqualTo("<button data-ae=\"1\">Save</button>");
            live.run(() -> flag.set(true));
            assertThat(live.patches()).containsExactly(new Patch.Attr("1", "disabled", ""));
            live.run(() -> flag.set(false));
            assertThat(live.patches()).containsExactly(new Patch.Attr("1", "disabled", null));
        }
    }

    @Test
    void falseAndNullAreTheSameAbsentAttribute() {
        try (LiveHarness live = live(() -> {
            value = Reactive.signal(false);
            return button(attr("disabled", () -> value.get()));
        })) {
            live.run(() -> value.set(null));
            assertThat(live.takeFrames()).isEmpty();
        }
    }

    @Test
    void urlAttributesAreSanitizedInPatchesExactlyAsInSsr() {
        List<String> urls = List.of(
                "javascript:alert(1)", "JaVaScRiPt:alert(1)", " \t java\nscript:alert(1)", "\u0001javascript:alert(1)",
                "java\tscript:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                "data:image/png;base64,iVBORw0KGgo=", "unknown:thing", "javascript&#58;alert(1)",
                "https://example.com/?a=1&b=<2>", "/relative/path?q=\"x\"", "mailto:ada@example.com", "#top");
        try (LiveHarness live = live(() -> {
            value = Reactive.signal("/start");
            return a(attr("href", () -> value.get()), text("link"));
        })) {
            for (String url : urls) {
                live.run(() -> value.set(url));
                String sent = live.onlyPatch(Patch.Attr.class).value();
                assertThat(sent).as(url).isEqualTo(UrlPolicy.sanitize("href", url));
                String ssr = Ssr.render(a(attr("href", url), text("link")));
                assertThat(ssr).as(url).contains("href=\"" + Escape.html(sent) + "\"");
            }
        }
    }

    @Test
    void javascriptUrlsInPatchesBecomeTheBlockedUrl() {
        try (LiveHarness live = live(() -> {
            value = Reactive.signal("/start");
            return a(attr("href", () -> value.get()), text("link"));
        })) {
            live.run(() -> value.set(" JAVASCRIPT:alert(document.cookie)"));
            assertThat(live.patches()).containsExactly(new Patch.Attr("1", "href", BLOCKED));
        }
    }

    @Test
    void dataImagesPassInSrcButNotInHref() {
        String png = "data:image/png;base64,iVBORw0KGgo=";
        try (LiveHarness live = live(() -> {
            value = Reactive.signal("/a.png");
            return div(img(attr("src", () -> value.get())), a(attr("href", () -> value.get())));
        })) {
            live.run(() -> value.set(png));
            assertThat(live.patches()).containsExactly(
                    new Patch.Attr("1", "src", png),
                    new Patch.Attr("2", "href", BLOCKED));
        }
    }

    @Test
    void aSrcsetWithOneUnsafeCandidateIsBlockedWhole() {
        try (LiveHarness live = live(() -> {
            value = Reactive.signal("/a.png 1x");
            return img(attr("srcset", () -> value.get()));
        })) {
            live.run(() -> value.set("/a.png 1x, javascript:alert(1) 2x"));
            assertThat(live.patches()).containsExactly(new Patch.Attr("1", "srcset", BLOCKED));
        }
    }

    @Test
    void nonUrlAttributesAreNotSanitizedAsUrls() {
        try (LiveHarness live = live(() -> {
            value = Reactive.signal("x");
            return div(attr("title", () -> value.get()));
        })) {
            live.run(() -> value.set("javascript:alert(1)"));
            assertThat(live.patches()).containsExactly(new Patch.Attr("1", "title", "javascript:alert(1)"));
        }
    }

    // ---- classes and styles -----------------------------------------------------------

    @Test
    void classIfSendsAToggleWithOneOrZero() {
        try (LiveHarness live = live(() -> {
            flag = Reactive.signal(false);
            return div(cls("card"), classIf("busy", () -> flag.get()));
        })) {
            assertThat(live.body()).isEqualTo("<div data-ae=\"1\" class=\"card\"></div>");
            live.run(() -> flag.set(true));
            assertThat(live.patches()).containsExactly(new Patch.ClassToggle("1", "busy", true));
            live.run(() -> flag.set(false));
            assertThat(live.patches()).containsExactly(new Patch.ClassToggle("1", "busy", false));
        }
    }

    @Test
    void classIfTreatsNullAsAbsent() {
        try (LiveHarness live = live(() -> {
            flag = Reactive.signal(false);
            return div(classIf("busy", () -> flag.get()));
        })) {
            live.run(() -> flag.set(null));
            assertThat(live.takeFrames()).isEmpty();
        }
    }

    @Test
    void dynamicStyleSendsItsNewValueAndNullRemovesIt() {
        try (LiveHarness live = live(() -> {
            text = Reactive.signal("red");
            return div(style("color", () -> text.get()));
        })) {
            assertThat(live.body()).isEqualTo("<div data-ae=\"1\" style=\"color:red\"></div>");
            live.run(() -> text.set("blue"));
            assertThat(live.patches()).containsExactly(new Patch.Style("1", "color", "blue"));
            live.run(() -> text.set(null));
            assertThat(live.patches()).containsExactly(new Patch.Style("1", "color", null));
        }
    }

    @Test
    void unsafeStyleValuesAreSentAsNull() {
        List<String> unsafe = List.of("red;background:url(x)", "url(javascript:alert(1))", "expression(alert(1))",
                "red}", "a<b", "/* x */ red", "U R L (x)", "\\75rl(x)", "-moz-binding:x", "behavior:url(x.htc)", "@import 'x'",
                "red\u0000");
        try (LiveHarness live = live(() -> {
            text = Reactive.signal("red");
            return div(style("color", () -> text.get()));
        })) {
            for (String v : unsafe) {
                live.run(() -> text.set("green"));
                live.patches();
                live.run(() -> text.set(v));
                assertThat(live.patches()).as(v).containsExactly(new Patch.Style("1", "color", null));
            }
        }
    }

    @Test
    void anUnsafeStyleValueAfterAnotherUnsafeOneSendsNothing() {
        try (LiveHarness live = live(() -> {
            text = Reactive.signal("red");
            return div(style("color", () -> text.get()));
        })) {
            live.run(() -> text.set("url(a)"));
            live.patches();
            live.run(() -> text.set("url(b)"));
            assertThat(live.takeFrames()).isEmpty();
        }
    }

    // ---- frames -----------------------------------------------------------------------

    @Test
    void twoChangesInOneEventAreSentAsOneFrame() {
        try (LiveHarness live = live(() -> {
            text = Reactive.signal("a");
            second = Reactive.signal("x");
            return div(button(on("click", () -> {
                text.set("b");
                second.set("y");
            })), p(text(() -> text.get())), p(text(() -> second.get())));
        })) {
            live.event("1", "click");
            List<String> frames = live.takeFrames();
            assertThat(frames).hasSize(1);
            assertThat(LiveHarness.patchesOf(frames)).containsExactly(new Patch.Text("2", "b"), new Patch.Text("3", "y"));
        }
    }

    @Test
    void aServerPushIsSentAsOneFrame() {
        try (LiveHarness live = live(() -> {
            text = Reactive.signal("a");
            second = Reactive.signal("x");
            flag = Reactive.signal(false);
            return div(classIf("on", () -> flag.get()), p(text(() -> text.get())), p(text(() -> second.get())));
        })) {
            live.run(() -> {
                text.set("b");
                second.set("y");
                flag.set(true);
            });
            List<String> frames = live.takeFrames();
            assertThat(frames).hasSize(1);
            assertThat(LiveHarness.patchesOf(frames))
                    .containsExactlyInAnyOrder(new Patch.ClassToggle("1", "on", true), new Patch.Text("2", "b"), new Patch.Text("3", "y"));
        }
    }

    @Test
    void framesAreNumberedFromOneAndCarryTheLastEventRun() {
        try (LiveHarness live = live(() -> {
            number = Reactive.signal(0);
            return button(on("click", () -> number.update(n -> n + 1)), text(() -> number.get()));
        })) {
            live.event("1", "click");
            live.run(() -> number.set(10));
            live.event("1", "click");
            assertThat(live.frames()).containsExactly(
                    frame(1, 1, new Patch.Text("2", "1")),
                    frame(2, 1, new Patch.Text("2", "10")),
                    frame(3, 2, new Patch.Text("2", "11")));
        }
    }

    @Test
    void onlyTheBindingsThatReadTheChangedSignalSendPatches() {
        try (LiveHarness live = live(() -> {
            text = Reactive.signal("a");
            second = Reactive.signal("x");
            return div(attr("title", () -> second.get()), p(text(() -> text.get())), p(text(() -> second.get() + "!")));
        })) {
            live.run(() -> text.set("b"));
            assertThat(live.patches()).containsExactly(new Patch.Text("2", "b"));
        }
    }

    // ---- the first render ---------------------------------------------------------------

    @Test
    void theLiveShellIsTheHtmlSsrRenders() {
        Supplier<Node> view = () -> {
            Signal<String> name = Reactive.signal("Ada <admin>");
            Signal<Boolean> on = Reactive.signal(true);
            Signal<List<String>> items = Reactive.signal(List.of("a", "b c"));
            return div(cls("card"), classIf("on", on::get), style("width", () -> "10px"),
                    h1(text("Hello, "), text(name::get)),
                    a(attr("href", () -> "javascript:x"), attr("title", name::get), text("go")),
                    show(on::get, () -> p(text(() -> "shown")), () -> p(text("hidden"))),
                    ul(each(items::get, s -> s, s -> li(text(() -> s)))),
                    textarea(text(name::get)),
                    button(on("click", () -> { }), text("x")));
        };
        String ssr = Ssr.render(view.get());
        try (LiveHarness live = live(view)) {
            assertThat(live.body()).isEqualTo(ssr);
        }
    }
}
