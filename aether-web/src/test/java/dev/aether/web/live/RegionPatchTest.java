package dev.aether.web.live;

import static dev.aether.web.live.Frames.*;
import static dev.aether.web.component.Components.component;
import static dev.aether.web.component.Components.dynamic;
import static dev.aether.web.component.Components.errorBoundary;
import static dev.aether.web.component.Components.match;
import static dev.aether.web.component.Components.show;
import static dev.aether.web.component.Components.switchOf;
import static dev.aether.web.component.Components.when;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.web.component.Component;
import dev.aether.web.component.Lifecycle;
import dev.aether.web.safety.Escape;
import dev.aether.web.testing.Inert;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Regions (show, when, switchOf, dynamic) in a live page: the content is rendered again only when
 * the chosen branch changes, sent as one escaped replace patch with fresh ids, and the old
 * branch's effects, handlers and components are gone.
 */
class RegionPatchTest {
    private static final Pattern DATA_AE = Pattern.compile("data-ae=\"([0-9.]+)\"");
    private static final Pattern OPEN_MARKER = Pattern.compile("<!--ae:([a-jl-z])([0-9.]+)-->");

    Signal<Boolean> on;
    Signal<Boolean> inner;
    Signal<Integer> number;
    Signal<String> other;
    Signal<String> user;
    Signal<Component<String>> chosen;

    /** Every id in {@code html}: elements' {@code data-ae} and regions' opening markers (rows share their list's id). */
    static List<String> ids(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = DATA_AE.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        m = OPEN_MARKER.matcher(html);
        while (m.find()) {
            ids.add(m.group(2));
        }
        return ids;
    }

    // ---- when a region renders again ------------------------------------------------------

    @Test
    void showReplacesItsContentWhenTheConditionFlips() {
        try (LiveHarness live = LiveHarness.render(() -> {
            on = Reactive.signal(true);
            return div(show(() -> on.get(), () -> p(text("yes")), () -> p(text("no"))));
        })) {
            assertThat(live.body()).isEqualTo("<div><!--ae:s1--><p>yes</p><!--/ae:s1--></div>");
            live.run(() -> on.set(false));
            assertThat(live.patches()).containsExactly(new Patch.Replace("s1", "<p>no</p>"));
            live.run(() -> on.set(true));
            assertThat(live.patches()).containsExactly(new Patch.Replace("s1", "<p>yes</p>"));
        }
    }

    @Test
    void showWithoutFallbackBecomesEmpty() {
        try (LiveHarness live = LiveHarness.render(() -> {
            on = Reactive.signal(true);
            return div(show(() -> on.get(), () -> p(text("yes"))));
        })) {
            live.run(() -> on.set(false));
            assertThat(live.patches()).containsExactly(new Patch.Replace("s1", ""));
        }
    }

    @Test
    void showDoesNotRenderAgainWhileTheConditionKeepsItsValue() {
        AtomicInteger renders = new AtomicInteger();
        try (LiveHarness live = LiveHarness.render(() -> {
            number = Reactive.signal(1);
            return show(() -> number.get() > 0, () -> {
                renders.incrementAndGet();
                return p(text("positive"));
            });
        })) {
            live.run(() -> number.set(2));
            live.run(() -> number.set(3));
            assertThat(live.takeFrames()).isEmpty();
            assertThat(renders).hasValue(1);
        }
    }

    @Test
    void readsMadeWhileTheContentRendersAreNotTrackedByTheRegion() {
        AtomicInteger renders = new AtomicInteger();
        try (LiveHarness live = LiveHarness.render(() -> {
            on = Reactive.signal(true);
            other = Reactive.signal("a");
            return show(() -> on.get(), () -> {
                renders.incrementAndGet();
                return p(text("other was " + other.get()));   // read in the body: not a dependency
            });
        })) {
            live.run(() -> other.set("b"));
            assertThat(live.takeFrames()).isEmpty();
            assertThat(renders).hasValue(1);
        }
    }

    @Test
    void dynamicPartsInsideARegionPatchThemselvesWithoutReplacingIt() {
        try (LiveHarness live = LiveHarness.render(() -> {
            on = Reactive.signal(true);
            other = Reactive.signal("a");
            return show(() -> on.get(), () -> p(text(() -> other.get())));
        })) {
            assertThat(live.body()).isEqualTo("<!--ae:s1--><p><!--ae:t2-->a<!--/ae:t2--></p><!--/ae:s1-->");
            live.run(() -> other.set("b"));
            assertThat(live.patches()).containsExactly(new Patch.Text("2", "b"));
        }
    }

