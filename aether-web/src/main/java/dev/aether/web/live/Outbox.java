package dev.aether.web.live;

import dev.aether.web.protocol.LiveProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a live page sends its browser. Patches emitted during one task are sent as one
 * frame when the task is over (the flush is posted after it); every frame says up to which event
 * the browser's events have been answered, and is kept in the {@link FrameLog} for a reconnect.
 * With no browser attached, frames are only kept. Mount hooks run once a frame carrying their
 * HTML has gone out. Session context only: {@code later} must run its tasks there, in order.
 *
 * <pre>{@code
 * Outbox outbox = new Outbox(new FrameLog(512), context::post, "session abc");
 * outbox.emit(new Patch.Text("2", "1"));      // sent after the current task as [1,[["t","2","1"]],0]
 * }</pre>
 */
final class Outbox implements PatchSink {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final FrameLog log;
    private final Executor later;
    private final String owner;   // for the log
    private List<Patch> pending = new ArrayList<>();
    private List<Runnable> mounts = new ArrayList<>();
    private boolean flushScheduled;
    private boolean answerOwed;
    private long answeredUpTo;
    private LiveConnection connection;

    Outbox(FrameLog log, Executor later, String owner) {
        this.log = log;
        this.later = later;
        this.owner = owner;
    }

    @Override
    public void emit(Patch patch) {
        pending.add(patch);
        scheduleFlush();
    }

    @Override
    public void afterInsertion(Runnable mount) {
        mounts.add(mount);
    }

    /**
     * Event {@code seq} is about to run: what earlier events wrote goes out first, answering only
     * them (the browser applies a value as of the event that wrote it, rebasing what was typed
     * since). False when the event was answered already (a resend across a reconnect).
     */
    boolean startAnswering(long seq) {
        if (seq <= answeredUpTo) {
            return false;
        }
        if (!pending.isEmpty()) {
            flush();
        }
        markAnswered(seq);
        return true;
    }

    /** Event {@code seq} counts as answered without running (it was refused); false for a resend. */
    boolean answerWithoutRunning(long seq) {
        if (seq <= answeredUpTo) {
            return false;
        }
        markAnswered(seq);
        return true;
    }

    private void markAnswered(long seq) {
        answeredUpTo = seq;
        answerOwed = true;
        scheduleFlush();
    }

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            later.execute(this::flush);   // after the task that changed things: one frame per task
        }
    }

    void flush() {
        flushScheduled = false;
        if (pending.isEmpty() && !answerOwed) {
            return;
        }
        String frame = log.append(pending, answeredUpTo);
        pending = new ArrayList<>();
        answerOwed = false;
        if (connection != null) {
            connection.send(frame);
            runMounts();
        }
    }

    /**
     * Sends to {@code c} (a browser that applied every frame up to {@code lastSeen}) the frames it
     * missed, then the resume frame; a connection it replaces is closed. False when the frames it
     * missed are gone: it must reload.
     */
    boolean attach(LiveConnection c, long lastSeen) {
        if (!log.canResumeAfter(lastSeen)) {
            return false;
        }
        if (connection != null && connection != c) {
            connection.close(LiveProtocol.Close.REPLACED, "Replaced by a newer connection");
        }
        flush();   // what a task just before this one changed: its frame is due after the replay's, not after the resume frame
        connection = c;
        for (String frame : log.after(lastSeen)) {
            c.send(frame);
        }
        c.send(FrameLog.resume(answeredUpTo));
        runMounts();
        return true;
    }

    /** Whether {@code c} was the attached connection; it no longer is. */
    boolean detach(LiveConnection c) {
        if (connection != c) {
            return false;
        }
        connection = null;
        return true;
    }

    boolean attached() {
        return connection != null;
    }

    void acknowledge(long seq) {
        log.acknowledge(seq);
    }

    /** Closes the connection, if any, with {@code code}. */
    void disconnect(int code, String reason) {
        if (connection != null) {
            connection.close(code, reason);
            connection = null;
        }
    }

    /** Drops every frame, patch and mount hook held: the page is gone. */
    void clear() {
        log.clear();
        pending.clear();
        mounts.clear();
    }

    int bufferedFrames() {
        return log.size();
    }

    private void runMounts() {
        if (mounts.isEmpty()) {
            return;
        }
        List<Runnable> now = mounts;
        mounts = new ArrayList<>();
        for (Runnable mount : now) {
            try {
                mount.run();
            } catch (RuntimeException e) {
                LOG.warn("onMount of live {} failed", owner, e);
            }
        }
    }
}
