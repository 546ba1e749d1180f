package dev.aether.web.live;

import static dev.aether.web.live.Frames.*;
import static dev.aether.web.component.Components.component;
import static dev.aether.web.component.Components.show;
import static dev.aether.web.component.Components.suspense;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Resource;
import dev.aether.reactive.Signal;
import dev.aether.web.Page;
import dev.aether.web.component.Suspense;
import dev.aether.web.html.Node;
import dev.aether.web.ssr.ChunkStream;
import dev.aether.web.Page;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Suspense boundaries of a live page: while the page's response is open a resolved boundary
 * becomes a streamed chunk; after it, a region patch.
 */
class LiveSuspenseTest {
    final CompletableFuture<String> data = new CompletableFuture<>();
    Signal<Boolean> on;

    private Supplier<Node> profile() {
        return () -> component(() -> {
            Resource<String> user = Reactive.resource(() -> data);
            return div(suspense(() -> p(text("Loading")), () -> p(text(() -> Suspense.read(user)))));
        });
    }

    @Test
    void theShellCarriesTheFallbackBetweenTheBoundarysMarkers() {
        try (LiveHarness live = LiveHarness.render(profile())) {
            assertThat(live.body()).isEqualTo("<div><!--ae:u1--><p>Loading</p><!--/ae:u1--></div>");
        }
    }

    @Test
    void aBoundaryThatResolvesAfterTheResponseEndedArrivesAsAReplacePatch() {
        try (LiveHarness live = LiveHarness.render(profile())) {
            data.complete("Ada");
            live.settle();
            List<Patch> patches = live.patches();
            assertThat(patches).singleElement().isInstanceOfSatisfying(Patch.Replace.class, r -> {
                assertThat(r.region()).isEqualTo("u1");
                assertThat(r.html()).matches("<p><!--ae:t([0-9]+)-->Ada<!--/ae:t\\1--></p>");
            });
        }
    }

    @Test
    void aBoundaryThatResolvesWhileTheResponseStreamsBecomesAChunk() throws Exception {
        LiveSessions sessions = new LiveSessions(Duration.ofSeconds(30), 16);
        try {
            LiveSession session = sessions.create();
            String shell = session.context().call(() -> session.renderShell(Page.of("t", profile()), "", null));
            assertThat(shell).endsWith("<div><!--ae:u1--><p>Loading</p><!--/ae:u1--></div>");
            ChunkStream chunks = session.chunks();
            assertThat(chunks.openBoundaries()).isEqualTo(1);
            data.complete("Ada");
            StringBuilder streamed = new StringBuilder();
            chunks.writeUntilResolved(streamed, Duration.ofSeconds(5), chunks::awaitChunk);
            assertThat(streamed.toString()).startsWith("<script>function $ae(")   // the swap script, once, before the first chunk
                    .contains("}</script><template data-ae-chunk=\"1\"><p><!--ae:t")
                    .contains("-->Ada<!--/ae:t").endsWith("--></p></template><script>$ae(\"1\")</script>");
            assertThat(chunks.openBoundaries()).isZero();
            assertThat(chunks.end()).isEmpty();
        } finally {
            sessions.endAll();
        }
    }

    @Test
    void theBoundarysContentIsLiveOnceResolved() {
        try (LiveHarness live = LiveHarness.render(() -> component(() -> {
            on = Reactive.signal(false);
            Resource<String> user = Reactive.resource(() -> data);
            return suspense(() -> p(text("Loading")), () -> p(classIf("on", () -> on.get()), text(() -> Suspense.read(user))));
        }))) {
            data.complete("Ada");
            live.settle();
            assertThat(live.patches()).hasSize(1);
            live.run(() -> on.set(true));
            assertThat(live.patches()).singleElement().isInstanceOf(Patch.ClassToggle.class);
        }
    }

    @Test
    void aBoundaryRemovedWhileThePageStreamsNoLongerHoldsTheResponseOpen() {
        LiveSessions sessions = new LiveSessions(Duration.ofSeconds(30), 16);
        try {
            LiveSession session = sessions.create();
            session.context().call(() -> session.renderShell(Page.of("t", () -> component(() -> {
                on = Reactive.signal(true);
                Resource<String> user = Reactive.resource(() -> data);
                return show(() -> on.get(), () -> suspense(() -> p(text("Loading")), () -> p(text(() -> Suspense.read(user)))));
            })), "", null));
            ChunkStream chunks = session.chunks();
            assertThat(chunks.openBoundaries()).isEqualTo(1);
            session.context().run(() -> on.set(false));     // e.g. another resource resolved and hid the region
            assertThat(chunks.openBoundaries()).isZero();
            data.complete("late");
            session.context().call(() -> null);
            assertThat(chunks.openBoundaries()).isZero();
            List<String> rest = chunks.end();
            assertThat(String.join("", rest)).as("nothing left to stream").isEmpty();
        } finally {
            sessions.endAll();
        }
    }
}