    @Test
    void whenRendersAgainWhenItsValueChanges() {
        try (LiveHarness live = LiveHarness.render(() -> {
            user = Reactive.signal("ada");
            return when(() -> user.get(), u -> p(text("hi " + u)), () -> p(text("anonymous")));
        })) {
            assertThat(live.body()).isEqualTo("<!--ae:s1--><p>hi ada</p><!--/ae:s1-->");
            live.run(() -> user.set("bob"));
            assertThat(live.patches()).containsExactly(new Patch.Replace("s1", "<p>hi bob</p>"));
            live.run(() -> user.set(null));
            assertThat(live.patches()).containsExactly(new Patch.Replace("s1", "<p>anonymous</p>"));
        }
    }

    @Test
    void whenDoesNotRenderAgainForAnEqualValue() {
        try (LiveHarness live = LiveHarness.render(() -> {
            user = Reactive.signal("ada");
            return when(() -> user.get().strip(), u -> p(text("hi " + u)), () -> p(text("anonymous")));
        })) {
            live.run(() -> user.set("  ada "));
            assertThat(live.takeFrames()).isEmpty();
        }
    }

    @Test
    void switchOfReplacesOnlyWhenTheMatchingBranchChanges() {
        try (LiveHarness live = LiveHarness.render(() -> {
            number = Reactive.signal(1);
            return switchOf(() -> p(text("large")),
                    match(() -> number.get() < 10, () -> p(text("small"))),
                    match(() -> number.get() < 100, () -> p(text("medium"))));
        })) {
            assertThat(live.body()).isEqualTo("<!--ae:w1--><p>small</p><!--/ae:w1-->");
            live.run(() -> number.set(2));
            assertThat(live.takeFrames()).isEmpty();
            live.run(() -> number.set(50));
            assertThat(live.patches()).containsExactly(new Patch.Replace("w1", "<p>medium</p>"));
            live.run(() -> number.set(60));
            assertThat(live.takeFrames()).isEmpty();
            live.run(() -> number.set(500));
            assertThat(live.patches()).containsExactly(new Patch.Replace("w1", "<p>large</p>"));
        }
    }

    @Test
    void dynamicReplacesWhenTheComponentChanges() {
        Component<String> a = name -> p(text("A " + name));
        Component<String> b = name -> em(text("B " + name));
        try (LiveHarness live = LiveHarness.render(() -> {
            chosen = Reactive.signal(a);
            return dynamic(() -> chosen.get(), "x");
        })) {
            assertThat(live.body()).isEqualTo("<!--ae:d1--><p>A x</p><!--/ae:d1-->");
            live.run(() -> chosen.set(b));
            assertThat(live.patches()).containsExactly(new Patch.Replace("d1", "<em>B x</em>"));
            live.run(() -> chosen.set(null));
            assertThat(live.patches()).containsExactly(new Patch.Replace("d1", ""));
        }
    }

    // ---- what a replacement contains ---------------------------------------------------------

    @Test
    void replacementHtmlIsEscaped() {
        String payload = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>&amp;<!--";
        try (LiveHarness live = LiveHarness.render(() -> {
            on = Reactive.signal(false);
            other = Reactive.signal(payload);
            return div(show(() -> on.get(), () -> p(attr("title", payload), attr("href", () -> "javascript:alert(1)"),
                    text(payload), text(() -> other.get())), () -> p(text("off"))));
        })) {
            live.run(() -> on.set(true));
            String html = live.onlyPatch(Patch.Replace.class).html();
            assertThat(html).contains(Escape.html(payload)).doesNotContain("<script", "<img", "javascript:");
            Inert.assertInert(html);
        }
    }

    @Test
    void idsInAReplacementNeverCollideWithTheIdsAlreadyInThePage() {
        try (LiveHarness live = LiveHarness.render(() -> {
            on = Reactive.signal(true);
            other = Reactive.signal("a");
            return div(button(on("click", () -> { }), text(() -> other.get())),
                    show(() -> on.get(),
                            () -> div(button(on("click", () -> { }), text(() -> other.get())), show(() -> true, () -> p(text(() -> other.get())))),
                            () -> span(attr("title", () -> other.get()), text(() -> other.get()))),
                    p(classIf("x", () -> on.get()), text(() -> other.get())));
        })) {
            List<String> all = new ArrayList<>(ids(live.body()));
            for (int i = 0; i < 6; i++) {
                boolean next = i % 2 == 0;
                live.run(() -> on.set(!next));
                for (Patch p : live.patches()) {
                    if (p instanceof Patch.Replace r) {
                        List<String> fresh = ids(r.html());
                        assertThat(fresh).isNotEmpty();
                        all.addAll(fresh);
                    }
                }
            }
            assertThat(all).doesNotHaveDuplicates();
        }
    }

    // ---- what goes with the old branch ----------------------------------------------------

