package dev.aether.web.ssr;

import static dev.aether.reactive.Reactive.resource;
import static dev.aether.web.component.Components.*;
import static dev.aether.web.html.Html.*;
import static dev.aether.web.testing.Inert.assertInert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.reactive.ReactiveContext;
import dev.aether.reactive.ReactiveException;
import dev.aether.reactive.Resource;
import dev.aether.web.Page;
import dev.aether.web.component.Component;
import dev.aether.web.component.Lazy;
import dev.aether.web.component.Lifecycle;
import dev.aether.web.component.SuspendedException;
import dev.aether.web.component.Suspense;
import dev.aether.web.html.Node;
import java.io.ByteArrayOutputStream;
import java.io.Flushable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class StreamingTest {
    /** Records what had been written at each flush, and runs the next step (a later resolution) after it. */
    static final class Recorder implements Appendable, Flushable {
        final StringBuilder out = new StringBuilder();
        final List<String> flushes = new ArrayList<>();
        final List<Runnable> afterFlush = new ArrayList<>();

        @Override
        public Appendable append(CharSequence s) {
            out.append(s);
            return this;
        }

        @Override
        public Appendable append(CharSequence s, int start, int end) {
            out.append(s, start, end);
            return this;
        }

        @Override
        public Appendable append(char c) {
            out.append(c);
            return this;
        }

        @Override
        public void flush() {
            if (!flushes.isEmpty() && flushes.get(flushes.size() - 1).equals(out.toString())) {
                return; // nothing new
            }
            flushes.add(out.toString());
            if (!afterFlush.isEmpty()) {
                afterFlush.remove(0).run();
            }
        }
    }

    /** Completes {@code future} from another thread: the result is posted back to the render's context. */
    static <T> Runnable completeLater(CompletableFuture<T> future, T value) {
        return () -> Thread.ofPlatform().start(() -> future.complete(value));
    }

    static Node userBox(Resource<String> user) {
        return suspense(() -> p(text("Loading…")), () -> p(text(() -> Suspense.read(user))));
    }

    @Test
    void shellIsFlushedWithTheFallbackBeforeTheResourceResolves() {
        CompletableFuture<String> fetch = new CompletableFuture<>();
        Recorder out = new Recorder();
        out.afterFlush.add(completeLater(fetch, "Ada"));
        Ssr.stream(component(() -> {
            Resource<String> user = resource(() -> fetch);
            return div(userBox(user));
        }), out);
        assertThat(out.flushes.get(0)).isEqualTo("<div><!--ae:u1--><p>Loading…</p><!--/ae:u1--></div>");
        assertThat(out.out.toString()).isEqualTo(out.flushes.get(0) + Ssr.SWAP_SCRIPT
                + "<template data-ae-chunk=\"1\"><p><!--ae:t1.1-->Ada<!--/ae:t1.1--></p></template><script>$ae(\"1\")</script>");
    }

    @Test
    void readyResourceRendersInlineWithoutAChunk() {
        String html = Ssr.render(component(() -> {
            Resource<String> user = resource(() -> CompletableFuture.completedFuture("Ada"));
            return userBox(user);
        }));
        assertThat(html).isEqualTo("<!--ae:u1--><p><!--ae:t2-->Ada<!--/ae:t2--></p><!--/ae:u1-->");
    }

    @Test
    void boundariesStreamInTheOrderTheirResourcesResolve() {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        Recorder out = new Recorder();
        out.afterFlush.add(completeLater(second, "B"));   // after the shell: the second boundary resolves first
        out.afterFlush.add(completeLater(first, "A"));    // after its chunk: the first one
        Ssr.stream(component(() -> {
            Resource<String> a = resource(() -> first);
            Resource<String> b = resource(() -> second);
            return div(userBox(a), userBox(b));
        }), out);
        String html = out.out.toString();
        assertThat(html.indexOf("data-ae-chunk=\"2\"")).isPositive().isLessThan(html.indexOf("data-ae-chunk=\"1\""));
        assertThat(html).contains("<template data-ae-chunk=\"2\"><p><!--ae:t2.1-->B<!--/ae:t2.1--></p></template>")
                .contains("<template data-ae-chunk=\"1\"><p><!--ae:t1.1-->A<!--/ae:t1.1--></p></template>");
        assertThat(html.split("function \\$ae", -1)).hasSize(2); // the swap script is sent once
        assertInert(html.replace(Ssr.SWAP_SCRIPT, "").replaceAll("<script>\\$ae\\(\"[0-9.]+\"\\)</script>", ""));
    }

    @Test
    void nestedBoundaryInsideAResolvedChunkStreamsLater() {
        CompletableFuture<String> outer = new CompletableFuture<>();
        CompletableFuture<String> inner = new CompletableFuture<>();
        Recorder out = new Recorder();
        out.afterFlush.add(completeLater(outer, "O"));
        out.afterFlush.add(completeLater(inner, "I"));
        Ssr.stream(component(() -> {
            Resource<String> o = resource(() -> outer);
            Resource<String> i = resource(() -> inner);
            return suspense(() -> text("…"), () -> div(text(Suspense.read(o)), userBox(i)));
        }), out);
        assertThat(out.out.toString())
                .contains("<template data-ae-chunk=\"1\"><div>O<!--ae:u1.1--><p>Loading…</p><!--/ae:u1.1--></div></template>")
                .contains("<template data-ae-chunk=\"1.1\"><p><!--ae:t1.1.1-->I<!--/ae:t1.1.1--></p></template>");
    }

    @Test
    void failedResourceGoesToTheErrorBoundaryInsideTheChunk() {
        CompletableFuture<String> fetch = new CompletableFuture<>();
        Recorder out = new Recorder();
        out.afterFlush.add(() -> Thread.ofPlatform().start(() -> fetch.completeExceptionally(new IllegalStateException("offline"))));
        Ssr.stream(component(() -> {
            Resource<String> user = resource(() -> fetch);
            return suspense(() -> text("…"), () -> errorBoundary(() -> text(Suspense.read(user)),
                    (e, retry) -> p(text("failed: " + e.getMessage()))));
        }), out);
        assertThat(out.out.toString()).contains("<template data-ae-chunk=\"1\"><!--ae:b1.1--><p>failed: offline</p><!--/ae:b1.1--></template>");
    }

    @Test
    void lazyComponentStreamsOnceLoaded() {
        CompletableFuture<Component<String>> load = new CompletableFuture<>();
        Lazy<String> page = lazy(() -> load);
        Recorder out = new Recorder();
        out.afterFlush.add(completeLater(load, s -> h1(text(s))));
        Ssr.stream(suspense(() -> text("…"), () -> component(page, "Orders")), out);
        assertThat(out.flushes.get(0)).isEqualTo("<!--ae:u1-->…<!--/ae:u1-->");
        assertThat(out.out.toString()).endsWith("<template data-ae-chunk=\"1\"><h1>Orders</h1></template><script>$ae(\"1\")</script>");
        assertThat(Ssr.render(component(page, "Again"))).isEqualTo("<h1>Again</h1>"); // loaded once, then synchronous
    }

    @Test
    void pendingReadOutsideAnySuspenseBoundaryFails() {
        assertThatThrownBy(() -> Ssr.render(component(() -> {
            Resource<String> user = resource(() -> new CompletableFuture<String>());
            return text(Suspense.read(user));
        }))).isInstanceOf(SuspendedException.class).hasMessageContaining("no Suspense boundary");
    }

    @Test
    void renderIsDisposedEvenWhenAResourceNeverResolves() {
        List<String> log = new ArrayList<>();
        assertThatThrownBy(() -> Ssr.streamPage(Page.of("t", () -> component(() -> {
            Lifecycle.onCleanup(() -> log.add("cleaned"));
            Resource<String> never = resource(() -> new CompletableFuture<String>());
            return userBox(never);
        })), new StringBuilder(), Duration.ofMillis(50))).isInstanceOf(ReactiveException.class);
        assertThat(log).containsExactly("cleaned");
    }

    @Test
    void pageHasHeadFromThePageAndFromComponents() {
        String html = Ssr.renderPage(Page.of("Shop", () -> component(() -> {
            Head.title("Orders – Shop");
            return h1(text("Orders"));
        })).withMeta("description", "Your orders"));
        assertThat(html).isEqualTo("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Orders – Shop</title>"
                + "<meta name=\"description\" content=\"Your orders\"></head><body><h1>Orders</h1></body></html>");
    }

    @Test
    void pagePortalsAndChunksComeBeforeTheEndOfBody() {
        CompletableFuture<String> fetch = new CompletableFuture<>();
        Recorder out = new Recorder();
        out.afterFlush.add(completeLater(fetch, "Ada"));
        Ssr.streamPage(Page.of("t", () -> component(() -> {
            Resource<String> user = resource(() -> fetch);
            return div(userBox(user), portal(() -> text("modal")));
        })), out, Duration.ofSeconds(5));
        String html = out.out.toString();
        assertThat(out.flushes.get(0)).endsWith("</div><div data-ae-portal=\"2\">modal</div>");
        assertThat(html).endsWith("<script>$ae(\"1\")</script></body></html>");
    }

    @Test
    void headOutsideAPageRenderFails() {
        assertThatThrownBy(() -> Ssr.render(component(() -> {
            Head.title("x");
            return text("");
        }))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void suspendedBoundaryInsideASerialContextTaskFailsWithAClearMessage() {
        try (ReactiveContext session = ReactiveContext.create("session-1")) {
            assertThatThrownBy(() -> session.call(() -> Ssr.render(component(() -> {
                Resource<String> never = resource(() -> new CompletableFuture<String>());
                return userBox(never);
            })))).isInstanceOf(IllegalStateException.class).hasMessageContaining("thread-confined");
        }
    }

    @Test
    void serialContextRendersWhenNothingSuspends() {
        try (ReactiveContext session = ReactiveContext.create("session-2")) {
            assertThat(session.call(() -> Ssr.render(p(text(() -> "x"))))).isEqualTo("<p><!--ae:t1-->x<!--/ae:t1--></p>");
        }
    }

    @Test
    void streamingToAnOutputStreamWritesUtf8() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Ssr.stream(p(text("Grüße ✓")), bytes);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("<p>Grüße ✓</p>");
    }
}
