package dev.aether.web.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.web.Page;
import dev.aether.web.html.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A live session without sockets, for specifications of patch generation: renders a page on a
 * real session context, attaches a recording connection, delivers events and collects frames.
 *
 * <pre>{@code
 * try (LiveHarness live = LiveHarness.render(() -> button(on("click", () -> n.update(x -> x + 1)), text(() -> n.get())))) {
 *     live.event("1", "click");
 *     assertThat(live.patches()).containsExactly(new Patch.Text("2", "1"));
 * }
 * }</pre>
 */
final class LiveHarness implements AutoCloseable {
    final LiveSessions sessions;
    final LiveSession session;
    final String html;
    final Recorder connection = new Recorder();
    private long events;
    /** The CSRF token the harness renders pages with. */
    static final String CSRF_TOKEN = "harness-csrf-token";

    static final class Recorder implements LiveConnection {
        final List<String> frames = new CopyOnWriteArrayList<>();
        volatile int closeCode;
        volatile String closeReason;

        @Override
        public void send(String frame) {
            frames.add(frame);
        }

        @Override
        public void close(int code, String reason) {
            closeCode = code;
            closeReason = reason;
        }
    }

    static LiveHarness render(Supplier<? extends Node> body) {
        return new LiveHarness(body, Duration.ofSeconds(30), 512);
    }

    // ---- helpers added for the specification suite ------------------------------------------

    private LiveHarness(Supplier<? extends Node> body, Duration grace, int maxBufferedFrames) {
        sessions = new LiveSessions(grace, maxBufferedFrames);
        session = sessions.create();
        html = session.context().call(() -> session.renderShell(Page.of("test", body), CSRF_TOKEN, null));
        session.chunks().end();
        session.context().call(() -> session.attach(connection, 0));
        settle();
        connection.frames.clear();   // the resume frame
    }

    /** Like {@link #render(Supplier)}, with the sessions' grace period and frame buffer given. */
    static LiveHarness render(Supplier<? extends Node> body, Duration grace, int maxBufferedFrames) {
        return new LiveHarness(body, grace, maxBufferedFrames);
    }

    /** Delivers event number {@code seq} (a resend, a gap…) and waits until its frame is out. */
    void event(long seq, String id, String type, Map<String, String> data) {
        events = Math.max(events, seq);
        session.context().call(() -> {
            session.receive(new InboundMessage.Event(seq, id, type, data, 0));
            return null;
        });
        settle();
    }

    /** Delivers an event for the {@code handler}th handler of {@code type} on element {@code id}, as the runtime numbers them. */
    void event(String id, String type, int handler, Map<String, String> data) {
        long seq = ++events;
        session.context().call(() -> {
            session.receive(new InboundMessage.Event(seq, id, type, data, 0, handler));
            return null;
        });
        settle();
    }

    /** Runs {@code task} on the session's context and returns its result (no settling). */
    <T> T call(Supplier<T> task) {
        return session.context().call(task);
    }

    /** Attaches {@code c} as if it had applied every frame up to {@code lastSeen}; waits for what it is sent. */
    boolean attach(Recorder c, long lastSeen) {
        boolean ok = session.context().call(() -> session.attach(c, lastSeen));
        settle();
        return ok;
    }

    /** The connection {@code c} drops. */
    void detach(Recorder c) {
        session.context().call(() -> {
            session.detach(c);
            return null;
        });
        settle();
    }

    /** Every patch in {@code frames}, in order. */
    static List<Patch> patchesOf(List<String> frames) {
        return Frames.patchesOf(frames);
    }

    /** Every patch sent since the last call, as the JSON arrays sent. */
    List<JsonNode> patchNodes() {
        List<JsonNode> out = new ArrayList<>();
        for (String f : takeFrames()) {
            for (JsonNode p : read(f).get(1)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The body's HTML, without the document start. */
    String body() {
        return html.substring(html.indexOf("<body>") + 6);
    }

    /** Delivers a DOM event for element {@code id} and waits until its frame is out. */
    void event(String id, String type) {
        event(id, type, Map.of());
    }

    void event(String id, String type, Map<String, String> data) {
        long seq = ++events;
        session.context().call(() -> {
            session.receive(new InboundMessage.Event(seq, id, type, data, 0));
            return null;
        });
        settle();
    }

    /** Runs {@code task} on the session's context (a server push) and waits for its frame. */
    void run(Runnable task) {
        session.context().call(() -> {
            task.run();
            return null;
        });
        settle();
    }

    /** Waits until every task posted to the session so far (flushes included) has run. */
    void settle() {
        for (int i = 0; i < 3; i++) {
            session.context().call(() -> null);
        }
    }

    /** Every patch sent since the last call, in order. */
    List<Patch> patches() {
        return Frames.patchesOf(takeFrames());
    }

    /** The one patch sent since the last call, which must be a {@code type}. */
    <P extends Patch> P onlyPatch(Class<P> type) {
        List<Patch> patches = patches();
        if (patches.size() != 1 || !type.isInstance(patches.get(0))) {
            throw new AssertionError("expected one " + type.getSimpleName() + " patch, got " + patches);
        }
        return type.cast(patches.get(0));
    }

    /** The frames sent since the last call, typed. */
    List<Frames.Sent> frames() {
        return Frames.parseAll(takeFrames());
    }

    /** The frames sent since the last call. */
    List<String> takeFrames() {
        List<String> out = new ArrayList<>(connection.frames);
        connection.frames.removeAll(out);
        return out;
    }

    static JsonNode read(String frame) {
        return Frames.read(frame);
    }

    @Override
    public void close() {
        sessions.endAll();
    }
}