    @Test
    void theOldBranchsBindingsStopSendingPatches() {
        try (LiveHarness live = LiveHarness.render(() -> {
            on = Reactive.signal(true);
            other = Reactive.signal("a");
            return show(() -> on.get(), () -> p(text(() -> other.get()), attr("title", () -> other.get())), () -> p(text("off")));
        })) {
            live.run(() -> on.set(false));
            live.patches();
            live.run(() -> other.set("b"));
            assertThat(live.takeFrames()).isEmpty();
        }
    }

    @Test
    void anEventForAnElementOfTheOldBranchIsRejectedAndRunsNothing() {
        AtomicInteger clicks = new AtomicInteger();
        try (LiveHarness live = LiveHarness.render(() -> {
            on = Reactive.signal(true);
            return show(() -> on.get(), () -> button(on("click", clicks::incrementAndGet), text("go")), () -> p(text("off")));
        })) {
            assertThat(live.body()).contains("<button data-ae=\"2\" data-ae-on=\"click\">");
            assertThat(live.session.handlerCount()).isEqualTo(1);
            live.run(() -> on.set(false));
            live.patches();
            assertThat(live.session.handlerCount()).isZero();
            live.event("2", "click");
            assertThat(live.onlyPatch(Patch.Rejected.class).event()).isEqualTo(1);
            assertThat(clicks).hasValue(0);
        }
    }

    @Test
    void theNewBranchsHandlersRun() {
        AtomicInteger clicks = new AtomicInteger();
        try (LiveHarness live = LiveHarness.render(() -> {
            on = Reactive.signal(false);
            return show(() -> on.get(), () -> button(on("click", clicks::incrementAndGet), text("go")), () -> p(text("off")));
        })) {
            live.run(() -> on.set(true));
            String html = live.onlyPatch(Patch.Replace.class).html();
            Matcher m = DATA_AE.matcher(html);
            assertThat(m.find()).isTrue();
            live.event(m.group(1), "click");
            assertThat(clicks).hasValue(1);
        }
    }

    @Test
    void theOldBranchsComponentsAreCleanedUpOnce() {
        AtomicInteger cleanups = new AtomicInteger();
        try (LiveHarness live = LiveHarness.render(() -> {
            on = Reactive.signal(true);
            return show(() -> on.get(), () -> component(() -> {
                Lifecycle.onCleanup(cleanups::incrementAndGet);
                return p(text("in"));
            }), () -> p(text("off")));
        })) {
            assertThat(cleanups).hasValue(0);
            live.run(() -> on.set(false));
            assertThat(cleanups).hasValue(1);
            live.run(() -> on.set(true));
            live.run(() -> on.set(false));
            assertThat(cleanups).hasValue(2);
        }
    }

    // ---- nesting ----------------------------------------------------------------------

    @Test
    void anInnerRegionIsReplacedAloneWhenOnlyItsConditionChanges() {
        try (LiveHarness live = LiveHarness.render(() -> {
            on = Reactive.signal(true);
            inner = Reactive.signal(true);
            return show(() -> on.get(), () -> div(show(() -> inner.get(), () -> p(text("in")), () -> p(text("out")))));
        })) {
            assertThat(live.body()).isEqualTo("<!--ae:s1--><div><!--ae:s2--><p>in</p><!--/ae:s2--></div><!--/ae:s1-->");
            live.run(() -> inner.set(false));
            assertThat(live.patches()).containsExactly(new Patch.Replace("s2", "<p>out</p>"));
        }
    }

    @Test
    void replacingAnOuterRegionDisposesTheInnerOneAndBindsTheNewInnerOne() {
        try (LiveHarness live = LiveHarness.render(() -> {
            on = Reactive.signal(true);
            inner = Reactive.signal(true);
            return show(() -> on.get(), () -> div(show(() -> inner.get(), () -> p(text("in")), () -> p(text("out")))));
        })) {
            live.run(() -> on.set(false));
            assertThat(live.patches()).containsExactly(new Patch.Replace("s1", ""));
            live.run(() -> inner.set(false));
            assertThat(live.takeFrames()).isEmpty();           // the old inner region is gone

            live.run(() -> on.set(true));
            String html = live.onlyPatch(Patch.Replace.class).html();
            Matcher m = OPEN_MARKER.matcher(html);
            assertThat(m.find()).isTrue();
            String innerRegion = m.group(1) + m.group(2);
            assertThat(innerRegion).isNotEqualTo("s2");
            assertThat(html).isEqualTo("<div><!--ae:" + innerRegion + "--><p>out</p><!--/ae:" + innerRegion + "--></div>");

            live.run(() -> inner.set(true));
            assertThat(live.patches()).containsExactly(new Patch.Replace(innerRegion, "<p>in</p>"));
        }
    }

