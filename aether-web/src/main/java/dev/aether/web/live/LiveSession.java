package dev.aether.web.live;

import dev.aether.reactive.Disposable;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.ReactiveContext;
import dev.aether.titan.log.ClientErrorLog;
import dev.aether.netron.protocol.log.LogText;
import dev.aether.titan.Principal;
import dev.aether.web.LivePage;
import dev.aether.web.Page;
import dev.aether.web.component.Scope;
import dev.aether.web.html.DomEvent;
import dev.aether.web.html.EventHandler;
import dev.aether.web.html.RefusedEventException;
import dev.aether.web.ssr.ChunkStream;
import dev.aether.web.ssr.Head;
import dev.aether.web.ssr.Ssr;
import io.github.resilience4j.ratelimiter.RateLimiter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live page: coordinates the reactive graph that rendered it, its {@link HandlerTable}, its
 * {@link Outbox} (frames to the browser, kept in a {@link FrameLog}) and the {@link ChunkStream}
 * of its response. Events come in through {@link #receive}; patches leave through the outbox.
 *
 * <p>Thread domains: {@link #token()}, {@link #context()}, {@link #renderedFor}, {@link #tryEvent}
 * and the expiry are for any thread; the chunk stream is shared with the thread writing the page's
 * response; everything else, and every part but the chunk stream, runs on the session's serial
 * context. Nothing here calls up: the session reports connections to its {@link Presence}.
 *
 * <pre>{@code
 * String shell = session.context().call(() -> session.renderShell(page, csrfToken, nonce));
 * session.context().post(() -> session.attach(connection, 0));
 * }</pre>
 */
final class LiveSession {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSession.class);

    /** Told when a session gains or loses its browser (its owner starts or stops the grace period). */
    interface Presence {
        void attached(LiveSession session);

        void detached(LiveSession session);
    }

    private final String token;
    private final ReactiveContext context;
    private final Presence presence;
    private final ClientErrorLog refusals;
    private final String browser;          // the live cookie of the browser the page was rendered for; null: none
    private final RateLimiter eventPermits;
    private final HandlerTable handlers = new HandlerTable();
    private final Outbox outbox;
    private Disposable root;
    /** The runtime parts the page's first render asked for; read once it is delivered. */
    private final RuntimeParts runtimeParts = new RuntimeParts();
    private volatile ChunkStream chunks;   // set by renderShell
    private volatile ScheduledFuture<?> expiry;

    LiveSession(String token, ReactiveContext context, Presence presence, ClientErrorLog refusals, int maxBufferedFrames,
                String browser, RateLimiter eventPermits) {
        this.token = token;
        this.context = context;
        this.presence = presence;
        this.refusals = refusals;
        this.browser = browser;
        this.eventPermits = eventPermits;
        this.outbox = new Outbox(new FrameLog(maxBufferedFrames), context::post, "session " + token);
    }

    String token() {
        return token;
    }

    ReactiveContext context() {
        return context;
    }

    /**
     * Whether {@code liveCookie} is the cookie of the browser this page was rendered for: only
     * that browser may attach, so a token seen elsewhere (a shared screenshot of the source, a
     * log) does not take the page over. Any thread.
     */
    boolean renderedFor(String liveCookie) {
        return browser != null && liveCookie != null
                && MessageDigest.isEqual(browser.getBytes(StandardCharsets.UTF_8), liveCookie.getBytes(StandardCharsets.UTF_8));
    }

    /** Takes a permit for one event from the session's rate limit; false: the event must be refused. Any thread. */
    boolean tryEvent() {
        return eventPermits.acquirePermission();
    }

    /**
     * Renders the page's shell (document start, body, portals) and keeps its bindings live; posting
     * forms carry {@code csrfToken}, streamed scripts {@code nonce} (null: none). Suspense
     * boundaries still open stream through {@link #chunks()}.
     */
    String renderShell(Page page, String csrfToken, String nonce) {
        return renderShell(page, csrfToken, nonce, Optional.empty(), parts -> "");
    }

    /**
     * As {@link #renderShell(Page, String, String)}, for {@code visitor} ({@link LivePage#principal()}
     * in the page); {@code headTags} turns the runtime parts the page asked for into the trusted
     * HTML the head ends with (their script tags).
     */
    String renderShell(Page page, String csrfToken, String nonce, Optional<Principal> visitor, Function<RuntimeParts, String> headTags) {
        ChunkStream stream = new ChunkStream(nonce);
        chunks = stream;
        LiveRenderer.Shared shared = new LiveRenderer.Shared(handlers, outbox, stream, csrfToken, runtimeParts);
        StringBuilder html = new StringBuilder(2048);
        root = LiveRenderer.renderRoot(() -> {
            Scope scope = Scope.root();
            scope.provide(LivePage.PRINCIPAL, visitor);
            Head head = Head.open(page, scope);
            LiveRenderer renderer = new LiveRenderer(shared);
            Scope.run(scope, () -> {
                renderer.render(page.body().get());
                return null;
            });
            html.append(Ssr.documentStart(page, head, headTags.apply(runtimeParts))).append(renderer.htmlWithPortals());
        });
        return html.toString();
    }

    /**
     * The paths of the runtime parts the page needs beside the core (the persist part when it
     * persists a value in browser storage).
     */
    Set<String> runtimeParts() {
        return runtimeParts.paths();
    }

    /** The Suspense chunks of the page's response; the thread writing the response reads them. */
    ChunkStream chunks() {
        return chunks;
    }

    /** Patches a server push emits go here too (the same frame as a binding's). */
    void emit(Patch patch) {
        outbox.emit(patch);
    }

    // ---- the connection -------------------------------------------------------------------

    /**
     * A browser (re)connects, having applied every frame up to {@code lastSeen}: frames after
     * it are sent again, then the resume frame. False when the frames it missed are gone (it must
     * reload).
     */
    boolean attach(LiveConnection c, long lastSeen) {
        if (!outbox.attach(c, lastSeen)) {
            return false;
        }
        presence.attached(this);
        return true;
    }

    /** Connection {@code c} went; true when it was the session's connection (not one taken over since). */
    boolean detach(LiveConnection c) {
        if (outbox.detach(c)) {
            presence.detached(this);
            return true;
        }
        return false;
    }

    boolean attached() {
        return outbox.attached();
    }

    /** The browser has applied every frame up to {@code seq}: they need not be kept. */
    void acknowledge(long seq) {
        outbox.acknowledge(seq);
    }

    // ---- events ---------------------------------------------------------------------------

    /** Runs the handler of event {@code e}; a number already answered (a resend) is ignored. */
    void receive(InboundMessage.Event e) {
        if (!outbox.startAnswering(e.seq())) {
            return;
        }
        EventHandler handler = handlers.find(e.elementId(), e.type(), e.handler());
        if (handler == null) {
            refusals.info("no handler", "live session {}: rejected {} event for element {} (not a handler of this page)", token,
                    LogText.of(e.type()), LogText.of(e.elementId()));
            // cut like a log line: a peer's 60 KB id is not worth sending back
            outbox.emit(new Patch.Rejected(e.seq(), "no " + LogText.escape(e.type()) + " handler on element " + LogText.escape(e.elementId())));
            return;
        }
        try {
            Reactive.batch(() -> handler.handle(new DomEvent(e.type(), e.data())));
        } catch (RefusedEventException refused) {
            refusals.info("refused event", "live session {}: {} event on element {} refused: {}", token, LogText.of(e.type()),
                    LogText.of(e.elementId()), LogText.of(refused.getMessage()));
            outbox.emit(new Patch.Rejected(e.seq(), refused.getMessage()));
        } catch (RuntimeException failure) {
            String errorId = UUID.randomUUID().toString();
            LOG.error("live session {}: {} handler on element {} failed (error id {})", token, LogText.of(e.type()), LogText.of(e.elementId()),
                    errorId, failure);
            outbox.emit(new Patch.Rejected(e.seq(), "the " + e.type() + " handler failed on the server (error id " + errorId + ")"));
        }
    }

    /**
     * Event {@code seq} was over the session's rate limit: it is not run, but counts as answered
     * (so the browser stops resending it), and the browser is told why.
     */
    void refuse(long seq, String reason) {
        if (!outbox.answerWithoutRunning(seq)) {
            return;
        }
        refusals.info("event rate", "live session {}: refused event {}: {}", token, seq, reason);
        outbox.emit(new Patch.Rejected(seq, reason));
    }

    /** Frees everything the page holds; the connection, if any, is told the session is over. */
    void end(int code, String reason) {
        outbox.disconnect(code, reason);
        if (root != null) {
            root.dispose();
            root = null;
        }
        handlers.clear();
        outbox.clear();
    }

    ScheduledFuture<?> expiry() {
        return expiry;
    }

    void expiry(ScheduledFuture<?> task) {
        this.expiry = task;
    }

    // for tests and figures
    int handlerCount() {
        return handlers.size();
    }

    int bufferedFrames() {
        return outbox.bufferedFrames();
    }
}
