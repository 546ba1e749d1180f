package dev.aether.web.live;

import static dev.aether.web.live.Frames.*;
import static dev.aether.web.component.Components.component;
import static dev.aether.web.component.Components.each;
import static dev.aether.web.component.Components.show;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.web.Page;
import dev.aether.web.component.Lifecycle;
import dev.aether.web.html.Node;
import dev.aether.web.protocol.LiveProtocol;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * How long a session lives (while attached, and for the grace period after its connection went)
 * and when components' onMount and onCleanup run in a live page.
 */
class SessionLifecycleTest {
    private static final Duration GRACE = Duration.ofMillis(200);
    /** For tests that reconnect within the grace period: long enough for a loaded machine. */
    private static final Duration LONGER_GRACE = Duration.ofMillis(600);

    Signal<Boolean> on;
    Signal<Integer> count;
    Signal<List<Integer>> keys;

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static LiveHarness live(Supplier<? extends Node> body) {
        return LiveHarness.render(body, GRACE, 512);
    }

    /** A component that counts its cleanups. */
    private static Node counted(AtomicInteger cleanups) {
        return component(() -> {
            Lifecycle.onCleanup(cleanups::incrementAndGet);
            return p(text("counted"));
        });
    }

    // ---- the grace period ----------------------------------------------------------------------

    @Test
    void aSessionWithoutAConnectionEndsAfterTheGracePeriodAndFreesEverything() {
        AtomicInteger cleanups = new AtomicInteger();
        try (LiveHarness live = live(() -> div(counted(cleanups), counted(cleanups)))) {
            assertThat(live.sessions.count()).isEqualTo(1);
            live.detach(live.connection);
            await("the session ended", () -> live.sessions.count() == 0);
            await("its context closed", () -> live.session.context().isClosed());
            assertThat(live.sessions.get(live.session.token())).isNull();
            assertThat(cleanups).hasValue(2);
        }
    }

    @Test
    void aSessionNeverAttachedEndsAfterTheGracePeriod() {
        AtomicInteger cleanups = new AtomicInteger();
        LiveSessions sessions = new LiveSessions(GRACE, 16);
        try {
            LiveSession session = sessions.create();
            session.context().call(() -> session.renderShell(Page.of("t", () -> counted(cleanups)), "", null));
            sessions.scheduleExpiry(session);   // what the page handler does once the page is delivered
            assertThat(sessions.count()).isEqualTo(1);
            await("the session ended", () -> sessions.count() == 0);
            await("its context closed", () -> session.context().isClosed());
            assertThat(cleanups).hasValue(1);
        } finally {
            sessions.endAll();
        }
    }

    @Test
    void aSessionReattachedWithinTheGracePeriodIsKeptAndKeepsWorking() {
        AtomicInteger cleanups = new AtomicInteger();
        try (LiveHarness live = LiveHarness.render(() -> {
            count = Reactive.signal(0);
            return div(counted(cleanups), p(text(() -> count.get())));
        }, LONGER_GRACE, 512)) {
            live.detach(live.connection);
            LiveHarness.Recorder again = new LiveHarness.Recorder();
            assertThat(live.attach(again, 0)).isTrue();
            sleep(LONGER_GRACE.toMillis() * 2);
            assertThat(live.sessions.count()).isEqualTo(1);
            assertThat(live.session.context().isClosed()).isFalse();
            assertThat(cleanups).hasValue(0);
            again.frames.clear();
            live.run(() -> count.set(1));
            assertThat(again.frames).hasSize(1);
        }
    }

    @Test
    void anAttachedSessionOutlivesTheGracePeriod() {
        try (LiveHarness live = live(() -> p(text("x")))) {
            sleep(GRACE.toMillis() * 2);
            assertThat(live.sessions.count()).isEqualTo(1);
        }
    }

    @Test
    void aSecondDropStartsTheGracePeriodAgain() {
        try (LiveHarness live = LiveHarness.render(() -> p(text("x")), LONGER_GRACE, 512)) {
            live.detach(live.connection);
            LiveHarness.Recorder again = new LiveHarness.Recorder();
            live.attach(again, 0);
            sleep(LONGER_GRACE.toMillis() * 2);
            live.detach(again);
            await("the session ended", () -> live.sessions.count() == 0);
        }
    }

    @Test
    void endingASessionClosesItsConnectionWithTheCodeGiven() {
        try (LiveHarness live = live(() -> p(text("x")))) {
            live.sessions.end(live.session, LiveProtocol.Close.SESSION_GONE, "Session expired");
            await("the connection closed", () -> live.connection.closeCode == 4404);
            assertThat(live.connection.closeReason).isEqualTo("Session expired");
            assertThat(live.sessions.count()).isZero();
            await("its context closed", () -> live.session.context().isClosed());
        }
    }

    @Test
    void endingEverySessionTellsConnectionsTheServerIsGoingAway() {
        try (LiveHarness live = live(() -> p(text("x")))) {
            live.sessions.endAll();
            await("the connection closed", () -> live.connection.closeCode == LiveProtocol.Close.GOING_AWAY);
            assertThat(live.sessions.count()).isZero();
        }
    }

    // ---- onMount -----------------------------------------------------------------------------

