package dev.aether.web.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aether.reactive.Disposable;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.ReactiveContext;
import dev.aether.titan.log.LogText;
import dev.aether.web.Page;
import dev.aether.web.component.Scope;
import dev.aether.web.html.DomEvent;
import dev.aether.web.html.EventHandler;
import dev.aether.web.ssr.Head;
import dev.aether.web.ssr.Ssr;
import io.github.resilience4j.ratelimiter.RateLimiter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live page: the reactive graph that rendered it, on its own serial {@link ReactiveContext},
 * the event handlers of its elements, and the frames of patches it sent.
 *
 * <p>Everything but the constructor, {@link #token()} and {@link #context()} runs on the
 * session's context. Patches emitted during one task are sent as one frame when the task is
 * over. Frames are numbered and kept until the browser acknowledges them, so a connection that
 * drops and comes back (within the grace period) replays what it missed; events carry numbers
 * too, so an event sent twice across a reconnect runs once.
 */
final class LiveSession {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSession.class);
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String token;
    private final ReactiveContext context;
    private final LiveSessions owner;
    private final int maxBufferedFrames;
    private final String browser;          // the live cookie of the browser the page was rendered for; null: none
    private final RateLimiter eventPermits;

    // ---- touched only on the session's context ------------------------------------------
    private Disposable root;
    private int ids;
    private final Map<String, EventHandler> handlers = new HashMap<>();
    private List<Patch> pending = new ArrayList<>();
    private boolean flushScheduled;
    private boolean ackOwed;
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private long nextSeq = 1;
    private long lastEvent;
    private LiveConnection connection;
    private List<Runnable> insertions = new ArrayList<>();
    private boolean streaming;
    private boolean swapScriptSent;
    private String csrfToken = "";
    private String scriptNonce;

    // ---- shared with the thread that streams the page's response ----------------------------
    private final AtomicInteger openBoundaries = new AtomicInteger();
    private final LinkedBlockingQueue<String> chunks = new LinkedBlockingQueue<>();
    private volatile ScheduledFuture<?> expiry;

    private record Frame(long seq, String json) {
    }

    LiveSession(String token, ReactiveContext context, LiveSessions owner, int maxBufferedFrames, String browser, RateLimiter eventPermits) {
        this.token = token;
        this.context = context;
        this.owner = owner;
        this.maxBufferedFrames = maxBufferedFrames;
        this.browser = browser;
        this.eventPermits = eventPermits;
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

    // ---- rendering ----------------------------------------------------------------------

    /** Renders the page's shell (document start, body, portals) and keeps its bindings live. */
    String renderShell(Page page) {
        streaming = true;
        StringBuilder html = new StringBuilder(2048);
        root = LiveRenderer.renderRoot(() -> {
            Scope scope = Scope.root();
            Head head = Head.open(page, scope);
            LiveRenderer renderer = new LiveRenderer(this);
            Scope.run(scope, () -> {
                renderer.render(page.body().get());
                return null;
            });
            html.append(Ssr.documentStart(page, head)).append(renderer.htmlWithPortals());
        });
        return html.toString();
    }

    void csrfToken(String token) {
        this.csrfToken = token;
    }

    /** The nonce the page's inline scripts carry for its Content-Security-Policy, or null. */
    void scriptNonce(String nonce) {
        this.scriptNonce = nonce;
    }

    /** The CSRF token the renderer puts into posting forms. */
    String csrfToken() {
        return csrfToken;
    }

    String nextId() {
        return Integer.toString(++ids);
    }

    /**
     * Registers the handler of {@code event} on element {@code elementId}. Several handlers of one
     * event on one element (keydown with two key filters) are numbered in the order of the
     * element's {@code data-ae-on} tokens, as the runtime numbers them.
     */
    void handle(String elementId, String event, EventHandler handler) {
        int n = 0;
        while (handlers.containsKey(handlerKey(elementId, event, n))) {
            n++;
        }
        String key = handlerKey(elementId, event, n);
        handlers.put(key, handler);
        Reactive.onCleanup(() -> handlers.remove(key, handler));
    }

    private static String handlerKey(String elementId, String event, int n) {
        return n == 0 ? elementId + " " + event : elementId + " " + event + " " + n;
    }

    /** Runs {@code mount} once the HTML just rendered is in the browser. */
    void afterInsertion(Runnable mount) {
        insertions.add(mount);
    }

    // ---- Suspense boundaries while the response streams ---------------------------------

    /** A boundary suspended; true when the page's response is still streaming and will wait for it. */
    boolean boundaryOpened() {
        if (streaming) {
            openBoundaries.incrementAndGet();
            return true;
        }
        return false;
    }

    /** A counted boundary went without resolving. */
    void boundaryAbandoned() {
        openBoundaries.decrementAndGet();
        chunks.add("");   // wakes the streaming thread to look at the count again
    }

    void boundaryResolved(String id, String html) {
        if (streaming) {
            String prefix = swapScriptSent ? "" : Ssr.swapScript(scriptNonce);
            swapScriptSent = true;
            openBoundaries.decrementAndGet();   // first: the streaming thread checks the count after taking a chunk
            chunks.add(prefix + Ssr.chunk(id, html, scriptNonce));
        } else {
            emit(new Patch.Replace("u" + id, html));
        }
    }

    /** Boundaries of the response still waiting; read by the streaming thread. */
    int openBoundaries() {
        return openBoundaries.get();
    }

    /** The next streamed chunk, waiting at most {@code millis}; null when none came. */
    String nextChunk(long millis) throws InterruptedException {
        return chunks.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Ends streaming: later resolutions become patches. Returns the chunks not taken yet. */
    List<String> endStreaming() {
        streaming = false;
        List<String> rest = new ArrayList<>();
        chunks.drainTo(rest);
        return rest;
    }

    // ---- patches out ----------------------------------------------------------------------

    void emit(Patch patch) {
        pending.add(patch);
        scheduleFlush();
    }

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            context.post(this::flush);   // after the task that changed things: one frame per task
        }
    }

    void flush() {
        flushScheduled = false;
        if (pending.isEmpty() && !ackOwed) {
            return;
        }
        long seq = pending.isEmpty() ? 0 : nextSeq++;
        String json = frame(seq, pending, lastEvent);
        pending = new ArrayList<>();
        ackOwed = false;
        if (seq > 0) {
            frames.addLast(new Frame(seq, json));
            while (frames.size() > maxBufferedFrames) {
                frames.removeFirst();
            }
        }
        if (connection != null) {
            connection.send(json);
            runInsertions();
        }
    }

    private void runInsertions() {
        if (insertions.isEmpty()) {
            return;
        }
        List<Runnable> now = insertions;
        insertions = new ArrayList<>();
        for (Runnable mount : now) {
            try {
                mount.run();
            } catch (RuntimeException e) {
                LOG.warn("onMount of live session {} failed", token, e);
            }
        }
    }

    static String frame(long seq, List<Patch> patches, long ack) {
        List<Object> wire = new ArrayList<>(patches.size());
        for (Patch p : patches) {
            wire.add(p.wire());
        }
        try {
            return JSON.writeValueAsString(List.of(seq, wire, ack));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the connection -------------------------------------------------------------------

    /**
     * A browser (re)connects, having applied every frame up to {@code lastSeen}: frames after
     * it are sent again, then a frame that says which events have run. False when the frames it
     * missed are gone (it must reload).
     */
    boolean attach(LiveConnection c, long lastSeen) {
        if (lastSeen >= nextSeq || lastSeen + 1 < firstKeptSeq()) {
            return false;
        }
        owner.cancelExpiry(this);
        if (connection != null && connection != c) {
            connection.close(LiveProtocol.Close.REPLACED, "Replaced by a newer connection");
        }
        connection = c;
        for (Frame f : frames) {
            if (f.seq() > lastSeen) {
                c.send(f.json());
            }
        }
        c.send(frame(0, List.of(), lastEvent));
        runInsertions();
        return true;
    }

    void detach(LiveConnection c) {
        if (connection == c) {
            connection = null;
            owner.scheduleExpiry(this);
        }
    }

    boolean attached() {
        return connection != null;
    }

    /** The browser has applied every frame up to {@code seq}: they need not be kept. */
    void acknowledge(long seq) {
        while (!frames.isEmpty() && frames.peekFirst().seq() <= seq) {
            frames.removeFirst();
        }
    }

    /** The oldest frame a browser could still be sent again (frames are kept in order, without gaps). */
    private long firstKeptSeq() {
        return frames.isEmpty() ? nextSeq : frames.peekFirst().seq();
    }

    /** Runs the handler of event {@code seq}; a number already seen (a resend) is ignored. */
    void receive(long seq, String elementId, String type, Map<String, String> data) {
        receive(seq, elementId, type, 0, data);
    }

    /** The same for the {@code n}th handler of {@code type} on the element. */
    void receive(long seq, String elementId, String type, int n, Map<String, String> data) {
        if (seq <= lastEvent) {
            return;
        }
        if (!pending.isEmpty()) {
            // what earlier events wrote goes out first, acknowledging only them: the browser
            // applies a value as of the event that wrote it (rebasing what was typed since)
            flush();
        }
        lastEvent = seq;
        ackOwed = true;
        scheduleFlush();
        EventHandler handler = handlers.get(handlerKey(elementId, type, n));
        if (handler == null) {
            owner.refusals().info("no handler", "live session {}: rejected {} event for element {} (not a handler of this page)", token,
                    LogText.of(type), LogText.of(elementId));
            // cut like a log line: a peer's 60 KB id is not worth sending back
            emit(new Patch.Rejected(seq, "no " + LogText.escape(type) + " handler on element " + LogText.escape(elementId)));
            return;
        }
        try {
            Reactive.batch(() -> handler.handle(new DomEvent(type, data)));
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            LOG.error("live session {}: {} handler on element {} failed (error id {})", token, LogText.of(type), LogText.of(elementId), errorId, e);
            emit(new Patch.Rejected(seq, "the " + type + " handler failed on the server (error id " + errorId + ")"));
        }
    }

    /**
     * Event {@code seq} was over the session's rate limit: it is not run, but counts as answered
     * (so the browser stops resending it), and the browser is told why.
     */
    void refuse(long seq, String reason) {
        if (seq <= lastEvent) {
            return;
        }
        lastEvent = seq;
        ackOwed = true;
        owner.refusals().info("event rate", "live session {}: refused event {}: {}", token, seq, reason);
        emit(new Patch.Rejected(seq, reason));
    }

    /** Frees everything the page holds; the connection, if any, is told the session is over. */
    void end(int code, String reason) {
        if (connection != null) {
            connection.close(code, reason);
            connection = null;
        }
        if (root != null) {
            root.dispose();
            root = null;
        }
        handlers.clear();
        frames.clear();
        pending.clear();
        insertions.clear();
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
        return frames.size();
    }
}