    @Test
    void anOuterAndInnerChangeInOneTaskEndWithTheOuterReplacementInOneFrame() {
        for (boolean innerFirst : new boolean[] {true, false}) {
            try (LiveHarness live = LiveHarness.render(() -> {
                on = Reactive.signal(true);
                inner = Reactive.signal(true);
                return show(() -> on.get(), () -> div(show(() -> inner.get(), () -> p(text("in")), () -> p(text("out")))),
                        () -> p(text("off")));
            })) {
                live.run(() -> dev.aether.reactive.Reactive.batch(() -> {
                    if (innerFirst) {
                        inner.set(false);
                        on.set(false);
                    } else {
                        on.set(false);
                        inner.set(false);
                    }
                }));
                List<String> frames = live.takeFrames();
                assertThat(frames).hasSize(1);
                List<Patch> patches = LiveHarness.patchesOf(frames);
                assertThat(patches).as("inner first: %s", innerFirst).last().isEqualTo(new Patch.Replace("s1", "<p>off</p>"));
            }
        }
    }

    // ---- error boundaries ----------------------------------------------------------------

    @Test
    void anErrorBoundaryRetriedFromAClickRendersItsChildrenAgain() {
        AtomicInteger attempts = new AtomicInteger();
        try (LiveHarness live = LiveHarness.render(() -> errorBoundary(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("down");
            }
            return p(text("up"));
        }, (error, retry) -> button(on("click", retry), text("Retry")))) ) {
            assertThat(live.body()).isEqualTo("<!--ae:b1--><button data-ae=\"2\" data-ae-on=\"click\">Retry</button><!--/ae:b1-->");
            live.event("2", "click");
            assertThat(attempts).hasValue(2);
            assertThat(live.patches()).containsExactly(new Patch.Replace("b1", "<p>up</p>"));
        }
    }

    @Test
    void anErrorThrownLaterByAChildsEffectShowsTheFallback() {
        try (LiveHarness live = LiveHarness.render(() -> {
            on = Reactive.signal(false);
            return errorBoundary(() -> p(text(() -> {
                if (on.get()) {
                    throw new IllegalStateException("boom");
                }
                return "fine";
            })), (error, retry) -> p(text("failed: " + error.getMessage())));
        })) {
            assertThat(live.body()).isEqualTo("<!--ae:b1--><p><!--ae:t2-->fine<!--/ae:t2--></p><!--/ae:b1-->");
            live.run(() -> on.set(true));
            assertThat(live.patches()).containsExactly(new Patch.Replace("b1", "<p>failed: boom</p>"));
        }
    }

    @Test
    void aBranchThatThrowsWhileRenderingLaterShowsTheNearestErrorBoundarysFallback() {
        try (LiveHarness live = LiveHarness.render(() -> {
            on = Reactive.signal(false);
            return errorBoundary(() -> div(show(() -> on.get(), () -> component(() -> {
                throw new IllegalStateException("branch failed");
            }), () -> p(text("off")))), (error, retry) -> p(text("fallback: " + error.getMessage())));
        })) {
            live.run(() -> on.set(true));
            List<Patch> patches = live.patches();
            assertThat(patches).isNotEmpty();
            assertThat(patches).last().isEqualTo(new Patch.Replace("b1", "<p>fallback: branch failed</p>"));
        }
    }

    @Test
    void theOldBranchIsCleanedUpBeforeTheNewOneRenders() {
        List<String> log = new ArrayList<>();
        try (LiveHarness live = LiveHarness.render(() -> {
            on = Reactive.signal(true);
            return show(() -> on.get(), () -> component(() -> {
                log.add("render A");
                Lifecycle.onCleanup(() -> log.add("cleanup A"));
                return p(text("A"));
            }), () -> component(() -> {
                log.add("render B");
                return p(text("B"));
            }));
        })) {
            live.run(() -> on.set(false));
            assertThat(log).containsExactly("render A", "cleanup A", "render B");
        }
    }

    @Test
    void regionIdsAreUniqueAcrossManyReplacements() {
        Set<String> regionsSeen = new HashSet<>();
        try (LiveHarness live = LiveHarness.render(() -> {
            number = Reactive.signal(0);
            return show(() -> number.get() % 2 == 0, () -> div(show(() -> true, () -> text("even"))), () -> div(show(() -> true, () -> text("odd"))));
        })) {
            regionsSeen.addAll(ids(live.body()));
            for (int i = 1; i <= 20; i++) {
                int n = i;
                live.run(() -> number.set(n));
                String html = ((Patch.Replace) live.patches().get(0)).html();
                for (String id : ids(html)) {
                    assertThat(regionsSeen.add(id)).as("id %s reused", id).isTrue();
                }
            }
        }
    }
}