    @Test
    void onMountRunsOnlyOnceABrowserIsAttached() {
        AtomicInteger mounts = new AtomicInteger();
        LiveSessions sessions = new LiveSessions(Duration.ofSeconds(30), 16);
        try {
            LiveSession session = sessions.create();
            session.context().call(() -> session.renderShell(Page.of("t", () -> component(() -> {
                Lifecycle.onMount(() -> {
                    mounts.incrementAndGet();
                    return null;
                });
                return p(text("x"));
            })), "", null));
            session.chunks().end();
            session.context().call(() -> null);
            assertThat(mounts).hasValue(0);
            LiveHarness.Recorder browser = new LiveHarness.Recorder();
            assertThat(session.context().call(() -> session.attach(browser, 0))).isTrue();
            assertThat(mounts).hasValue(1);
            assertThat(Frames.parseAll(browser.frames)).containsExactly(resume(0));
            session.context().call(() -> session.attach(new LiveHarness.Recorder(), 0));
            assertThat(mounts).as("a reconnect does not mount again").hasValue(1);
        } finally {
            sessions.endAll();
        }
    }

    @Test
    void onMountOfABranchShownLaterRunsAfterItsHtmlWasSent() {
        AtomicReference<LiveHarness> harness = new AtomicReference<>();
        AtomicReference<List<String>> sentBeforeMount = new AtomicReference<>();
        try (LiveHarness live = LiveHarness.render(() -> {
            on = Reactive.signal(false);
            return show(() -> on.get(), () -> component(() -> {
                Lifecycle.onMount(() -> {
                    sentBeforeMount.set(List.copyOf(harness.get().connection.frames));
                    return null;
                });
                return p(text("shown"));
            }));
        })) {
            harness.set(live);
            live.run(() -> on.set(true));
            assertThat(sentBeforeMount.get()).isNotNull();
            assertThat(LiveHarness.patchesOf(sentBeforeMount.get())).containsExactly(new Patch.Replace("s1", "<p>shown</p>"));
        }
    }

    @Test
    void theCleanupOnMountReturnedRunsWhenItsRegionGoes() {
        List<String> log = new CopyOnWriteArrayList<>();
        try (LiveHarness live = LiveHarness.render(() -> {
            on = Reactive.signal(true);
            return show(() -> on.get(), () -> component(() -> {
                Lifecycle.onMount(() -> {
                    log.add("mount");
                    return () -> log.add("unmount");
                });
                return p(text("shown"));
            }));
        })) {
            assertThat(log).containsExactly("mount");
            live.run(() -> on.set(false));
            assertThat(log).containsExactly("mount", "unmount");
            live.run(() -> on.set(true));
            assertThat(log).containsExactly("mount", "unmount", "mount");
        }
    }

    @Test
    void onMountOfABranchShownWhileDisconnectedWaitsForTheReconnect() {
        AtomicInteger mounts = new AtomicInteger();
        try (LiveHarness live = LiveHarness.render(() -> {
            on = Reactive.signal(false);
            return show(() -> on.get(), () -> component(() -> {
                Lifecycle.onMount(() -> {
                    mounts.incrementAndGet();
                    return null;
                });
                return p(text("shown"));
            }));
        })) {
            live.detach(live.connection);
            live.run(() -> on.set(true));
            assertThat(mounts).hasValue(0);
            LiveHarness.Recorder again = new LiveHarness.Recorder();
            live.attach(again, 0);
            assertThat(mounts).hasValue(1);
            assertThat(LiveHarness.patchesOf(again.frames)).containsExactly(new Patch.Replace("s1", "<p>shown</p>"));
        }
    }

    @Test
    void aBranchShownAndHiddenBeforeItsHtmlWasSentNeverMounts() {
        AtomicInteger mounts = new AtomicInteger();
        AtomicInteger unmounts = new AtomicInteger();
        try (LiveHarness live = LiveHarness.render(() -> {
            on = Reactive.signal(false);
            return show(() -> on.get(), () -> component(() -> {
                Lifecycle.onMount(() -> {
                    mounts.incrementAndGet();
                    return unmounts::incrementAndGet;
                });
                return p(text("shown"));
            }));
        })) {
            live.run(() -> {
                on.set(true);
                on.set(false);
            });
            assertThat(mounts).hasValue(0);
            assertThat(unmounts).hasValue(0);
        }
    }

    @Test
    void aRowInsertedLaterMountsAndARemovedRowsMountCleanupRuns() {
        List<String> log = new CopyOnWriteArrayList<>();
        try (LiveHarness live = LiveHarness.render(() -> {
            keys = Reactive.signal(List.of(1));
            return ul(each(() -> keys.get(), k -> k, k -> component(() -> {
                Lifecycle.onMount(() -> {
                    log.add("mount " + k);
                    return () -> log.add("unmount " + k);
                });
                return li(text(String.valueOf(k)));
            })));
        })) {
            assertThat(log).containsExactly("mount 1");
            live.run(() -> keys.set(List.of(2, 1)));
            assertThat(log).containsExactly("mount 1", "mount 2");
            live.run(() -> keys.set(List.of(1, 2)));       // a move is not a remount
            assertThat(log).containsExactly("mount 1", "mount 2");
            live.run(() -> keys.set(List.of(2)));
            assertThat(log).containsExactly("mount 1", "mount 2", "unmount 1");
        }
    }

    @Test
    void mountedCleanupsAndOnCleanupsRunWhenTheSessionEnds() {
        List<String> log = new CopyOnWriteArrayList<>();
        try (LiveHarness live = live(() -> component(() -> {
            Lifecycle.onMount(() -> () -> log.add("unmount"));
            Lifecycle.onCleanup(() -> log.add("cleanup"));
            return p(text("x"));
        }))) {
            assertThat(log).isEmpty();
            live.sessions.end(live.session, LiveProtocol.Close.SESSION_GONE, "bye");
            await("the session ended", () -> live.session.context().isClosed());
            assertThat(log).containsExactlyInAnyOrder("unmount", "cleanup");
        }
    }
}
